/**
 * Confirmation for a whole round: the network's track and every probed service's track.
 * Services are judged only in rounds whose network was online (promise 1: offline is never a
 * block, and rounds without a working control never count); the network's own track counts
 * online and restricted rounds.
 *
 * Paths (README, "How a state is decided": Paths): the tracks follow the provider's network, so only rounds on the
 * `direct` path count. A round through a VPN or proxy app measured the VPN's path: it leaves
 * no mark, so it can neither end a block nor start one, and the rounds in a track's window are
 * never a mix of paths. A block confirmed before the VPN was switched on stays as it was (its
 * incident open, no notification) until direct rounds say otherwise.
 */
import type { RoundVerdict } from '../classify/verdict';
import { confirm, marksOf, networkMarksOf, newTrack } from './confirm';
import { NETWORK_SUBJECT, type Change, type Track } from './types';

export interface RoundConfirmation {
  /** Every track, updated where the round had something to say. */
  readonly tracks: Readonly<Record<string, Track>>;
  readonly changes: readonly Change[];
}

export function confirmRound(tracks: Readonly<Record<string, Track>>, verdict: RoundVerdict): RoundConfirmation {
  if (verdict.path.path !== 'direct') return { tracks, changes: [] };
  const next: Record<string, Track> = { ...tracks };
  const changes: Change[] = [];
  const apply = (subject: string, marks: ReturnType<typeof marksOf>): void => {
    const result = confirm(next[subject] ?? newTrack(subject), verdict.roundStart, marks);
    next[subject] = result.track;
    if (result.change) changes.push(result.change);
  };

  apply(NETWORK_SUBJECT, networkMarksOf(verdict.network, verdict.roundStart));
  if (verdict.network.state === 'online') {
    for (const service of verdict.services) apply(service.serviceId, marksOf(service, verdict.roundStart));
  }
  return { tracks: next, changes };
}
