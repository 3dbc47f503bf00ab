/**
 * Confirmation turns round verdicts into a confirmed state with hysteresis, and reports the
 * moments worth telling the user about as a `Change`. The track is small and lives in storage,
 * so a killed worker resumes exactly where it was.
 */
import type { Speed } from '../classify/verdict';
import type { How, State } from '../states';

/** The id under which the network's own track (restricted or not) is kept. */
export const NETWORK_SUBJECT = '@network';

/** One valid round as confirmation remembers it. */
export interface RoundMark {
  readonly roundId: number;
  readonly state: State;
  readonly how?: How;
  /** Whether a throughput probe ran for this subject in this round, and what it said. */
  readonly speed: Speed;
}

export interface Track {
  /** A service id, or NETWORK_SUBJECT. */
  readonly subject: string;
  /**
   * The confirmed state: `unknown` until a first valid round, then `reachable`, `slow`, `partial`,
   * `blocked`, or for the network track `restricted`.
   */
  readonly confirmed: State;
  readonly how?: How;
  /** When the confirmed state began: for a bad state, the first round of the run that confirmed it (ms). */
  readonly since: number;
  /** The last valid rounds, oldest first, at most CONFIRM_WINDOW. */
  readonly recent: readonly RoundMark[];
  /** Clean valid rounds in a row since the last bad one. */
  readonly cleanStreak: number;
}

/**
 * `started`: a bad state was confirmed where there was none.
 * `ended`: a confirmed bad state cleared.
 * `changed`: one confirmed bad state became another (a different state or a different `how`).
 */
export type ChangeKind = 'started' | 'ended' | 'changed';

export interface Change {
  readonly subject: string;
  readonly kind: ChangeKind;
  readonly from: { readonly state: State; readonly how?: How; readonly since: number };
  readonly to: { readonly state: State; readonly how?: How; readonly since: number };
  /** The round that made the change, ms. */
  readonly at: number;
}
