/**
 * Bytes the probes spent per local day, against the daily data budget. Pure; the ledger is part of
 * the runtime state (`runtime/runtime-state.ts`), saved in IndexedDB in the same transaction as
 * the round that spent the bytes, and read when a round plans its throughput probes. Days follow
 * the caller's local offset, so "today" is the user's today.
 */
import { addDays, isLocalDay, localDay, type LocalDay } from './local-day';

export const LEDGER_VERSION = 1;
/** Days kept: a week, enough for the options page to show one, and the ledger stays a handful of entries. */
export const LEDGER_DAYS = 7;

export interface DataLedger {
  readonly version: typeof LEDGER_VERSION;
  /** Bytes per local day. */
  readonly days: Readonly<Record<LocalDay, number>>;
}

export const EMPTY_LEDGER: DataLedger = { version: LEDGER_VERSION, days: {} };

/** A ledger from storage; anything damaged starts over (losing at most a day's count). */
export function parseLedger(stored: unknown): DataLedger {
  if (typeof stored !== 'object' || stored === null) return EMPTY_LEDGER;
  const days = (stored as { days?: unknown }).days;
  if (typeof days !== 'object' || days === null || Array.isArray(days)) return EMPTY_LEDGER;
  const kept: Record<LocalDay, number> = {};
  for (const [day, bytes] of Object.entries(days)) {
    if (isLocalDay(day) && typeof bytes === 'number' && Number.isFinite(bytes) && bytes >= 0) kept[day] = bytes;
  }
  return { version: LEDGER_VERSION, days: kept };
}

/** Records `bytes` spent at `now`, dropping days older than LEDGER_DAYS. */
export function spend(ledger: DataLedger, bytes: number, now: number, utcOffsetMin: number): DataLedger {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`spend: ${bytes} is not a number of bytes`);
  const today = localDay(now, utcOffsetMin);
  const oldest = addDays(today, 1 - LEDGER_DAYS);
  const days: Record<LocalDay, number> = {};
  for (const [day, spent] of Object.entries(ledger.days)) if (day >= oldest && day <= today) days[day] = spent;
  days[today] = (days[today] ?? 0) + bytes;
  return { version: LEDGER_VERSION, days };
}

export function spentToday(ledger: DataLedger, now: number, utcOffsetMin: number): number {
  return ledger.days[localDay(now, utcOffsetMin)] ?? 0;
}

/** Bytes left today, never below zero. */
export function remainingToday(ledger: DataLedger, budgetBytes: number, now: number, utcOffsetMin: number): number {
  return Math.max(0, budgetBytes - spentToday(ledger, now, utcOffsetMin));
}
