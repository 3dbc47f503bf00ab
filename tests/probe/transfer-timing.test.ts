import { describe, expect, it } from 'vitest';
import { measureTransfer } from '../../src/probe/transfer-timing';

const base = { startedAt: 0, headersAt: 100, complete: false, stallGapMs: 5_000 };

describe('transfer timing', () => {
  it('a throttled drip: the rate after the first chunk', () => {
    const chunks = Array.from({ length: 9 }, (_, i) => ({ at: 100 + i * 62.5, bytes: 1024 }));
    const timing = measureTransfer({ ...base, chunks, endedAt: 700 });
    // 8 KiB after the first chunk over 500 ms = 131 kbit/s.
    expect(timing.goodputKbps).toBeCloseTo((8 * 1024 * 8) / 500);
    expect(timing.stalled).toBe(false);
  });

  it('a fast link that delivers the whole object in one chunk still has a rate (a usable control)', () => {
    const timing = measureTransfer({ ...base, chunks: [{ at: 104, bytes: 65_536 }], endedAt: 104 });
    expect(timing.goodputKbps).toBeCloseTo((65_536 * 8) / 4);
    expect(timing.firstByteMs).toBe(104);
  });

  it('bytes that stop: the silence to the end is a stall', () => {
    const timing = measureTransfer({ ...base, chunks: [{ at: 110, bytes: 16_384 }], endedAt: 10_110 });
    expect(timing).toMatchObject({ stalled: true, longestGapMs: 10_000 });
  });

  it('no bytes at all: no rate', () => {
    expect(measureTransfer({ ...base, chunks: [], endedAt: 10_100 }).goodputKbps).toBeUndefined();
  });
});
