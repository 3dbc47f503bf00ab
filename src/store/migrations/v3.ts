/**
 * Schema version 3: a `state` store for the runtime's own state (confirmation tracks, schedule,
 * data ledger). Kept in `storage.local`, it could not be saved in the same transaction as the
 * round that changed it, so a worker killed between the two would leave tracks that disagree
 * with the history. Nothing to carry over: the runtime starts from its initial state once.
 */
import type { IDBPDatabase } from 'idb';

export function createVersion3(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('state');
}
