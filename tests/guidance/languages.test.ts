import { describe, expect, it } from 'vitest';
import { toUiLanguage } from '../../src/guidance/languages';

describe('toUiLanguage', () => {
  it.each([
    ['ru-RU', 'ru'],
    ['ru', 'ru'],
    ['fa-IR', 'fa'],
    ['fa', 'fa'],
    ['zh-CN', 'zh_CN'],
    ['zh_CN', 'zh_CN'],
    ['zh-Hans-CN', 'zh_CN'],
    ['tr-TR', 'tr'],
    ['AR', 'ar'],
    ['ar-EG', 'ar'],
    ['en-GB', 'en'],
    // The browser shows these readers English text (there is no zh_TW or pt folder): links follow.
    ['zh-TW', 'en'],
    ['zh', 'en'],
    ['pt-BR', 'en'],
    ['', 'en'],
    ['  ', 'en'],
  ] as const)('%s → %s', (tag, expected) => {
    expect(toUiLanguage(tag)).toBe(expected);
  });

  it('reads a missing language as English', () => {
    expect(toUiLanguage(undefined)).toBe('en');
    expect(toUiLanguage(null)).toBe('en');
  });
});
