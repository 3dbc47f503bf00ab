/**
 * Moments as a person reads them: "3 minutes ago" for recent ones, a clock time for today's,
 * a date and time for older ones. The time zone is the environment's unless given (tests pass
 * one, so results do not depend on the machine).
 */
import { cached, dateTimeFormat } from './intl-cache';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time-units';

export interface MomentOptions {
  readonly locale: string;
  /** IANA zone; the environment's when absent. */
  readonly timeZone?: string;
}

/** Below this age a moment is "now": rounds take seconds, and "12 seconds ago" is noise. */
const NOW_WINDOW_MS = 45_000;

function relative(locale: string): Intl.RelativeTimeFormat {
  return cached('relative', locale, {}, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' }));
}

/** "now", "3 minutes ago", "2 hours ago", "yesterday", "5 days ago"; a future moment reads "in …". */
export function formatAgo(then: number, now: number, locale: string): string {
  const age = now - then;
  const size = Math.abs(age);
  const sign = age >= 0 ? -1 : 1;
  if (size < NOW_WINDOW_MS) return relative(locale).format(0, 'second');
  if (size < HOUR_MS) return relative(locale).format(sign * Math.round(size / MINUTE_MS), 'minute');
  if (size < DAY_MS) return relative(locale).format(sign * Math.round(size / HOUR_MS), 'hour');
  return relative(locale).format(sign * Math.round(size / DAY_MS), 'day');
}

function zoned(options: MomentOptions, format: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateTimeFormat(options.locale, options.timeZone ? { ...format, timeZone: options.timeZone } : format);
}

/** Whether two moments fall on the same calendar day in the zone. */
export function sameDay(a: number, b: number, options: MomentOptions): boolean {
  const day = zoned(options, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(a) === day.format(b);
}

/** "14:05" when `then` is today, else "3 Mar, 14:05" (in the reader's own order and digits). */
export function formatMoment(then: number, now: number, options: MomentOptions): string {
  if (sameDay(then, now, options)) return zoned(options, { hour: 'numeric', minute: '2-digit' }).format(then);
  return zoned(options, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(then);
}

/** A full date and time for lists that span months ("3 Mar 2026, 14:05"). */
export function formatDateTime(then: number, options: MomentOptions): string {
  return zoned(options, { dateStyle: 'medium', timeStyle: 'short' }).format(then);
}

/** A bucket's label on a chart axis: an hour for short spans, a day for long ones. */
export function formatAxisLabel(then: number, granularity: 'hour' | 'day', options: MomentOptions): string {
  return granularity === 'hour'
    ? zoned(options, { hour: 'numeric', minute: '2-digit' }).format(then)
    : zoned(options, { month: 'short', day: 'numeric' }).format(then);
}
