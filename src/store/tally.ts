/**
 * Arithmetic on tallies (rounds or seconds per state, as roll-ups and the history range hold
 * them), and availability, defined once for the store and the history page.
 */
import { JUDGED_STATES } from '../states';
import type { Tally, TallyState } from './schema';

/** The tally's amounts added up, over the given states or over all of them. */
export function tallyTotal(tally: Tally, states: readonly TallyState[] = Object.keys(tally) as TallyState[]): number {
  return states.reduce((sum, state) => sum + (tally[state] ?? 0), 0);
}

/** Tallies added state by state: many buckets as one. */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const sum: Partial<Record<TallyState, number>> = {};
  for (const tally of tallies) {
    for (const [state, value] of Object.entries(tally) as [TallyState, number][]) sum[state] = (sum[state] ?? 0) + value;
  }
  return sum;
}

/**
 * Share of judged time the subject was fine, 0–1, or null with nothing judged. Services:
 * `reachable` seconds over reachable + slow + partial + blocked (offline, restricted and unknown
 * rounds say nothing about the service). Network: `online` over all its seconds.
 */
export function availabilityOf(seconds: Tally, network: boolean): number | null {
  const judged = tallyTotal(seconds, network ? undefined : JUDGED_STATES);
  if (judged <= 0) return null;
  return (network ? (seconds.online ?? 0) : (seconds.reachable ?? 0)) / judged;
}
