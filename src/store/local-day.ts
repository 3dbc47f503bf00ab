/**
 * Local calendar days without the environment's time zone database: the caller passes the
 * offset from UTC (in the extension, `-new Date().getTimezoneOffset()` at the time of the round),
 * so the same code gives the same day in the worker, the pages, Node and tests.
 */
import { DAY_MS, MINUTE_MS } from '../time-units';

/** A local day as `YYYY-MM-DD`: sorts in time order and reads the same in every export. */
export type LocalDay = string;

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The local day that `ms` falls in, for a zone `utcOffsetMin` minutes east of UTC. */
export function localDay(ms: number, utcOffsetMin: number): LocalDay {
  return new Date(ms + utcOffsetMin * MINUTE_MS).toISOString().slice(0, 10);
}

/** When the local day containing `ms` began, ms since the epoch. */
export function localDayStart(ms: number, utcOffsetMin: number): number {
  const shifted = ms + utcOffsetMin * MINUTE_MS;
  return Math.floor(shifted / DAY_MS) * DAY_MS - utcOffsetMin * MINUTE_MS;
}

/** The day `days` after `day` (negative: before). */
export function addDays(day: LocalDay, days: number): LocalDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whether `value` is a real calendar day written as `YYYY-MM-DD`. */
export function isLocalDay(value: unknown): value is LocalDay {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}

/** Offsets in use run from UTC−12 to UTC+14; anything else is damaged data. */
export function isUtcOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -12 * 60 && value <= 14 * 60;
}
