/**
 * Everything the background must not keep only in memory (its worker dies every few minutes):
 * the confirmation tracks, the schedule, notifications decided but not yet shown, the ids of
 * those shown, and the data ledger. Saved in the same transaction as the round that changed it,
 * so a worker killed at any point either has the round and its consequences, or neither.
 */
import { isFields, type Fields } from '../fields';
import type { Track } from '../confirm/types';
import type { PlannedNotification } from '../notify/decide';
import { INITIAL_SCHEDULE, type ScheduleState } from '../schedule/schedule-state';
import { EMPTY_LEDGER, parseLedger, type DataLedger } from '../store/data-ledger';

export const RUNTIME_STATE_VERSION = 1;
/** Notification ids remembered as shown: far more than incidents in a day, small enough to rewrite each round. */
export const NOTIFIED_REMEMBERED = 200;

export interface RuntimeState {
  readonly version: typeof RUNTIME_STATE_VERSION;
  readonly tracks: Readonly<Record<string, Track>>;
  readonly schedule: ScheduleState;
  /** Decided, not yet shown: shown (once) by whichever worker runs next. */
  readonly outbox: readonly PlannedNotification[];
  /** Ids of notifications already shown, oldest first. */
  readonly notified: readonly string[];
  readonly ledger: DataLedger;
  /** When history was last pruned (ms). */
  readonly lastPrunedAt: number | null;
}

export const INITIAL_RUNTIME_STATE: RuntimeState = {
  version: RUNTIME_STATE_VERSION,
  tracks: {},
  schedule: INITIAL_SCHEDULE,
  outbox: [],
  notified: [],
  ledger: EMPTY_LEDGER,
  lastPrunedAt: null,
};


/**
 * A judgement as stored, its marks keyed by `roundStart`. Marks saved before that field was renamed
 * carry the round's start as `roundId`: they read as the same mark, so an update keeps every
 * track's evidence (without it, a recent window of old marks would give NaN times).
 */
function judgementRead(stored: unknown): unknown {
  if (!isFields(stored) || !Array.isArray(stored.recent)) return stored;
  const recent: unknown[] = stored.recent;
  return {
    ...stored,
    recent: recent.map((mark) => {
      if (!isFields(mark) || 'roundStart' in mark || !('roundId' in mark)) return mark;
      const { roundId, ...rest } = mark;
      return { roundStart: roundId, ...rest };
    }),
  };
}

function tracksRead(stored: Fields): Record<string, Track> {
  const tracks: Record<string, unknown> = {};
  for (const [subject, track] of Object.entries(stored)) {
    tracks[subject] = isFields(track) ? { ...track, reach: judgementRead(track.reach), speed: judgementRead(track.speed) } : track;
  }
  return tracks as Record<string, Track>;
}

/**
 * The stored state, or the initial one when there is none or it is not ours. Written only by this
 * code, so a structural check is enough; a damaged value starts over rather than crash the worker.
 */
export function parseRuntimeState(stored: unknown): RuntimeState {
  if (!isFields(stored) || stored.version !== RUNTIME_STATE_VERSION) return INITIAL_RUNTIME_STATE;
  const schedule = isFields(stored.schedule) && isFields(stored.schedule.rotation) ? (stored.schedule as unknown as ScheduleState) : INITIAL_SCHEDULE;
  return {
    version: RUNTIME_STATE_VERSION,
    tracks: isFields(stored.tracks) ? tracksRead(stored.tracks) : {},
    schedule,
    outbox: Array.isArray(stored.outbox) ? (stored.outbox as PlannedNotification[]) : [],
    notified: Array.isArray(stored.notified) ? stored.notified.filter((id): id is string => typeof id === 'string') : [],
    ledger: parseLedger(stored.ledger),
    lastPrunedAt: typeof stored.lastPrunedAt === 'number' ? stored.lastPrunedAt : null,
  };
}

/** Queues newly decided notifications, leaving out any already shown or already queued. */
export function enqueue(state: RuntimeState, planned: readonly PlannedNotification[]): RuntimeState {
  const known = new Set([...state.notified, ...state.outbox.map((notification) => notification.id)]);
  const fresh = planned.filter((notification) => !known.has(notification.id));
  return fresh.length === 0 ? state : { ...state, outbox: [...state.outbox, ...fresh] };
}

/** Marks a notification shown: out of the outbox, into the remembered ids. */
export function markShown(state: RuntimeState, id: string): RuntimeState {
  return {
    ...state,
    outbox: state.outbox.filter((notification) => notification.id !== id),
    notified: [...state.notified.filter((known) => known !== id), id].slice(-NOTIFIED_REMEMBERED),
  };
}
