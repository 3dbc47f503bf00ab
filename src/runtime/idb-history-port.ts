/**
 * The monitor's storage over the history database: its state lives in the `state` store and is
 * saved in the very transaction that saves each round.
 */
import { latestRecords, last24h } from '../store/queries';
import { prune } from '../store/retention';
import { readState, writeState } from '../store/runtime-state-store';
import type { HistoryDb } from '../store/schema';
import { writeRound } from '../store/write-round';
import type { HistoryPort } from './history-port';
import { parseRuntimeState } from './runtime-state';

/** The key of the monitor's state in the `state` store. */
export const RUNTIME_STATE_KEY = 'runtime';

export function idbHistoryPort(db: HistoryDb): HistoryPort {
  return {
    async loadRuntime() {
      return parseRuntimeState(await readState(db, RUNTIME_STATE_KEY));
    },
    async saveRuntime(state) {
      await writeState(db, RUNTIME_STATE_KEY, state);
    },
    saveRound(round, state) {
      return writeRound(db, round, { state: { [RUNTIME_STATE_KEY]: state } });
    },
    latestRecords: (subjects) => latestRecords(db, subjects),
    last24h: (now, subjects) => last24h(db, now, subjects),
    prune: (now, budgetBytes) => prune(db, now, budgetBytes),
  };
}
