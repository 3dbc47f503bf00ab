/**
 * How long something lasted, in the reader's language: the largest unit and the next one
 * ("2 h 5 min", "3 days 4 h"), which is as precise as an incident list needs. Units and their
 * order come from `Intl`, so no message key is needed.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from '../time-units';
import { cached, numberFormat } from './intl-cache';

type Unit = 'day' | 'hour' | 'minute' | 'second';

function unit(locale: string, name: Unit, value: number): string {
  return numberFormat(locale, { style: 'unit', unit: name, unitDisplay: name === 'day' ? 'long' : 'short', maximumFractionDigits: 0 }).format(value);
}

function join(locale: string, parts: readonly string[]): string {
  return cached('list', locale, {}, () => new Intl.ListFormat(locale, { type: 'unit', style: 'short' })).format(parts);
}

/** `ms` as at most two units; negative or non-finite input reads as zero seconds. */
export function formatDuration(ms: number, locale: string): string {
  const total = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (total < MINUTE_MS) return unit(locale, 'second', Math.round(total / SECOND_MS));
  // Round to whole minutes first, so 59 min 40 s reads "1 h", not "59 min".
  const minutes = Math.round(total / MINUTE_MS);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? join(locale, [unit(locale, 'day', days), unit(locale, 'hour', hours)]) : unit(locale, 'day', days);
  if (hours > 0) return rest > 0 ? join(locale, [unit(locale, 'hour', hours), unit(locale, 'minute', rest)]) : unit(locale, 'hour', hours);
  return unit(locale, 'minute', rest);
}

export { DAY_MS, HOUR_MS, MINUTE_MS };
