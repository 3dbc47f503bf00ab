import { describe, expect, it } from 'vitest';
import { addToSummary, isSummary, mergeSummaries, summaryStats, type Summary } from '../../src/store/summary';

const summarize = (values: readonly number[]): Summary | undefined => values.reduce<Summary | undefined>((summary, value) => addToSummary(summary, value), undefined);

describe('summary', () => {
  it('gives min, max and mean exactly, and a median within a factor √2', () => {
    const values = [95, 120, 130, 180, 210, 240, 260, 900, 4000, 15000, 140];
    const stats = summaryStats(summarize(values));
    expect(stats).toMatchObject({ n: 11, min: 95, max: 15000 });
    expect(stats?.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length);
    const median = 210;
    expect(stats!.median).toBeGreaterThanOrEqual(median / Math.SQRT2);
    expect(stats!.median).toBeLessThanOrEqual(median * Math.SQRT2);
  });

  it('a single value is its own median', () => {
    expect(summaryStats(summarize([8000]))).toEqual({ n: 1, min: 8000, median: 8000, max: 8000, mean: 8000 });
  });

  it('merging two summaries is the same as summarizing all the values', () => {
    const a = [10, 20, 30, 1000];
    const b = [0.5, 15, 70_000, 3];
    expect(mergeSummaries(summarize(a), summarize(b))).toEqual(summarize([...a, ...b]));
  });

  it('ignores values that are not measurements, and has no stats without values', () => {
    expect(summarize([Number.NaN, -3, Infinity])).toBeUndefined();
    expect(summaryStats(undefined)).toBeNull();
  });

  it('recognizes a damaged summary', () => {
    const good = summarize([100, 200])!;
    expect(isSummary(good)).toBe(true);
    expect(isSummary({ ...good, n: 3 })).toBe(false);
    expect(isSummary({ ...good, min: 300 })).toBe(false);
    expect(isSummary({ ...good, h: [1, -1] })).toBe(false);
    expect(isSummary(null)).toBe(false);
  });
});
