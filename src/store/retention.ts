/**
 * Keeps the history within its retention and size budget.
 *
 * Raw rounds (round, verdicts, observations) go after RAW_RETENTION_DAYS, roll-ups after
 * ROLLUP_RETENTION_DAYS, closed incidents when they ended that long ago. If the estimate is still
 * over the budget, the oldest raw rounds go first, down to PRUNE_TARGET of the budget. Nothing
 * needs rolling up here: every write (writeRound, the v2 upgrade, import) counts a round in its
 * day's roll-ups when the round is stored, so deleting raw rounds never removes a day from the
 * history page (a test compares the 90-day view before and after pruning).
 */
import type { IDBPTransaction } from 'idb';
import { HISTORY_SIZE_BUDGET_BYTES, RAW_RETENTION_DAYS, ROLLUP_RETENTION_DAYS } from '../defaults';
import { DAY_MS } from '../time-units';
import { localDay } from './local-day';
import { jsonBytes } from './record-size';
import { HISTORY_STORES, type HistoryDb, type HistorySchema, type IncidentRecord, type RollupRecord, type RoundRecord, type StoreName } from './schema';
import { listSubjects } from './subjects';
import { PendingRequests, withTransaction } from './transaction';

/**
 * Over budget, prune to this share of it: pruning runs about daily, and 5 % of the default budget
 * (1 MB) holds ~1.7 days of rounds at the default interval, so the history stays within the
 * budget until the next prune.
 */
export const PRUNE_TARGET = 0.95;

export interface SizeEstimate {
  /** Estimated bytes in all (JSON bytes, see record-size.ts). */
  readonly total: number;
  /** Raw rounds with their verdicts and observations. */
  readonly raw: number;
  readonly rollups: number;
  readonly incidents: number;
  /** Raw rounds kept. */
  readonly rounds: number;
}

export interface PruneReport {
  /** Raw rounds deleted for age, and for the budget. */
  readonly expiredRounds: number;
  readonly budgetRounds: number;
  readonly expiredRollups: number;
  readonly expiredIncidents: number;
  readonly before: SizeEstimate;
  readonly after: SizeEstimate;
  /** Still over the budget with no raw round left (roll-ups and incidents alone exceed it). */
  readonly overBudget: boolean;
}

type WriteTx = IDBPTransaction<HistorySchema, StoreName[], 'readwrite'>;
interface ReadAll<T> {
  getAll(): Promise<T[]>;
}

/** Any transaction over the three stores the estimate reads. */
interface SizedStores {
  objectStore(name: 'rounds'): ReadAll<RoundRecord>;
  objectStore(name: 'rollups'): ReadAll<RollupRecord>;
  objectStore(name: 'incidents'): ReadAll<IncidentRecord>;
}

async function estimateIn(tx: SizedStores): Promise<SizeEstimate> {
  const rounds = await tx.objectStore('rounds').getAll();
  const rollups = await tx.objectStore('rollups').getAll();
  const incidents = await tx.objectStore('incidents').getAll();
  const raw = rounds.reduce((sum, round) => sum + round.storedBytes, 0);
  const rollupBytes = rollups.reduce((sum, rollup) => sum + jsonBytes(rollup), 0);
  const incidentBytes = incidents.reduce((sum, incident) => sum + jsonBytes(incident), 0);
  return { total: raw + rollupBytes + incidentBytes, raw, rollups: rollupBytes, incidents: incidentBytes, rounds: rounds.length };
}

export async function estimateSize(db: HistoryDb): Promise<SizeEstimate> {
  return withTransaction(db, ['rounds', 'rollups', 'incidents'], 'readonly', 'estimating the size', (tx) => estimateIn(tx));
}

/** Deletes raw rounds whose start (key `roundId`) is ≤ `last` (inclusive) or < `before` (exclusive). */
async function deleteRawUpTo(tx: WriteTx, bound: { last: number } | { before: number }): Promise<void> {
  const open = 'before' in bound;
  const edge = open ? bound.before : bound.last;
  const verdicts = tx.objectStore('verdicts');
  const subjects = await listSubjects(verdicts);
  const deletes = new PendingRequests();
  deletes.add(tx.objectStore('rounds').delete(IDBKeyRange.upperBound(edge, open)));
  // [edge] sorts before every [edge, n]; [edge, Infinity] after them.
  deletes.add(tx.objectStore('observations').delete(IDBKeyRange.upperBound(open ? [edge] : [edge, Infinity], open)));
  for (const subject of subjects) deletes.add(verdicts.delete(IDBKeyRange.bound([subject, -Infinity], [subject, edge], false, open)));
  await deletes.settled();
}

export async function prune(db: HistoryDb, now: number, budgetBytes: number = HISTORY_SIZE_BUDGET_BYTES): Promise<PruneReport> {
  const stores: StoreName[] = [...HISTORY_STORES];
  return withTransaction(db, stores, 'readwrite', 'pruning', async (tx) => {
    const before = await estimateIn(tx);

    const rawCutoff = now - RAW_RETENTION_DAYS * DAY_MS;
    const expiredRounds = await tx.objectStore('rounds').count(IDBKeyRange.upperBound(rawCutoff, true));
    if (expiredRounds > 0) await deleteRawUpTo(tx, { before: rawCutoff });

    // Days are UTC here: a few hours either way do not matter at the end of a year.
    const rollupCutoffDay = localDay(now - ROLLUP_RETENTION_DAYS * DAY_MS, 0);
    const rollups = tx.objectStore('rollups');
    let expiredRollups = 0;
    for (const subject of await listSubjects(rollups)) {
      const range = IDBKeyRange.bound([subject, ''], [subject, rollupCutoffDay], false, true);
      const count = await rollups.count(range);
      if (count > 0) {
        expiredRollups += count;
        await rollups.delete(range);
      }
    }
    const incidentCutoff = now - ROLLUP_RETENTION_DAYS * DAY_MS;
    const incidents = tx.objectStore('incidents');
    const expired = (await incidents.getAll()).filter((incident) => incident.open !== 1 && incident.end !== undefined && incident.end < incidentCutoff);
    const deletes = new PendingRequests();
    for (const incident of expired) deletes.add(incidents.delete([incident.subject, incident.start]));
    await deletes.settled();

    let after = await estimateIn(tx);
    let budgetRounds = 0;
    if (after.total > budgetBytes) {
      const target = budgetBytes * PRUNE_TARGET;
      let excess = after.total - target;
      let last: number | undefined;
      let cursor = await tx.objectStore('rounds').openCursor();
      while (cursor && excess > 0) {
        excess -= cursor.value.storedBytes;
        last = cursor.value.roundId;
        budgetRounds++;
        cursor = await cursor.continue();
      }
      if (last !== undefined) await deleteRawUpTo(tx, { last });
      after = await estimateIn(tx);
    }
    return {
      expiredRounds,
      budgetRounds,
      expiredRollups,
      expiredIncidents: expired.length,
      before,
      after,
      overBudget: after.total > budgetBytes,
    };
  });
}
