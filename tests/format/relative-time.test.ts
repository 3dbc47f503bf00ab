import { describe, expect, it } from 'vitest';
import { formatAgo, formatDateTime, formatMoment, sameDay } from '../../src/format/relative-time';

const at = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 2, day, hour, minute);
const utc = { locale: 'en', timeZone: 'UTC' };

describe('formatAgo', () => {
  it('calls a moment under 45 s old "now"', () => {
    expect(formatAgo(at(3, 14), at(3, 14) + 30_000, 'en')).toBe('now');
  });

  it('counts minutes, hours, then days', () => {
    expect(formatAgo(at(3, 14), at(3, 14, 3), 'en')).toBe('3 minutes ago');
    expect(formatAgo(at(3, 14), at(3, 17), 'en')).toBe('3 hours ago');
    expect(formatAgo(at(3, 14), at(4, 15), 'en')).toBe('yesterday');
    expect(formatAgo(at(3, 14), at(8, 14), 'en')).toBe('5 days ago');
  });

  it('says the next round is "in 4 minutes", not "4 minutes ago"', () => {
    expect(formatAgo(at(3, 14, 4), at(3, 14), 'en')).toBe('in 4 minutes');
  });

  it('is in the reader\'s language', () => {
    expect(formatAgo(at(3, 14), at(3, 14, 3), 'ru')).toBe('3 минуты назад');
    expect(formatAgo(at(3, 14), at(3, 14, 3), 'tr')).toBe('3 dakika önce');
  });
});

describe('formatMoment', () => {
  it('shows only the clock for today, a date for earlier days', () => {
    expect(formatMoment(at(3, 14, 5), at(3, 18), utc)).toBe('2:05 PM');
    expect(formatMoment(at(3, 14, 5), at(5, 18), utc)).toBe('Mar 3, 2:05 PM');
  });

  it('follows the given time zone for "today"', () => {
    // 23:30 UTC on the 3rd is already the 4th in Moscow (UTC+3).
    expect(sameDay(at(3, 23, 30), at(4, 1), { locale: 'en', timeZone: 'Europe/Moscow' })).toBe(true);
    expect(sameDay(at(3, 23, 30), at(4, 1), utc)).toBe(false);
  });

  it('uses a 24-hour clock where the language does', () => {
    expect(formatMoment(at(3, 14, 5), at(3, 18), { locale: 'ru', timeZone: 'UTC' })).toBe('14:05');
  });

  it('gives a full date for lists', () => {
    expect(formatDateTime(at(3, 14, 5), utc)).toBe('Mar 3, 2026, 2:05 PM');
  });
});
