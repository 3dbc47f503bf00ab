import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/format/duration';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatDuration', () => {
  it('says an incident length in at most two units', () => {
    expect(formatDuration(65 * MIN, 'en')).toBe('1 hr, 5 min');
    expect(formatDuration(3 * 24 * HOUR + 4 * HOUR + 20 * MIN, 'en')).toBe('3 days, 4 hr');
    expect(formatDuration(12 * MIN, 'en')).toBe('12 min');
    expect(formatDuration(30_000, 'en')).toBe('30 sec');
  });

  it('rounds to the minute before choosing units, so 59 min 40 s is an hour', () => {
    expect(formatDuration(59 * MIN + 40_000, 'en')).toBe('1 hr');
  });

  it('drops a zero second unit instead of saying "0 min"', () => {
    expect(formatDuration(2 * HOUR, 'en')).toBe('2 hr');
    expect(formatDuration(2 * 24 * HOUR, 'en')).toBe('2 days');
  });

  it('speaks the reader\'s language and digits', () => {
    expect(formatDuration(65 * MIN, 'ru')).toBe('1 ч 5 мин');
    expect(formatDuration(65 * MIN, 'fa')).toContain('۱');
    expect(formatDuration(65 * MIN, 'zh-CN')).toBe('1小时5分钟');
  });

  it('reads nonsense (negative, NaN) as zero rather than printing it', () => {
    expect(formatDuration(-5, 'en')).toBe('0 sec');
    expect(formatDuration(Number.NaN, 'en')).toBe('0 sec');
  });
});
