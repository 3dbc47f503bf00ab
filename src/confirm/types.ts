/**
 * Confirmation turns round verdicts into a confirmed state with hysteresis, and reports the
 * moments worth telling the user about as a `Change`. A track is small and lives in storage, so a
 * killed worker resumes exactly where it was.
 *
 * A service is judged on two axes that are measured at different rates: reachability (every
 * round) and speed (only in rounds that ran a throughput probe for it). Each axis has its own
 * window, so the many rounds without a throughput probe neither confirm nor clear `slow`.
 */
import type { How, State } from '../states';

/** The subject under which the network's own track (restricted or not) is kept. */
export const NETWORK_SUBJECT = '@network';

/** One valid round as an axis remembers it. */
export interface RoundMark {
  /** The round's start, ms since the epoch (saved in the runtime state; older saves call it `roundId`, see runtime-state.ts). */
  readonly roundStart: number;
  /** `reachable` is clean; any other state is bad for this axis. */
  readonly state: State;
  readonly how?: How;
}

/** One axis: its confirmed state and the evidence behind it. */
export interface Judgement {
  /** `unknown` until a first valid round; then `reachable` or a confirmed bad state. */
  readonly state: State;
  readonly how?: How;
  /** When the confirmed state began (ms since the epoch): for a bad state, the first round of the run that confirmed it. */
  readonly since: number;
  /** The last valid rounds for this axis, oldest first, at most CONFIRM_WINDOW. */
  readonly recent: readonly RoundMark[];
  /** Clean valid rounds in a row since the last bad one. */
  readonly cleanStreak: number;
}

export interface Track {
  /** A service id, or NETWORK_SUBJECT. */
  readonly subject: string;
  /** Reachability: `reachable`, `partial`, `blocked` (for the network: `reachable` or `restricted`). */
  readonly reach: Judgement;
  /** Speed: `reachable` or `slow` (with `how: 'stall'` when the transfer stopped). */
  readonly speed: Judgement;
}

/** The state a track stands for: a bad reachability state wins over `slow`. */
export interface Confirmed {
  readonly state: State;
  readonly how?: How;
  readonly since: number;
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
  readonly from: Confirmed;
  readonly to: Confirmed;
  /** The round that made the change (its start, ms since the epoch). */
  readonly at: number;
}
