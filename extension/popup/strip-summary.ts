/**
 * The 24-hour strip in words, for people who cannot see its colours: how many checks, and how
 * many of them in each state ("Checks in the last 24 hours: 280 (Reachable: 270, Blocked: 10)").
 * Counted per state, in the fixed order of STATES, so the sentence reads the same every time.
 */
import type { StripCell } from '../../src/snapshot/snapshot';
import { STATES, type State } from '../../src/states';

export interface StripTally {
  readonly total: number;
  /** States that occurred, in STATES order, with their counts. */
  readonly counts: readonly { readonly state: State; readonly count: number }[];
}

export function tallyStrip(cells: readonly StripCell[], from: number, to: number): StripTally {
  const counts = new Map<State, number>();
  let total = 0;
  for (const cell of cells) {
    if (cell.roundStart < from || cell.roundStart > to) continue;
    total += 1;
    counts.set(cell.state, (counts.get(cell.state) ?? 0) + 1);
  }
  return { total, counts: STATES.filter((state) => counts.has(state)).map((state) => ({ state, count: counts.get(state) ?? 0 })) };
}
