/**
 * Opens the history database with an IDBFactory passed in (the extension page's `indexedDB`, or
 * fake-indexeddb in tests): idb's own `openDB` would reach for the global one. Schema changes run
 * in order by the version the database had.
 *
 * Like idb itself, this relies on the IndexedDB classes (IDBRequest, IDBKeyRange…) being globals
 * of the environment, as they are in extension pages and workers, and in Node with fake-indexeddb.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { createVersion1 } from './migrations/v1';
import { upgradeToVersion2 } from './migrations/v2';
import { createVersion3 } from './migrations/v3';
import { upgradeToVersion4 } from './migrations/v4';
import { DB_VERSION, HISTORY_DB_NAME, type HistoryDb, type HistorySchema, type StoreName } from './schema';

/** The database was written by a newer Blockwatch (the user went back to an older version). */
export class HistoryTooNewError extends Error {
  override readonly name = 'HistoryTooNewError';
  constructor(readonly databaseName: string, options?: { cause?: unknown }) {
    super(`The history "${databaseName}" was saved by a newer version of Blockwatch; update the extension to read it`, options);
  }
}

export type Upgrade<Schema> = (
  db: IDBPDatabase<Schema>,
  oldVersion: number,
  tx: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>,
) => void | Promise<void>;

/**
 * Opens `name` at `version`, running `upgrade` when the database is older. The connection closes
 * itself when another one wants a newer version (an updated extension's worker), so an open page
 * never blocks an upgrade; that page's next request fails and it reopens.
 */
export async function openDatabase<Schema>(factory: IDBFactory, name: string, version: number, upgrade: Upgrade<Schema>): Promise<IDBPDatabase<Schema>> {
  const request = factory.open(name, version);
  let upgradeFailure: unknown;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as unknown as IDBPDatabase<Schema>;
    const raw = request.transaction;
    if (raw === null) return;
    const tx = wrap(raw) as unknown as IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>;
    // The open request reports a failed upgrade; this keeps idb's own promise from going unhandled.
    tx.done.catch(() => undefined);
    const fail = (error: unknown): void => {
      upgradeFailure = error;
      try {
        raw.abort();
      } catch {
        // The transaction already ended.
      }
    };
    try {
      // Called synchronously: the upgrade transaction is only active during this event.
      const pending = upgrade(db, event.oldVersion, tx);
      if (pending) pending.catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  let db: IDBPDatabase<Schema> | undefined;
  try {
    db = (await wrap(request)) as unknown as IDBPDatabase<Schema>;
  } catch (error) {
    if (upgradeFailure !== undefined) throw upgradeFailure;
    if (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'VersionError') {
      throw new HistoryTooNewError(name, { cause: error });
    }
    throw error;
  }
  db.addEventListener('versionchange', () => db.close());
  return db;
}

async function upgradeHistory(
  db: IDBPDatabase<HistorySchema>,
  oldVersion: number,
  tx: IDBPTransaction<HistorySchema, StoreName[], 'versionchange'>,
): Promise<void> {
  if (oldVersion < 1) createVersion1(db as unknown as IDBPDatabase<unknown>);
  if (oldVersion < 2) await upgradeToVersion2(db, tx);
  if (oldVersion < 3) createVersion3(db as unknown as IDBPDatabase<unknown>);
  if (oldVersion < 4) await upgradeToVersion4(db, tx);
}

export function openHistory(factory: IDBFactory, name: string = HISTORY_DB_NAME): Promise<HistoryDb> {
  return openDatabase<HistorySchema>(factory, name, DB_VERSION, upgradeHistory);
}
