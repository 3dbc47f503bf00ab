/**
 * The one storage failure a user can do something about: the browser's quota for the extension is
 * used up (the disk is nearly full, or the browser's per-origin limit was hit). Callers catch
 * `StoreFullError` to tell the user and to prune harder; every other error stays what it was.
 */
export class StoreFullError extends Error {
  override readonly name = 'StoreFullError';
  constructor(readonly operation: string, options?: { cause?: unknown }) {
    super(`The history database is full: ${operation} was not saved`, options);
  }
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined;
}

function errorMessage(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : '';
}

/**
 * Whether an error means "out of quota". Browsers report it as `QuotaExceededError` on the request
 * or on the transaction (`transactionError`); a request still pending when the transaction died
 * then fails with `AbortError`, and one made after it with `TransactionInactiveError`, so when the
 * transaction died of quota any error from it counts. Some Chromium versions only say "quota" in
 * the message of an `AbortError` or `UnknownError`.
 */
export function isQuotaError(error: unknown, transactionError?: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'StoreFullError') return true;
  if (errorName(transactionError) === 'QuotaExceededError') return true;
  if (name === 'AbortError' || name === 'UnknownError') return /quota/i.test(errorMessage(error)) || /quota/i.test(errorMessage(transactionError));
  return false;
}

/** The error to give the caller: a StoreFullError for quota, else the original. */
export function storeErrorOf(error: unknown, operation: string, transactionError?: unknown): unknown {
  if (error instanceof StoreFullError) return error;
  return isQuotaError(error, transactionError) ? new StoreFullError(operation, { cause: error }) : error;
}
