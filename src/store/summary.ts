/**
 * A mergeable summary of many measurements (latency in ms, goodput in kbit/s): count, sum, min,
 * max and a log-scale histogram. A day of rounds keeps ~288 latencies per service; storing them
 * all for a year would cost megabytes, while the histogram costs a few dozen bytes and still gives
 * a median to chart. Summaries add up exactly, so a day's roll-up can be built one round at a
 * time, or from many rounds at once, with the same result.
 */

/** Bin i holds values in [√2^i, √2^(i+1)); values below 1 fall in bin 0. The median is exact to within this factor. */
const BIN_RATIO = Math.SQRT2;
/** Bins kept: √2^48 ≈ 1.7·10⁷ covers 4.6 hours in ms and 16 Gbit/s in kbit/s; larger values share the last bin. */
export const SUMMARY_BINS = 48;

export interface Summary {
  /** How many values. */
  readonly n: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** Counts per bin, from bin 0 to the highest non-empty one. */
  readonly h: readonly number[];
}

/** What a chart needs from a summary. */
export interface SummaryStats {
  readonly n: number;
  readonly min: number;
  /** Estimated from the histogram: within a factor √2 of the true median, and never outside [min, max]. */
  readonly median: number;
  readonly max: number;
  readonly mean: number;
}

function binOf(value: number): number {
  if (!(value >= 1)) return 0;
  return Math.min(SUMMARY_BINS - 1, Math.floor(Math.log(value) / Math.log(BIN_RATIO)));
}

/** Adds one value (ignored when not a finite, non-negative number). */
export function addToSummary(summary: Summary | undefined, value: number): Summary | undefined {
  if (!Number.isFinite(value) || value < 0) return summary;
  const bin = binOf(value);
  const h = [...(summary?.h ?? [])];
  while (h.length <= bin) h.push(0);
  h[bin] = (h[bin] ?? 0) + 1;
  if (summary === undefined) return { n: 1, sum: value, min: value, max: value, h };
  return {
    n: summary.n + 1,
    sum: summary.sum + value,
    min: Math.min(summary.min, value),
    max: Math.max(summary.max, value),
    h,
  };
}

export function mergeSummaries(a: Summary | undefined, b: Summary | undefined): Summary | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const h: number[] = [];
  for (let i = 0; i < Math.max(a.h.length, b.h.length); i++) h.push((a.h[i] ?? 0) + (b.h[i] ?? 0));
  return { n: a.n + b.n, sum: a.sum + b.sum, min: Math.min(a.min, b.min), max: Math.max(a.max, b.max), h };
}

export function summaryStats(summary: Summary | undefined): SummaryStats | null {
  if (summary === undefined || summary.n === 0) return null;
  return {
    n: summary.n,
    min: summary.min,
    median: estimateMedian(summary),
    max: summary.max,
    mean: summary.sum / summary.n,
  };
}

function estimateMedian(summary: Summary): number {
  // The value of rank (n-1)/2, placed geometrically inside its bin.
  const rank = (summary.n - 1) / 2;
  let before = 0;
  for (let bin = 0; bin < summary.h.length; bin++) {
    const count = summary.h[bin] ?? 0;
    if (count > 0 && before + count > rank) {
      const low = bin === 0 ? Math.min(summary.min, 1) : BIN_RATIO ** bin;
      const high = BIN_RATIO ** (bin + 1);
      const fraction = (rank - before + 0.5) / count;
      const estimate = low > 0 ? low * (high / low) ** fraction : low + (high - low) * fraction;
      return Math.min(summary.max, Math.max(summary.min, estimate));
    }
    before += count;
  }
  return summary.max;
}

/** Whether `value` is a well-formed summary (for imports): counts agree and bounds are ordered. */
export function isSummary(value: unknown): value is Summary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  const { n, sum, min, max, h } = s;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return false;
  if (typeof sum !== 'number' || typeof min !== 'number' || typeof max !== 'number') return false;
  if (![sum, min, max].every((x) => Number.isFinite(x) && x >= 0) || min > max) return false;
  if (!Array.isArray(h) || h.length > SUMMARY_BINS) return false;
  let total = 0;
  for (const count of h) {
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return false;
    total += count;
  }
  return total === n;
}
