/**
 * Which confirmed changes become a system notification (README, "How a state is decided"): a confirmed
 * `blocked` start and end, entering and leaving `restricted`; `slow` and `partial` only when the
 * user asked for them; never `offline` (offline is never a confirmed state, so it never gets here).
 *
 * A notification's id is derived from the incident it reports (subject, kind, start), so deciding
 * twice after a worker restart yields the same id, and the outbox can drop the duplicate.
 */
import type { Change } from '../confirm/types';
import { NETWORK_SUBJECT } from '../confirm/types';
import type { How, State } from '../states';

export interface NotificationPreferences {
  readonly enabled: boolean;
  /** Service ids the user muted. */
  readonly muted: readonly string[];
  /** Also notify when a service becomes partly blocked or slow, and when that ends. */
  readonly alsoPartialAndSlow: boolean;
}

export type NotificationKind =
  | 'blocked'
  | 'unblocked'
  /** A block eased to partial or slow: still worth telling, like any end of a block. */
  | 'eased'
  | 'degraded'
  | 'recovered'
  | 'restricted'
  | 'unrestricted';

export interface PlannedNotification {
  /** Stable for the incident it reports. */
  readonly id: string;
  readonly kind: NotificationKind;
  /** A service id, or NETWORK_SUBJECT. */
  readonly subject: string;
  /** The state now (`blocked`, `reachable`, `partial`, `slow`, `restricted`). */
  readonly state: State;
  readonly how?: How;
  /** When the incident began (ms). */
  readonly incidentStart: number;
  /** When it ended, for `unblocked`, `recovered`, `unrestricted` (ms). */
  readonly incidentEnd?: number;
}

const isDegraded = (state: State): boolean => state === 'partial' || state === 'slow';

function kindOf(change: Change): NotificationKind | null {
  const { from, to } = change;
  if (change.subject === NETWORK_SUBJECT) {
    if (to.state === 'restricted' && from.state !== 'restricted') return 'restricted';
    if (from.state === 'restricted' && to.state !== 'restricted') return 'unrestricted';
    return null;
  }
  if (to.state === 'blocked' && from.state !== 'blocked') return 'blocked';
  if (from.state === 'blocked' && to.state !== 'blocked') return to.state === 'reachable' ? 'unblocked' : 'eased';
  if (isDegraded(to.state) && !isDegraded(from.state)) return 'degraded';
  if (isDegraded(from.state) && to.state === 'reachable') return 'recovered';
  // A change of kind within the same state (blocked by DNS → blocked by reset) shows in the popup only.
  return null;
}

const OPT_IN: ReadonlySet<NotificationKind> = new Set(['degraded', 'recovered']);

export function decideNotifications(changes: readonly Change[], preferences: NotificationPreferences): PlannedNotification[] {
  if (!preferences.enabled) return [];
  const planned: PlannedNotification[] = [];
  for (const change of changes) {
    const kind = kindOf(change);
    if (kind === null) continue;
    if (change.subject !== NETWORK_SUBJECT && preferences.muted.includes(change.subject)) continue;
    if (OPT_IN.has(kind) && !preferences.alsoPartialAndSlow) continue;
    const ending = kind === 'unblocked' || kind === 'eased' || kind === 'recovered' || kind === 'unrestricted';
    const incidentStart = ending ? change.from.since : change.to.since;
    planned.push({
      id: `${change.subject}|${kind}|${incidentStart}`,
      kind,
      subject: change.subject,
      state: change.to.state,
      ...(ending ? (change.from.how ? { how: change.from.how } : {}) : change.to.how ? { how: change.to.how } : {}),
      incidentStart,
      ...(ending ? { incidentEnd: change.to.since } : {}),
    });
  }
  return planned;
}
