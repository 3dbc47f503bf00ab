/**
 * A bucket's seconds per state as shares, in a fixed order, for drawing stacked bars and for the
 * words beside them. Services and the network have different state sets.
 */
import type { SubjectSeries } from '../../src/store/history-range';
import { tallyTotal } from '../../src/store/tally';

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
  const total = tallyTotal(seconds, order);
  if (total <= 0) return [];
  return order.filter((state) => (seconds[state] ?? 0) > 0).map((state) => ({ state, share: (seconds[state] ?? 0) / total }));
}
