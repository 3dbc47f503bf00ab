/**
 * Schema version 4: every round records the path it measured (`direct` or `proxy`, see
 * classify/classify-path.ts). Rounds saved before knew nothing of VPNs and proxies and were
 * judged as the provider's network, so they are written `direct`: what they were counted as.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { HistorySchema, StoreName } from '../schema';

export async function upgradeToVersion4(
  _db: IDBPDatabase<HistorySchema>,
  tx: IDBPTransaction<HistorySchema, StoreName[], 'versionchange'>,
): Promise<void> {
  let cursor = await tx.objectStore('rounds').openCursor();
  while (cursor) {
    if (cursor.value.path === undefined) await cursor.update({ ...cursor.value, path: 'direct' });
    cursor = await cursor.continue();
  }
}
