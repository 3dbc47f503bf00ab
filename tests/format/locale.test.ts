import { describe, expect, it } from 'vitest';
import { directionOf, localeTag } from '../../src/format/locale';
import { UI_LANGUAGES } from '../../src/guidance/languages';

describe('page language', () => {
  it('lays out Persian and Arabic right to left, the others left to right', () => {
    expect(UI_LANGUAGES.filter((language) => directionOf(language) === 'rtl')).toEqual(['fa', 'ar']);
  });

  it('gives Intl and <html lang> a BCP 47 tag', () => {
    expect(localeTag('zh_CN')).toBe('zh-CN');
    expect(localeTag('fa')).toBe('fa');
    for (const language of UI_LANGUAGES) expect(() => new Intl.NumberFormat(localeTag(language))).not.toThrow();
  });
});
