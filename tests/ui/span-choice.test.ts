import { describe, expect, it } from 'vitest';
import { SPAN_LENGTH_MS, SPAN_ORDER, spanShowing } from '../../extension/history-page/span-choice';
import { SPANS, type Span } from '../../src/store/history-range';

const DAY = 86_400_000;

describe('history spans', () => {
  it('are as long as the store\'s buckets reach', () => {
    for (const span of Object.keys(SPANS) as Span[]) {
      const { count, bucket } = SPANS[span];
      expect(SPAN_LENGTH_MS[span], span).toBe(count * (bucket === 'day' ? DAY : bucket));
    }
    expect([...SPAN_ORDER].sort()).toEqual(Object.keys(SPANS).sort());
  });

  it('open wide enough to show the incident a notification points to', () => {
    const now = 1_000 * DAY;
    expect(spanShowing(now - 2 * DAY, now, '7d')).toBe('7d');
    expect(spanShowing(now - 20 * DAY, now, '7d')).toBe('30d');
    expect(spanShowing(now - 60 * DAY, now, '7d')).toBe('90d');
    // Beyond every span: the longest, and the page says the incident is gone if it is.
    expect(spanShowing(now - 400 * DAY, now, '7d')).toBe('90d');
  });
});
