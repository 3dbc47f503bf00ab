/**
 * What the monitor needs from storage: the history (idb) and its own state, saved together with
 * each round. The extension implements it over IndexedDB (`idb-history-port.ts`); tests use the
 * same implementation over fake-indexeddb.
 */
import type { RoundToWrite, WriteResult } from '../store/write-round';
import type { LatestRecords, DayStrip } from '../store/queries';
import type { PruneReport } from '../store/retention';
import type { RuntimeState } from './runtime-state';

export interface HistoryPort {
  loadRuntime(): Promise<RuntimeState>;
  /** Saves the runtime state alone (after notifications were shown). */
  saveRuntime(state: RuntimeState): Promise<void>;
  /** Saves a round and the runtime state it led to in one transaction; throws StoreFullError on quota. */
  saveRound(round: RoundToWrite, runtime: RuntimeState): Promise<WriteResult>;
  /** The latest verdicts of these services (one seek each). */
  latestRecords(subjects: readonly string[]): Promise<LatestRecords>;
  /** The last 24 hours of these services. */
  last24h(now: number, subjects: readonly string[]): Promise<DayStrip>;
  prune(now: number, budgetBytes?: number): Promise<PruneReport>;
}
