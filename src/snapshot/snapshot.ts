/**
 * What the popup, the badge and open pages show: one plain object, pushed by the background
 * whenever it changes (Dark Reader's "popup = f(snapshot)").
 */
import type { ComponentRole } from '../catalogue/types';
import type { Path } from '../classify/classify-path';
import type { NetworkState } from '../classify/verdict';
import type { FailureCode } from '../probe/failure/codes';
import type { RoundKind } from '../schedule/plan-round';
import type { How, State } from '../states';

export interface ComponentSnapshot {
  readonly id: string;
  readonly role: ComponentRole;
  /** As of the latest round that probed it; null when never probed. */
  readonly ok: boolean | null;
  readonly how?: How;
  readonly failure?: FailureCode;
  readonly latencyMs?: number;
}

export interface StripCell {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  readonly state: State;
  /** The round's path: a `proxy` round measured a VPN or proxy, not the provider. */
  readonly path: Path;
}

export interface ServiceSnapshot {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  /** The state shown (`data-state`): confirmed, or the latest valid round's before anything is confirmed. */
  readonly state: State;
  /** False while the state shown is a single round's, not yet confirmed. */
  readonly confirmed: boolean;
  /**
   * What the latest valid round saw when it differs from the confirmed state: a problem (or a
   * recovery) being confirmed right now. The state shown stays the confirmed one meanwhile.
   */
  readonly pending?: { readonly state: State; readonly how?: How };
  readonly how?: How;
  /** `withheld`: the person withheld site access to a host of this service; it is not probed (state `unknown`). */
  readonly access?: 'withheld';
  /** Since when the confirmed state holds (ms). */
  readonly since?: number;
  /** When the service was last probed (ms). */
  readonly lastCheckedAt?: number;
  readonly latencyMs?: number;
  readonly goodputKbps?: number;
  readonly components: readonly ComponentSnapshot[];
  /** Rounds of the last 24 hours, oldest first. */
  readonly strip: readonly StripCell[];
}

export interface RoundActivity {
  readonly running: boolean;
  readonly kind?: RoundKind;
  readonly done: number;
  readonly total: number;
}

export interface Snapshot {
  readonly generatedAt: number;
  readonly network: {
    /** The latest round's network state; `unknown` before any round. */
    readonly state: NetworkState | 'unknown';
    /** Whether "only domestic sites work" is confirmed. */
    readonly restricted: boolean;
    readonly since?: number;
  };
  /**
   * The latest round's path (`direct` before any round). On `proxy` the checks go through a VPN or
   * proxy app: the states shown are still the provider's, from the last direct rounds.
   */
  readonly path: Path;
  /** The country a country control placed the client in, in the latest round, when known. */
  readonly exitCountry?: string;
  readonly services: readonly ServiceSnapshot[];
  readonly activity: RoundActivity;
  readonly lastRoundAt?: number;
  readonly nextRoundAt?: number;
  readonly country: string | null;
  readonly dataUsedToday: number;
  readonly dataBudgetPerDay: number;
  /** Set while the person has paused checks: since when, and until when (null: until they resume). */
  readonly paused?: { readonly since: number; readonly until: number | null } | null;
  /** Services shown as `blocked` (the badge's number). */
  readonly blockedCount: number;
}
