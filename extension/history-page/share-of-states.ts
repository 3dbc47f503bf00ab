/**
 * A bucket's seconds per state as shares, in a fixed order, for drawing stacked bars and for the
 * words beside them. Services and the network have different state sets.
 */
import { JUDGED_STATES } from '../../src/states';
import type { SubjectSeries } from '../../src/store/history-range';

/** Seconds per state in one bucket, as the history range gives them. */
type Tally = SubjectSeries['seconds'][number];
type TallyState = keyof Tally;

export const SERVICE_ORDER: readonly TallyState[] = ['reachable', 'slow', 'partial', 'blocked', 'restricted', 'offline', 'unknown'];
export const NETWORK_ORDER: readonly TallyState[] = ['online', 'captive', 'restricted', 'offline'];

export interface Share {
  readonly state: TallyState;
  readonly share: number;
}

export function sharesOf(seconds: Tally, order: readonly TallyState[]): Share[] {
  const total = order.reduce((sum, state) => sum + (seconds[state] ?? 0), 0);
  if (total <= 0) return [];
  return order.filter((state) => (seconds[state] ?? 0) > 0).map((state) => ({ state, share: (seconds[state] ?? 0) / total }));
}

/** Seconds of every bucket added up: the whole span in one tally. */
export function sumTallies(tallies: readonly Tally[]): Tally {
  const sum: Partial<Record<TallyState, number>> = {};
  for (const tally of tallies) {
    for (const [state, value] of Object.entries(tally) as [TallyState, number][]) sum[state] = (sum[state] ?? 0) + value;
  }
  return sum;
}

/** Services: reachable over judged time (reachable, slow, partial, blocked), as the store defines it. Network: online over all. */
export function availabilityOf(seconds: Tally, network: boolean): number | null {
  const pick = (states: readonly TallyState[]): number => states.reduce((sum, state) => sum + (seconds[state] ?? 0), 0);
  if (network) {
    const all = pick(NETWORK_ORDER);
    return all > 0 ? (seconds.online ?? 0) / all : null;
  }
  const judged = pick(JUDGED_STATES);
  return judged > 0 ? (seconds.reachable ?? 0) / judged : null;
}
