import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThroughputTask } from '../../src/probe/probe';
import { measureThroughput } from '../../src/probe/throughput';
import { context, settle, T0 } from './context';
import { drip, FakeTransport, type Behaviour } from './fake-transport';

const KIB = 1024;
const task = (overrides: Partial<ThroughputTask> = {}): ThroughputTask => ({
  kind: 'throughput',
  roundStart: T0,
  target: { type: 'throughput', serviceId: 'telegram' },
  url: 'https://telegram.org/file/big.bin',
  method: 'GET',
  bytes: 64 * KIB,
  range: true,
  ...overrides,
});

async function run(behaviour: Behaviour, t = task(), environment: 'chrome' | 'firefox' | 'node' = 'chrome') {
  const transport = new FakeTransport(environment, behaviour);
  // Production timers: time is fake, so a 10 s body timer costs nothing.
  const observation = await settle(measureThroughput(t, context(transport)), 25);
  return { observation, transport };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('throughput probe', () => {
  it('asks for the first bytes with a Range header', async () => {
    const { transport } = await run({ type: 'answer', status: 206, chunks: drip(4, 16 * KIB, 10) });
    expect(transport.sent[0]?.headers).toEqual({ Range: 'bytes=0-65535' });
    expect(transport.sent[0]?.method).toBe('GET');
  });

  it('sends no Range header when the object is not ranged', async () => {
    const { transport } = await run({ type: 'answer', chunks: drip(4, 16 * KIB, 10) }, task({ range: false }));
    expect(transport.sent[0]?.headers).toEqual({});
  });

  it('measures a drip: 1 KiB every 62.5 ms is ~128 kbit/s', async () => {
    // 64 chunks of 1 KiB, one every 62.5 ms → 63 KiB after the first chunk over 63 × 62.5 ms.
    const chunks = Array.from({ length: 64 }, (_, i) => ({ afterMs: i % 2 === 0 ? 62 : 63, bytes: new Uint8Array(KIB) }));
    const { observation } = await run({ type: 'answer', status: 206, afterMs: 300, chunks, end: 'hang' });
    expect(observation.ok).toBe(true);
    expect(observation.failure).toBeUndefined();
    expect(observation.reached).toEqual({ headers: true, bytes: 64 * KIB });
    const transfer = observation.transfer;
    expect(transfer?.headersMs).toBe(300);
    expect(transfer?.firstByteMs).toBe(362);
    expect(transfer?.goodputKbps).toBeCloseTo((63 * KIB * 8) / (63 * 62.5), 0);
    expect(transfer?.stalled).toBe(false);
    expect(transfer?.complete).toBe(false);
    expect(transfer?.longestGapMs).toBe(63);
  });

  it('a transfer that freezes after 16 KiB stalls; the body timer ends it without a failure', async () => {
    const { observation } = await run({ type: 'answer', status: 206, afterMs: 100, chunks: drip(16, KIB, 20), end: 'hang' });
    expect(observation.ok).toBe(true);
    expect(observation.failure).toBeUndefined();
    expect(observation.reached.bytes).toBe(16 * KIB);
    expect(observation.transfer?.stalled).toBe(true);
    // From the last chunk (320 ms into the body) to the 10 s body timer.
    expect(observation.transfer?.longestGapMs).toBe(10_000 - 320);
    expect(observation.ms).toBe(100 + 10_000);
  });

  it('a tiny object is complete: too small to judge', async () => {
    const { observation } = await run({ type: 'answer', status: 200, chunks: drip(2, 5 * KIB, 10) });
    expect(observation.ok).toBe(true);
    expect(observation.transfer).toMatchObject({ complete: true, stalled: false });
    expect(observation.reached.bytes).toBe(10 * KIB);
  });

  it('stops at the bytes wanted even if the server sends more', async () => {
    const { observation } = await run({ type: 'answer', status: 200, chunks: drip(10, 16 * KIB, 5), end: 'hang' }, task({ range: false }));
    expect(observation.reached.bytes).toBe(64 * KIB);
    expect(observation.transfer?.complete).toBe(false);
    expect(observation.transfer?.stalled).toBe(false);
  });

  it('headers and then no byte at all is a timeout, not ok', async () => {
    const { observation } = await run({ type: 'answer', status: 206, end: 'hang', detail: { error: 'net::ERR_ABORTED' } });
    expect(observation).toMatchObject({ ok: false, failure: 'timeout', reached: { headers: true, bytes: 0 } });
    expect(observation.transfer).toMatchObject({ stalled: true, longestGapMs: 10_000 });
    expect(observation.transfer?.firstByteMs).toBeUndefined();
    expect(observation.transfer?.goodputKbps).toBeUndefined();
  });

  it('a reset mid-body keeps the bytes that came and says how it broke', async () => {
    const { observation } = await run(
      { type: 'answer', status: 206, chunks: drip(3, 4 * KIB, 10), end: { error: new TypeError('terminated') }, detail: { error: 'ECONNRESET', stage: 'http' } },
      task(),
      'node',
    );
    expect(observation).toMatchObject({ ok: true, failure: 'connection_reset', raw: 'ECONNRESET', reached: { headers: true, bytes: 12 * KIB } });
  });

  it('a non-2xx answer is not ok and reads no body', async () => {
    const { observation } = await run({ type: 'answer', status: 404, chunks: drip(2, KIB, 10) });
    expect(observation).toMatchObject({ ok: false, status: 404, reached: { headers: true, bytes: 0 } });
    expect(observation.transfer).toBeUndefined();
    expect(observation.failure).toBeUndefined();
  });

  it('a redirect to a blockpage host is a blockpage', async () => {
    const { observation } = await run({ type: 'answer', status: 200, finalUrl: 'http://warning.rt.ru/', chunks: drip(2, KIB, 10) });
    expect(observation).toMatchObject({ ok: false, blockpage: 'ru-rtk-redirect', finalUrl: 'http://warning.rt.ru/' });
  });

  it('no answer at all is the normalized failure', async () => {
    const { observation } = await run({ type: 'reject', detail: { error: 'net::ERR_CONNECTION_RESET' } });
    expect(observation).toMatchObject({ ok: false, failure: 'connection_reset', reached: { headers: false, bytes: 0 } });
    expect(observation.transfer).toBeUndefined();
  });

  it.each([0, -5, Number.NaN])('refuses a task asking for %s bytes, sending nothing and saying why', async (bytes) => {
    const { observation, transport } = await run({ type: 'answer' }, task({ bytes }));
    expect(observation).toMatchObject({ ok: false, failure: 'error', wireBytes: 0 });
    expect(observation.raw).toMatch(/^invalid throughput task: bytes must be a positive number/);
    expect(transport.sent).toEqual([]);
  });

  it('counts the bytes it read in its wire estimate', async () => {
    const small = await run({ type: 'answer', status: 206, chunks: drip(1, KIB, 10) });
    const big = await run({ type: 'answer', status: 206, chunks: drip(4, 16 * KIB, 10) });
    expect(big.observation.wireBytes - small.observation.wireBytes).toBe(63 * KIB);
  });
});
