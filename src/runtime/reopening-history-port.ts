/**
 * The monitor's storage over a connection that may be closed under it: the database deleted or
 * upgraded from outside (its connection closes itself on `versionchange`, src/store/open.ts), or
 * the browser dropping it. The failing call still fails — that round is lost — but the next one
 * opens the database again, so a long-lived background (Firefox's persistent page) recovers
 * without a browser restart.
 */
import type { HistoryDb } from '../store/schema';
import type { HistoryPort } from './history-port';
import { idbHistoryPort } from './idb-history-port';

/** What IndexedDB throws for a transaction on a closed or closing connection. */
function connectionClosed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'InvalidStateError';
}

/** One connection to the history that opens itself again after it was closed under its users. */
export interface ReopeningConnection {
  /** Runs `run` on the current connection; a closed one is dropped, so the next call reopens it. */
  use<T>(run: (db: HistoryDb) => Promise<T>): Promise<T>;
}

export function reopeningConnection(open: () => Promise<HistoryDb>, first?: HistoryDb): ReopeningConnection {
  let current: Promise<HistoryDb> | null = first ? Promise.resolve(first) : null;
  const connection = (): Promise<HistoryDb> => {
    if (!current) {
      const opening = open();
      current = opening;
      opening.catch(() => {
        if (current === opening) current = null;
      });
    }
    return current;
  };
  return {
    async use(run) {
      const used = connection();
      try {
        return await run(await used);
      } catch (error) {
        if (connectionClosed(error) && current === used) current = null;
        throw error;
      }
    },
  };
}

/** The monitor's port over such a connection (the pages' handlers share the same one). */
export function reopeningHistoryPort(connection: ReopeningConnection): HistoryPort {
  const use = <T>(run: (port: HistoryPort) => Promise<T>): Promise<T> => connection.use((db) => run(idbHistoryPort(db)));
  return {
    loadRuntime: () => use((port) => port.loadRuntime()),
    saveRuntime: (state) => use((port) => port.saveRuntime(state)),
    saveRound: (round, state) => use((port) => port.saveRound(round, state)),
    latestRecords: (subjects) => use((port) => port.latestRecords(subjects)),
    last24h: (now, subjects) => use((port) => port.last24h(now, subjects)),
    prune: (now, budgetBytes) => use((port) => port.prune(now, budgetBytes)),
  };
}
