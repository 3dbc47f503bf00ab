import { describe, expect, it } from 'vitest';
import { addDays, isLocalDay, localDay, localDayStart } from '../../src/store/local-day';
import { jsonBytes } from '../../src/store/record-size';

describe('local days', () => {
  it.each<[string, number, string]>([
    ['2026-03-01T20:59:00Z', 180, '2026-03-01'],
    ['2026-03-01T21:00:00Z', 180, '2026-03-02'],
    ['2026-03-01T20:29:00Z', 210, '2026-03-01'],
    ['2026-03-01T20:30:00Z', 210, '2026-03-02'],
    ['2026-03-01T04:59:00Z', -300, '2026-02-28'],
    ['2028-02-29T12:00:00Z', 0, '2028-02-29'],
  ])('%s at UTC%+d min is %s', (iso, offset, day) => {
    expect(localDay(Date.parse(iso), offset)).toBe(day);
  });

  it('a local day starts at local midnight', () => {
    expect(new Date(localDayStart(Date.parse('2026-03-01T22:00:00Z'), 180)).toISOString()).toBe('2026-03-01T21:00:00.000Z');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 90)).toBe('2026-03-31');
  });

  it.each([['2026-02-29', false], ['2028-02-29', true], ['2026-3-1', false], ['2026-03-01', true], [20260301, false]])('%j is a day: %s', (value, valid) => {
    expect(isLocalDay(value)).toBe(valid);
  });
});

describe('jsonBytes', () => {
  it('counts UTF-8 bytes, as the text would be stored or exported', () => {
    expect(jsonBytes({ a: 'abc' })).toBe(11);
    // Persian and Cyrillic letters are two bytes, CJK three, an emoji four.
    expect(jsonBytes('سلام')).toBe(2 + 4 * 2);
    expect(jsonBytes('блок')).toBe(2 + 4 * 2);
    expect(jsonBytes('封锁')).toBe(2 + 2 * 3);
    expect(jsonBytes('🚫')).toBe(2 + 4);
    expect(jsonBytes(undefined)).toBe(0);
  });
});
