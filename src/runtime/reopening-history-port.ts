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

export function reopeningHistoryPort(open: () => Promise<HistoryDb>, first?: HistoryDb): HistoryPort {
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
  const use = async <T>(run: (port: HistoryPort) => Promise<T>): Promise<T> => {
    const used = connection();
    try {
      return await run(idbHistoryPort(await used));
    } catch (error) {
      if (connectionClosed(error) && current === used) current = null;
      throw error;
    }
  };
  return {
    loadState: () => use((port) => port.loadState()),
    saveState: (state) => use((port) => port.saveState(state)),
    saveRound: (round, state) => use((port) => port.saveRound(round, state)),
    currentState: (subjects) => use((port) => port.currentState(subjects)),
    last24h: (now, subjects) => use((port) => port.last24h(now, subjects)),
    prune: (now, budgetBytes) => use((port) => port.prune(now, budgetBytes)),
  };
}
