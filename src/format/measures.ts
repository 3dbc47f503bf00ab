/**
 * Latency and goodput as people read them: "320 ms" or "4.2 s"; "850 kbit/s" or "12 Mbit/s"
 * (bits, as connection speeds are sold).
 */
import { numberFormat } from './intl-cache';

/** Milliseconds below a second, seconds with one decimal above. */
export function formatLatency(ms: number, locale: string): string {
  const value = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (value < 1_000) return numberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
  return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(value / 1_000);
}

/** kbit/s below 1 000, Mbit/s (one decimal below 10) above. */
export function formatGoodput(kbps: number, locale: string): string {
  const value = Number.isFinite(kbps) && kbps > 0 ? kbps : 0;
  if (value < 1_000) return numberFormat(locale, { style: 'unit', unit: 'kilobit-per-second', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
  const mbps = value / 1_000;
  return numberFormat(locale, { style: 'unit', unit: 'megabit-per-second', unitDisplay: 'short', maximumFractionDigits: mbps < 10 ? 1 : 0 }).format(mbps);
}
