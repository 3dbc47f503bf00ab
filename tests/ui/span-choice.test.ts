import { describe, expect, it } from 'vitest';
import { SPAN_ORDER, spanShowing } from '../../extension/history-page/span-choice';
import { SPANS } from '../../src/store/history-range';
import { spanLengthMs } from '../../src/store/spans';

const DAY = 86_400_000;

describe('history spans', () => {
  it('reach back as far as their names say, and the page offers every one', () => {
    expect(spanLengthMs('24h')).toBe(DAY);
    expect(spanLengthMs('7d')).toBe(7 * DAY);
    expect(spanLengthMs('30d')).toBe(30 * DAY);
    expect(spanLengthMs('90d')).toBe(90 * DAY);
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
