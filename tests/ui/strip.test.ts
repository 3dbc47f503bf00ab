import { describe, expect, it } from 'vitest';
import { layoutStrip, MAX_CELL_MS, STRIP_WIDTH } from '../../extension/popup/strip-layout';
import { tallyStrip } from '../../extension/popup/strip-summary';
import type { StripCell } from '../../src/snapshot/snapshot';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = 100 * DAY;
const FROM = NOW - DAY;

const cells = (...entries: [number, StripCell['state']][]): StripCell[] => entries.map(([minutesAgo, state]) => ({ roundStart: NOW - minutesAgo * MIN, state, path: 'direct' as const }));

describe('the 24-hour strip', () => {
  it('places each round at its time, as wide as the time to the next', () => {
    const [first, second] = layoutStrip(cells([720, 'reachable'], [360, 'blocked']), FROM, NOW, false);
    expect(first?.x).toBeCloseTo(STRIP_WIDTH / 2);
    expect(first?.state).toBe('reachable');
    // 360 minutes later, capped at MAX_CELL_MS: a round stands for at most the longest interval.
    expect(first?.width).toBeCloseTo((MAX_CELL_MS / DAY) * STRIP_WIDTH);
    expect(second?.x).toBeCloseTo(STRIP_WIDTH * 0.75);
  });

  it('leaves time without rounds empty instead of painting the last state over it', () => {
    const [only] = layoutStrip(cells([600, 'blocked']), FROM, NOW, false);
    expect(only?.width).toBeLessThan(STRIP_WIDTH / 10);
  });

  it('runs right to left when mirrored (Persian, Arabic)', () => {
    const [ltr] = layoutStrip(cells([1380, 'reachable']), FROM, NOW, false);
    const [rtl] = layoutStrip(cells([1380, 'reachable']), FROM, NOW, true);
    expect(ltr && rtl && rtl.x + rtl.width).toBeCloseTo(STRIP_WIDTH - (ltr?.x ?? 0));
  });

  it('leaves out rounds older than 24 hours', () => {
    expect(layoutStrip(cells([2000, 'blocked'], [10, 'reachable']), FROM, NOW, false)).toHaveLength(1);
    expect(tallyStrip(cells([2000, 'blocked'], [10, 'reachable']), FROM, NOW)).toEqual({ total: 1, counts: [{ state: 'reachable', count: 1 }] });
  });

  it('counts rounds per state in a fixed order', () => {
    const tally = tallyStrip(cells([30, 'blocked'], [25, 'reachable'], [20, 'blocked'], [15, 'slow']), FROM, NOW);
    expect(tally).toEqual({ total: 4, counts: [{ state: 'reachable', count: 1 }, { state: 'slow', count: 1 }, { state: 'blocked', count: 2 }] });
  });
});
