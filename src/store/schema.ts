/**
 * The history database: what each store holds and how it is keyed.
 *
 * Raw stores (`rounds`, `verdicts`, `observations`) hold the last RAW_RETENTION_DAYS; `rollups`
 * hold one record per subject per local day for ROLLUP_RETENTION_DAYS; `incidents` hold confirmed
 * bad periods. Verdicts and observations are the bulk (9 + ~12 records per round, 8 640 rounds in
 * 30 days at the default interval), so they use short field names and leave out what is implied:
 * a successful probe keeps its endpoint id instead of its URL, default values are absent.
 * 30 days at the defaults estimate at 16.5 MB (`scripts/bench/store.ts`; see record-size.ts for
 * the estimate); descriptive field names nearly tripled it in a first trial. `round-records.ts` converts
 * between these records and the shapes the rest of `src/` uses.
 *
 * `state` is not history: it holds the runtime's own state (confirmation tracks, schedule, data
 * ledger) by key, so that it can be saved in the same transaction as the round that changed it.
 *
 * Versions: 1 created the raw stores and incidents; 2 added `rollups` (history past the raw
 * retention) and filled them from the raw data in the upgrade; 3 added `state`; 4 gave every round
 * its path (all older rounds were measured as `direct`). See `migrations/`.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import type { HttpMethod, ProbeKind } from '../catalogue/types';
import type { Path, PathSign } from '../classify/classify-path';
import type { NetworkState, NetworkVerdict } from '../classify/verdict';
import type { FailureCode } from '../probe/failure/codes';
import type { TransferTiming } from '../probe/observation';
import type { How, State } from '../states';
import type { LocalDay } from './local-day';
import type { Summary } from './summary';

export const DB_VERSION = 4;
export const HISTORY_DB_NAME = 'blockwatch-history';

/** The stores of history: what export, import and the size budget cover. */
export const HISTORY_STORES = ['rounds', 'verdicts', 'observations', 'incidents', 'rollups'] as const;
export type HistoryStoreName = (typeof HISTORY_STORES)[number];
export const STORE_NAMES = [...HISTORY_STORES, 'state'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** One round: when it ran, what the network looked like, what it cost. Key `roundId` (the round's start). */
export interface RoundRecord {
  /**
   * The round's start, ms since the epoch (in memory: `roundStart`). Kept under its stored name:
   * it is the `rounds` store's key path in every install's database and a field of the export
   * format (export-format.ts), so renaming it would need a migration and break old files.
   */
  readonly roundId: number;
  /** When it ended, ms. */
  readonly at: number;
  readonly network: NetworkVerdict;
  /**
   * The path it measured (`classify-path.ts`): `direct`, the provider's network, or `proxy`, a VPN
   * or proxy app. Version 4 wrote `direct` into every older round; a round from an older export
   * has none and reads as `direct` (`pathOf`).
   */
  readonly path?: Path;
  /** What showed the round went through a VPN or proxy (only on `proxy` rounds). */
  readonly pathSigns?: readonly PathSign[];
  /** The country a country control placed the client in, when one answered. */
  readonly exitCountry?: string;
  /** Estimated bytes on the wire of all its probes. */
  readonly wireBytes: number;
  /** Seconds of history this round stands for (time since the previous round, capped). */
  readonly seconds: number;
  /** The local zone's offset from UTC at the round, minutes east: which local day it belongs to. */
  readonly utcOffsetMin: number;
  /** Estimated stored size of this record, its verdicts and its observations (JSON bytes): what pruning frees. */
  readonly storedBytes: number;
}

/** [componentId, ok (1|0), latencyMs, how, failure]; trailing absent values are dropped, inner ones are null. */
export type ComponentRecord =
  | readonly [string, 0 | 1]
  | readonly [string, 0 | 1, number | null]
  | readonly [string, 0 | 1, number | null, How | null]
  | readonly [string, 0 | 1, number | null, How | null, FailureCode | null];

/** A service's verdict in one round. Key `[s, r]` = [serviceId, the round's start]. */
export interface VerdictRecord {
  /** serviceId */
  readonly s: string;
  /** the round's start, ms since the epoch (RoundRecord.roundId; `roundStart` in memory) */
  readonly r: number;
  /** state, absent when `reachable` (most verdicts) */
  readonly st?: State;
  /** how */
  readonly h?: How;
  /** components probed this round */
  readonly c: readonly ComponentRecord[];
  /** speed, absent when `unmeasured` */
  readonly sp?: 'ok' | 'slow' | 'stall';
  /** speedRatio, 3 decimals */
  readonly sr?: number;
  /** goodputKbps, whole kbit/s */
  readonly gp?: number;
  /**
   * latencyMs, whole ms. Absent when it is the fastest component's latency (as classify makes it);
   * null when the verdict has none although a component has one (rounds that were not online).
   */
  readonly ms?: number | null;
  /** swept, absent when false */
  readonly sw?: 1;
  /** seconds of history this verdict stands for (time since the service's previous verdict, capped) */
  readonly d: number;
}

/**
 * A probe's target, compact. Strings: `e:<endpointId>` when the endpoint id is
 * `<serviceId>.<componentId>.<name>` (the catalogue's convention), `c:<controlId>`,
 * `t:<serviceId>` (throughput), `x:<controlId>` (throughput control). Anything else (an endpoint
 * of a custom target, whose ids carry dots) is spelled out as an array.
 */
export type TargetCode = string | readonly ['e', string, string, string];

/** One probe. Key `[r, n]` = [the round's start, position in the round]. */
export interface ObservationRecord {
  /** the round's start, ms since the epoch (RoundRecord.roundId; `roundStart` in memory) */
  readonly r: number;
  /** position in the round's observations */
  readonly n: number;
  /** target, see TargetCode */
  readonly t: TargetCode;
  /** kind, absent when it is the target's usual one (`http`; `throughput` for throughput targets) */
  readonly k?: ProbeKind;
  /** start, ms after the round's start */
  readonly o: number;
  /** duration, whole ms */
  readonly d: number;
  /** 0 when it did not answer as its kind counts an answer; absent when it did */
  readonly ok?: 0;
  /** HTTP status */
  readonly st?: number;
  /** estimated bytes on the wire */
  readonly w: number;
  /** failure code (also kept when `ok`, e.g. a `reach` endpoint's expected certificate error) */
  readonly f?: FailureCode;
  /** blockpage fingerprint id */
  readonly bp?: string;
  /** for controls with an expected answer: whether it matched */
  readonly co?: 0 | 1;
  /** URL after redirects, when it differs */
  readonly fu?: string;
  /** transfer timing of a throughput probe */
  readonly tr?: TransferTiming;
  // Evidence, kept only when the probe did not answer normally (not ok, a blockpage, or a
  // control's wrong content): a successful probe's endpoint id already says all of it.
  /** URL as requested */
  readonly u?: string;
  /** method */
  readonly m?: HttpMethod;
  /** the environment's own error, verbatim */
  readonly x?: string;
  /** address connected to */
  readonly ip?: string;
  /** how far it got: [response headers (1|0), body bytes] */
  readonly re?: readonly [0 | 1, number];
}

/** A confirmed bad period of a subject (a service id, or `@network` for `restricted`). Key `[subject, start]`. */
export interface IncidentRecord {
  readonly subject: string;
  /** When the bad state began, ms (the first round of the run that confirmed it). */
  readonly start: number;
  readonly state: State;
  readonly how?: How;
  /** When it ended (the first clean round), ms; absent while open. */
  readonly end?: number;
  /**
   * Present (1) only while open. IndexedDB leaves records without the key path out of an index,
   * so the `open` index lists exactly the open incidents and stays tiny.
   */
  readonly open?: 1;
}

/** What a roll-up counts per state: service states, or for `@network` the network's states. */
export type TallyState = State | NetworkState;
export type Tally = Readonly<Partial<Record<TallyState, number>>>;

/** One subject's day. Key `[subject, day]`. */
export interface RollupRecord {
  /** A service id, or `@network`. */
  readonly subject: string;
  readonly day: LocalDay;
  /** Rounds per state. */
  readonly rounds: Tally;
  /** Seconds per state: the measure of availability (confirmation rounds, 40 s apart, would weigh too much by count). */
  readonly seconds: Tally;
  /** Latency of the fastest answer, ms. */
  readonly latency?: Summary;
  /** Goodput, kbit/s. */
  readonly goodput?: Summary;
  /** `@network` only: bytes on the wire that day. */
  readonly wireBytes?: number;
  /** `@network` only: seconds of rounds that went through a VPN or proxy (absent when none did). */
  readonly proxySeconds?: number;
}

export interface HistorySchema extends DBSchema {
  rounds: { key: number; value: RoundRecord };
  verdicts: { key: [string, number]; value: VerdictRecord };
  observations: { key: [number, number]; value: ObservationRecord };
  incidents: { key: [string, number]; value: IncidentRecord; indexes: { open: number; start: number } };
  rollups: { key: [string, string]; value: RollupRecord };
  /** The runtime's own state by name (out-of-line keys); its shape is the runtime's business. */
  state: { key: string; value: unknown };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

/** A stored round's path: rounds without one (saved before version 4, or from an old export) were direct. */
export function pathOf(round: Pick<RoundRecord, 'path'>): Path {
  return round.path ?? 'direct';
}
