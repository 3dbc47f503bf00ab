/**
 * Schema version 2: daily roll-ups. Version 1 kept raw rounds only, so pruning them after
 * RAW_RETENTION_DAYS erased the history page's 90-day view; roll-ups keep one small record per
 * subject per day for ROLLUP_RETENTION_DAYS. The upgrade builds them from the raw data that
 * version 1 left, so no day already recorded is missing from the roll-ups.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { buildRollups } from '../rollup';
import type { HistorySchema, StoreName } from '../schema';

export async function upgradeToVersion2(
  db: IDBPDatabase<HistorySchema>,
  tx: IDBPTransaction<HistorySchema, StoreName[], 'versionchange'>,
): Promise<void> {
  db.createObjectStore('rollups', { keyPath: ['subject', 'day'] });
  // A month of raw data is ~80 000 small records: read at once, this is one pass and a few MB of memory.
  const rounds = await tx.objectStore('rounds').getAll();
  const verdicts = await tx.objectStore('verdicts').getAll();
  const store = tx.objectStore('rollups');
  await Promise.all([...buildRollups(rounds, verdicts).values()].map((rollup) => store.put(rollup)));
}
