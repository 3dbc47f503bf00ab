/**
 * The schedule's memory, kept in storage so a killed worker resumes it: the rotation, when the
 * last rounds ran, and the confirmation rounds still owed. Pure reducers only.
 */
import {
  CONFIRMATION_ROUNDS,
  CONFIRMATION_SPACING_MS,
  ROUND_JITTER_MAX_MS,
} from '../defaults';
import type { Track } from '../confirm/types';
import { NETWORK_SUBJECT } from '../confirm/types';
import { INITIAL_ROTATION, type Rotation } from './rotation';
import type { RoundKind } from './plan-round';

export interface PendingConfirmation {
  /** Confirmation rounds still to run. */
  readonly remaining: number;
  /** Services to sweep in them. */
  readonly focus: readonly string[];
  /** Services to measure throughput for in them. */
  readonly throughputFocus: readonly string[];
  /** When the next one is due (ms since the epoch). */
  readonly dueAt: number;
}

export interface ScheduleState {
  readonly rotation: Rotation;
  /** When the last regular or manual round ran (ms), null before the first. */
  readonly lastRoundAt: number | null;
  /** When a regular round last took unattended speed samples (ms). */
  readonly lastThroughputSlotAt: number | null;
  readonly pending: PendingConfirmation | null;
}

export const INITIAL_SCHEDULE: ScheduleState = { rotation: INITIAL_ROTATION, lastRoundAt: null, lastThroughputSlotAt: null, pending: null };

/** What a round left unsettled: subjects whose latest valid round disagrees with their confirmed state. */
export interface Suspicion {
  readonly services: readonly string[];
  readonly speed: readonly string[];
  readonly network: boolean;
}

function axisUnsettled(judgement: Track['reach'], roundStart: number): boolean {
  const latest = judgement.recent.at(-1);
  if (latest === undefined || latest.roundStart !== roundStart) return false;
  const clean = latest.state === 'reachable';
  const confirmedBad = judgement.state !== 'reachable' && judgement.state !== 'unknown';
  if (clean) return confirmedBad;
  return latest.state !== judgement.state || latest.how !== judgement.how;
}

export function suspicionAfter(tracks: Readonly<Record<string, Track>>, roundStart: number): Suspicion {
  const services: string[] = [];
  const speed: string[] = [];
  let network = false;
  for (const track of Object.values(tracks)) {
    if (track.subject === NETWORK_SUBJECT) {
      network = axisUnsettled(track.reach, roundStart);
      continue;
    }
    if (axisUnsettled(track.reach, roundStart)) services.push(track.subject);
    if (axisUnsettled(track.speed, roundStart)) speed.push(track.subject);
  }
  return { services: services.sort(), speed: speed.sort(), network };
}

/**
 * After a round: owe confirmation rounds while something is unsettled (CONFIRMATION_ROUNDS,
 * CONFIRMATION_SPACING_MS apart), and remember when the round ran.
 */
export function afterRound(state: ScheduleState, kind: RoundKind, suspicion: Suspicion, rotation: Rotation, now: number): ScheduleState {
  const unsettled = suspicion.network || suspicion.services.length > 0 || suspicion.speed.length > 0;
  const lastRoundAt = kind === 'confirm' ? state.lastRoundAt : now;
  let pending: PendingConfirmation | null = null;
  if (unsettled) {
    const remaining = state.pending === null ? CONFIRMATION_ROUNDS : kind === 'confirm' ? state.pending.remaining - 1 : state.pending.remaining;
    const focus = [...new Set([...suspicion.services, ...suspicion.speed])].sort();
    pending = remaining > 0 ? { remaining, focus, throughputFocus: [...suspicion.speed], dueAt: now + CONFIRMATION_SPACING_MS } : null;
  }
  return { ...state, rotation, lastRoundAt, pending };
}

/**
 * When the next regular round is due: an interval after the last one, give or take half the
 * jitter, so that rounds of many users do not align. `random` is in [0, 1).
 *
 * Never before a confirmation round still owed: at a short interval (1 min, ± 15 s) a regular
 * round could otherwise fall between a suspicious round and its confirmation, and three rounds
 * would fit inside OUTAGE_TOLERATED_MS. So every round that follows a bad one starts at least
 * CONFIRMATION_SPACING_MS after it ended.
 */
export function nextRegularAt(state: ScheduleState, now: number, intervalMin: number, random: number): number {
  if (state.lastRoundAt === null) return now;
  const jitter = Math.floor((random - 0.5) * ROUND_JITTER_MAX_MS);
  return Math.max(now, state.lastRoundAt + intervalMin * 60_000 + jitter, state.pending?.dueAt ?? now);
}

/** Records that a regular round took unattended speed samples (`speed-samples.ts`). */
export function usedThroughputSlot(state: ScheduleState, now: number): ScheduleState {
  return { ...state, lastThroughputSlotAt: now };
}
