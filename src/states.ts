/**
 * One vocabulary for code, interface, notifications and tests (README, "What you see").
 *
 * A service's state in one round, and its confirmed state over rounds, are both a `State`.
 * `how` says in which way a service is blocked (for `blocked`, `partial`, and `slow` when the
 * transfer stopped rather than crawled).
 */
export const STATES = ['reachable', 'slow', 'partial', 'blocked', 'offline', 'restricted', 'unknown'] as const;
export type State = (typeof STATES)[number];

export const HOWS = ['dns', 'connect', 'reset', 'tls', 'blockpage', 'stall'] as const;
export type How = (typeof HOWS)[number];

/** States that mean "something is wrong with this service on this network". */
export const BAD_STATES = ['slow', 'partial', 'blocked'] as const;
export type BadState = (typeof BAD_STATES)[number];

export function isBadState(state: State): state is BadState {
  return (BAD_STATES as readonly State[]).includes(state);
}

/**
 * States that say something about the service itself: offline, restricted and unknown rounds do
 * not. Availability is `reachable` over these; the popup shows the latest of these before confirmation.
 */
export const JUDGED_STATES = ['reachable', 'slow', 'partial', 'blocked'] as const;
export type JudgedState = (typeof JUDGED_STATES)[number];

export function isJudgedState(state: string): state is JudgedState {
  return (JUDGED_STATES as readonly string[]).includes(state);
}

export function isState(value: unknown): value is State {
  return typeof value === 'string' && (STATES as readonly string[]).includes(value);
}

export function isHow(value: unknown): value is How {
  return typeof value === 'string' && (HOWS as readonly string[]).includes(value);
}
