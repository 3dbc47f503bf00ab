/** Snapshots, history ranges and incidents as the background would send them. */
import type { ServiceSnapshot, Snapshot, StripCell } from '../../src/snapshot/snapshot';
import type { HistoryRange, SubjectSeries } from '../../src/store/history-range';
import type { SummaryStats } from '../../src/store/summary';
import type { Tally } from '../../src/store/schema';

/** 3 March 2026, 14:30 UTC. */
export const NOW = Date.UTC(2026, 2, 3, 14, 30);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function service(over: Partial<ServiceSnapshot> & Pick<ServiceSnapshot, 'id' | 'name'>): ServiceSnapshot {
  return {
    custom: false,
    state: 'reachable',
    confirmed: true,
    lastCheckedAt: NOW - 3 * MINUTE,
    components: [],
    strip: [],
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    generatedAt: NOW - MINUTE,
    network: { state: 'online', restricted: false },
    path: 'direct',
    services: [service({ id: 'whatsapp', name: 'WhatsApp' })],
    activity: { running: false, done: 0, total: 0 },
    lastRoundAt: NOW - 3 * MINUTE,
    nextRoundAt: NOW + 2 * MINUTE,
    country: null,
    dataUsedToday: 1_234_567,
    dataBudgetPerDay: 15_000_000,
    blockedCount: 0,
    ...over,
  };
}

/** Rounds every `every` ms over the last `span` ms, in the given states in turn. */
export function strip(states: readonly StripCell['state'][], every = 5 * MINUTE): StripCell[] {
  return states.map((state, i) => ({ roundStart: NOW - (states.length - i) * every, state, path: 'direct' as const }));
}

export function stats(median: number, min = median / 2, max = median * 2, n = 10): SummaryStats {
  return { n, min, median, max, mean: median };
}

/** A 7-day range (28 six-hour buckets) with the given series. */
export function range(services: Record<string, SubjectSeries>, network?: SubjectSeries, span: HistoryRange['span'] = '7d'): HistoryRange {
  const count = span === '24h' ? 24 : span === '7d' ? 28 : span === '30d' ? 30 : 90;
  const size = span === '24h' ? HOUR : span === '7d' ? 6 * HOUR : DAY;
  const last = Math.floor(NOW / size) * size;
  const buckets = Array.from({ length: count }, (_, i) => ({ start: last - (count - 1 - i) * size, end: last - (count - 2 - i) * size }));
  return { span, source: span === '30d' || span === '90d' ? 'rollups' : 'raw', buckets, network: network ?? series(count, { online: 3600 }), proxyShare: new Array<null>(count).fill(null), services };
}

/** A series with the same tally in every bucket (or none where `empty` says so). */
export function series(count: number, tally: Tally, options: { readonly latency?: SummaryStats | null; readonly goodput?: SummaryStats | null; readonly empty?: readonly number[] } = {}): SubjectSeries {
  const seconds = Array.from({ length: count }, (_, i) => (options.empty?.includes(i) ? {} : tally));
  const reach = (cell: Tally): number | null => {
    const judged = (cell.reachable ?? 0) + (cell.slow ?? 0) + (cell.partial ?? 0) + (cell.blocked ?? 0);
    return judged > 0 ? (cell.reachable ?? 0) / judged : null;
  };
  return {
    availability: seconds.map(reach),
    seconds,
    latency: seconds.map((cell, i) => (Object.keys(cell).length === 0 ? null : options.latency === undefined ? stats(300 + i) : options.latency)),
    goodput: seconds.map((cell) => (Object.keys(cell).length === 0 ? null : options.goodput === undefined ? null : options.goodput)),
  };
}
