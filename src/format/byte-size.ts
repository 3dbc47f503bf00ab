/**
 * Byte counts in decimal units (kB = 1 000 bytes), the same units as the data budget setting
 * (MB = 1 000 000 bytes) and as phone plans count data.
 */
import { numberFormat } from './intl-cache';

const UNITS = [
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'kilobyte', size: 1e3 },
] as const;

/** "850 B"… "1.2 MB", "15 MB": one decimal below 10 of a unit, whole numbers above. */
export function formatBytes(bytes: number, locale: string): string {
  const value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  for (const { unit, size } of UNITS) {
    if (value >= size) {
      const amount = value / size;
      return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: amount < 10 ? 1 : 0 }).format(amount);
    }
  }
  return numberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short', maximumFractionDigits: 0 }).format(value);
}

/** Megabytes as a plain number for an input field (1 decimal at most). */
export function bytesToMegabytes(bytes: number): number {
  return Math.round(bytes / 1e5) / 10;
}
