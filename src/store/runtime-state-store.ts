/**
 * The runtime's own state, kept by name in the history database's `state` store (schema v3), so
 * that `writeRound` can save it with the round that changed it. Values must be structured-cloneable
 * (plain data); their shape is the caller's, which checks what it reads back.
 */
import type { HistoryDb } from './schema';
import { withTransaction } from './transaction';

export async function readState(db: HistoryDb, key: string): Promise<unknown> {
  return withTransaction(db, ['state'], 'readonly', `reading ${key}`, (tx) => tx.objectStore('state').get(key));
}

export async function writeState(db: HistoryDb, key: string, value: unknown): Promise<void> {
  await withTransaction(db, ['state'], 'readwrite', `saving ${key}`, async (tx) => {
    await tx.objectStore('state').put(value, key);
  });
}
