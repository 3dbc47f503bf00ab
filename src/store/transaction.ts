/**
 * Runs work in one transaction and makes its failure clean: on any error the transaction is
 * aborted (so nothing of it is kept) and a quota problem becomes a StoreFullError.
 *
 * The body may only await IndexedDB requests of this transaction: awaiting anything else lets the
 * browser commit the transaction early.
 */
import type { IDBPTransaction } from 'idb';
import type { HistoryDb, HistorySchema, StoreName } from './schema';
import { storeErrorOf } from './store-full-error';

export async function withTransaction<Names extends ArrayLike<StoreName>, Mode extends IDBTransactionMode, Result>(
  db: HistoryDb,
  names: Names,
  mode: Mode,
  operation: string,
  body: (tx: IDBPTransaction<HistorySchema, Names, Mode>) => Promise<Result>,
): Promise<Result> {
  const tx = db.transaction(names, mode);
  // Always observed, so an abort below is never an unhandled rejection.
  const done = tx.done.then(
    () => undefined,
    (error: unknown) => error,
  );
  try {
    const result = await body(tx);
    const failure = await done;
    if (failure !== undefined) throw failure;
    return result;
  } catch (error) {
    const transactionError = tx.error;
    try {
      tx.abort();
    } catch {
      // Already aborted by the browser, or finished: nothing left to undo.
    }
    throw storeErrorOf(error, operation, transactionError);
  }
}

/**
 * Requests issued together and awaited together. Each is observed as soon as it is made, so when
 * a later one throws and the transaction aborts, the earlier ones' rejections are not unhandled.
 */
export class PendingRequests {
  private readonly requests: Promise<unknown>[] = [];

  add(request: Promise<unknown>): void {
    request.catch(() => undefined);
    this.requests.push(request);
  }

  async settled(): Promise<void> {
    await Promise.all(this.requests);
  }
}
