/**
 * The history page's chart data for one span in one call: per bucket, for the network and each
 * service, seconds per state, availability, latency and goodput.
 *
 * Spans with buckets shorter than a day (24 h, 7 d) read raw verdicts, which exist for the last
 * RAW_RETENTION_DAYS; a bucket older than the oldest raw round has no data (null), never a guess.
 * Spans with day buckets (30 d, 90 d) read the daily roll-ups, for every day including recent ones:
 * a day's roll-up counts exactly that day's raw rounds (see rollup.ts) and is one record instead of
 * ~2 600.
 */
import { NETWORK_SUBJECT } from '../confirm/types';
import { DAY_MS, MINUTE_MS } from '../time-units';
import { addDays, localDay, type LocalDay } from './local-day';
import { addRoundToRollup, addVerdictToRollup, emptyRollup } from './rollup';
import { pathOf, type HistoryDb, type RollupRecord, type Tally } from './schema';
import { SPANS, type Span } from './spans';
import { listSubjects } from './subjects';
import { summaryStats, type SummaryStats } from './summary';
import { availabilityOf, tallyTotal } from './tally';
import { withTransaction } from './transaction';

export { SPANS, type Span } from './spans';

export interface Bucket {
  /** ms since the epoch, inclusive */
  readonly start: number;
  /** ms since the epoch, exclusive */
  readonly end: number;
}

export interface SubjectSeries {
  /**
   * Share of judged time the subject was fine, 0–1, or null with nothing judged in the bucket.
   * Services: `reachable` seconds over reachable + slow + partial + blocked (offline, restricted
   * and unknown rounds say nothing about the service). Network: `online` over all its seconds.
   */
  readonly availability: readonly (number | null)[];
  /** Seconds per state, for colouring a bar by what happened. */
  readonly seconds: readonly Tally[];
  /** Latency of the fastest answer, ms. */
  readonly latency: readonly (SummaryStats | null)[];
  /** Goodput of throughput probes, kbit/s. */
  readonly goodput: readonly (SummaryStats | null)[];
}

export interface HistoryRange {
  readonly span: Span;
  readonly source: 'raw' | 'rollups';
  readonly buckets: readonly Bucket[];
  readonly network: SubjectSeries;
  /**
   * Per bucket, the share of the network's seconds whose rounds went through a VPN or proxy, 0–1
   * (null with no round). Those rounds are left out of the services' series: they measured the
   * VPN's path, not the provider's.
   */
  readonly proxyShare: readonly (number | null)[];
  /** Every service with data in the span. */
  readonly services: Readonly<Record<string, SubjectSeries>>;
}

export interface RangeQuery {
  readonly span: Span;
  readonly now: number;
  /** The local zone's offset from UTC, minutes east: buckets follow the local clock. */
  readonly utcOffsetMin: number;
}

function seriesOf(subject: string, cells: readonly (RollupRecord | undefined)[]): SubjectSeries {
  return {
    availability: cells.map((cell) => (cell ? availabilityOf(cell.seconds, subject === NETWORK_SUBJECT) : null)),
    seconds: cells.map((cell) => cell?.seconds ?? {}),
    latency: cells.map((cell) => summaryStats(cell?.latency)),
    goodput: cells.map((cell) => summaryStats(cell?.goodput)),
  };
}

function proxyShareOf(cells: readonly (RollupRecord | undefined)[]): (number | null)[] {
  return cells.map((cell) => {
    if (!cell) return null;
    const total = tallyTotal(cell.seconds);
    return total > 0 ? (cell.proxySeconds ?? 0) / total : null;
  });
}

function alignedStart(ms: number, size: number, utcOffsetMin: number): number {
  const offset = utcOffsetMin * MINUTE_MS;
  return Math.floor((ms + offset) / size) * size - offset;
}

async function rawRange(db: HistoryDb, query: RangeQuery, size: number, count: number): Promise<HistoryRange> {
  const last = alignedStart(query.now, size, query.utcOffsetMin);
  const buckets: Bucket[] = Array.from({ length: count }, (_, i) => {
    const start = last - (count - 1 - i) * size;
    return { start, end: start + size };
  });
  const from = buckets[0]?.start ?? last;
  const to = last + size;
  const indexOf = (ms: number): number => Math.floor((ms - from) / size);

  const { rounds, subjects, perSubject } = await withTransaction(db, ['rounds', 'verdicts', 'rollups'], 'readonly', 'reading history', async (tx) => {
    const verdictStore = tx.objectStore('verdicts');
    // Every subject with a verdict has a roll-up (both are written together); the roll-ups are
    // ~100× fewer records to walk for the list.
    const names = await listSubjects(tx.objectStore('rollups'));
    return {
      rounds: await tx.objectStore('rounds').getAll(IDBKeyRange.bound(from, to, false, true)),
      subjects: names,
      perSubject: await Promise.all(names.map((subject) => verdictStore.getAll(IDBKeyRange.bound([subject, from], [subject, to], false, true)))),
    };
  });

  const networkCells: (RollupRecord | undefined)[] = new Array(count).fill(undefined);
  const proxied = new Set(rounds.filter((round) => pathOf(round) === 'proxy').map((round) => round.roundId));
  for (const round of rounds) {
    const i = indexOf(round.roundId);
    networkCells[i] = addRoundToRollup(networkCells[i] ?? emptyRollup(NETWORK_SUBJECT, ''), round);
  }
  const services: Record<string, SubjectSeries> = {};
  subjects.forEach((subject, s) => {
    const verdicts = perSubject[s] ?? [];
    if (verdicts.length === 0) return;
    const cells: (RollupRecord | undefined)[] = new Array(count).fill(undefined);
    for (const verdict of verdicts) {
      // As the roll-ups: a round through a VPN or proxy says nothing about the provider.
      if (proxied.has(verdict.r)) continue;
      const i = indexOf(verdict.r);
      cells[i] = addVerdictToRollup(cells[i] ?? emptyRollup(subject, ''), verdict);
    }
    services[subject] = seriesOf(subject, cells);
  });
  return { span: query.span, source: 'raw', buckets, network: seriesOf(NETWORK_SUBJECT, networkCells), proxyShare: proxyShareOf(networkCells), services };
}

async function rollupRange(db: HistoryDb, query: RangeQuery, count: number): Promise<HistoryRange> {
  const today = localDay(query.now, query.utcOffsetMin);
  const days: LocalDay[] = Array.from({ length: count }, (_, i) => addDays(today, i - (count - 1)));
  const offset = query.utcOffsetMin * MINUTE_MS;
  const buckets: Bucket[] = days.map((day) => {
    const start = Date.parse(`${day}T00:00:00Z`) - offset;
    return { start, end: start + DAY_MS };
  });
  const first = days[0] ?? today;

  const { subjects, perSubject } = await withTransaction(db, ['rollups'], 'readonly', 'reading history', async (tx) => {
    const store = tx.objectStore('rollups');
    const names = await listSubjects(store);
    return { subjects: names, perSubject: await Promise.all(names.map((subject) => store.getAll(IDBKeyRange.bound([subject, first], [subject, today])))) };
  });

  const position = new Map(days.map((day, i) => [day, i]));
  const cellsOf = (rollups: readonly RollupRecord[]): (RollupRecord | undefined)[] => {
    const cells: (RollupRecord | undefined)[] = new Array(count).fill(undefined);
    for (const rollup of rollups) {
      const i = position.get(rollup.day);
      if (i !== undefined) cells[i] = rollup;
    }
    return cells;
  };
  let network = seriesOf(NETWORK_SUBJECT, new Array(count).fill(undefined));
  let proxyShare: (number | null)[] = new Array(count).fill(null);
  const services: Record<string, SubjectSeries> = {};
  subjects.forEach((subject, s) => {
    const rollups = perSubject[s] ?? [];
    if (subject === NETWORK_SUBJECT) {
      network = seriesOf(subject, cellsOf(rollups));
      proxyShare = proxyShareOf(cellsOf(rollups));
    }
    else if (rollups.length > 0) services[subject] = seriesOf(subject, cellsOf(rollups));
  });
  return { span: query.span, source: 'rollups', buckets, network, proxyShare, services };
}

export async function historyRange(db: HistoryDb, query: RangeQuery): Promise<HistoryRange> {
  const { count, bucket } = SPANS[query.span];
  return bucket === 'day' ? rollupRange(db, query, count) : rawRange(db, query, bucket, count);
}
