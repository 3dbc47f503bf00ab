/**
 * Wraps a history database so that one `put` fails the way a full disk makes it fail, for
 * testing that a failed write leaves nothing behind.
 */
import type { HistoryDb } from '../../src/store/schema';

export type Failure =
  /** The put itself throws QuotaExceededError (Firefox, fake stores). */
  | 'quota-on-put'
  /**
   * The transaction aborts after the round's requests were issued, its error is QuotaExceededError
   * and the pending requests fail with AbortError (how Chromium reports a commit over quota).
   */
  | 'abort-with-quota'
  /** An unrelated error that must not be mistaken for a full disk. */
  | 'data-error';

function bound<T extends object>(target: T, prop: string | symbol): unknown {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** Fails the `failAt`-th put (1-based) of any transaction made through the wrapper. */
export function failingDb(db: HistoryDb, failure: Failure, failAt = 1): HistoryDb {
  let puts = 0;
  let quotaError: DOMException | null = null;
  const wrapStore = (store: object, tx: { abort(): void }): object =>
    new Proxy(store, {
      get(target, prop) {
        if (prop !== 'put') return bound(target, prop);
        return (...args: unknown[]) => {
          puts++;
          if (puts !== failAt) return (Reflect.get(target, 'put', target) as (...a: unknown[]) => unknown).apply(target, args);
          if (failure === 'quota-on-put') throw new DOMException('Quota exceeded while writing', 'QuotaExceededError');
          if (failure === 'data-error') throw new DOMException('Data provided is not a valid key', 'DataError');
          quotaError = new DOMException('The operation failed for reasons unrelated to the database itself.', 'QuotaExceededError');
          const request = (Reflect.get(target, 'put', target) as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          queueMicrotask(() => tx.abort());
          return request;
        };
      },
    });
  const wrapTx = (tx: object): object =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === 'error') return quotaError ?? Reflect.get(target, prop, target);
        if (prop === 'objectStore') {
          return (name: string) => wrapStore((Reflect.get(target, 'objectStore', target) as (n: string) => object).call(target, name), target as { abort(): void });
        }
        return bound(target, prop);
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return (...args: unknown[]) => wrapTx((Reflect.get(target, 'transaction', target) as (...a: unknown[]) => object).apply(target, args));
      }
      return bound(target, prop);
    },
  });
}
