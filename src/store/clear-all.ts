/**
 * Deletes the whole history (the options page's "delete history") in one transaction, and the
 * runtime's saved state with it: its confirmation tracks are recent history too. The runtime
 * starts over from its initial state afterwards.
 */
import { STORE_NAMES, type HistoryDb } from './schema';
import { PendingRequests, withTransaction } from './transaction';

export async function clearAll(db: HistoryDb): Promise<void> {
  await withTransaction(db, [...STORE_NAMES], 'readwrite', 'clearing the history', async (tx) => {
    const clears = new PendingRequests();
    for (const name of STORE_NAMES) clears.add(tx.objectStore(name).clear());
    await clears.settled();
  });
}
