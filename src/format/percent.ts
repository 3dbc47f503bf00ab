/**
 * Shares as percentages that never overstate: 99.96 % reachable is not "100 %", and one blocked
 * minute in a month is not "0 %". Whole numbers, except near the ends, where one decimal keeps
 * the truth visible.
 */
import { numberFormat } from './intl-cache';

/** `share` (0–1) as a percentage; values outside 0–1 are clamped. */
export function formatShare(share: number, locale: string): string {
  const value = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const percent = value * 100;
  let shown: number;
  let digits: number;
  if (percent > 0 && percent < 0.5) {
    shown = Math.max(0.1, Math.ceil(percent * 10) / 10);
    digits = 1;
  } else if (percent >= 99.5 && percent < 100) {
    shown = Math.min(99.9, Math.floor(percent * 10) / 10);
    digits = 1;
  } else {
    shown = Math.round(percent);
    digits = 0;
  }
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(shown / 100);
}
