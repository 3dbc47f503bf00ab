/**
 * What one round says: a verdict for the network and one per probed service. Pure data, stored
 * as is and fed to `confirm/`.
 */
import type { FailureCode } from '../probe/failure/codes';
import type { How, State } from '../states';
import type { RoundPath } from './classify-path';

export interface ComponentVerdict {
  readonly componentId: string;
  /** Whether any probed endpoint of this component answered. */
  readonly ok: boolean;
  readonly how?: How;
  /** The failure of the first failed endpoint, for display. */
  readonly failure?: FailureCode;
  /** Time to an answer of the fastest endpoint that answered, ms. */
  readonly latencyMs?: number;
}

/** What the throughput probe, if any, said this round. */
export type Speed = 'unmeasured' | 'ok' | 'slow' | 'stall';

export interface ServiceVerdict {
  readonly serviceId: string;
  readonly state: State;
  readonly how?: How;
  /** Components probed this round (a light round probes one; a sweep probes all). */
  readonly components: readonly ComponentVerdict[];
  readonly speed: Speed;
  /** Target goodput ÷ best control goodput, when both were measured. */
  readonly speedRatio?: number;
  /** Target goodput, kbit/s, when measured. */
  readonly goodputKbps?: number;
  /** Fastest answer among the service's endpoints this round, ms. */
  readonly latencyMs?: number;
  /** Whether every component was probed this round. */
  readonly swept: boolean;
}

/**
 * `online`: at least one control answered as expected; service verdicts count.
 * `offline`: every control failed, or the device says it is offline: no verdict on any service.
 * `restricted`: domestic controls answer, every international one fails (allowlist mode).
 * `captive`: a control answered with the wrong content (captive portal, interception): the round is invalid.
 */
export const NETWORK_STATES = ['online', 'offline', 'restricted', 'captive'] as const;
export type NetworkState = (typeof NETWORK_STATES)[number];

export interface NetworkVerdict {
  readonly state: NetworkState;
  readonly intlUp: number;
  readonly intlDown: number;
  readonly domesticUp: number;
  readonly domesticDown: number;
}

export interface RoundVerdict {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  /** When the round ended, ms since the epoch. */
  readonly at: number;
  readonly network: NetworkVerdict;
  /** The path the round measured: the provider's network, or a VPN or proxy (`classify-path.ts`). */
  readonly path: RoundPath;
  readonly services: readonly ServiceVerdict[];
}

/** A round counts towards confirmation only when the network was up and unintercepted. */
export function isValidRound(verdict: RoundVerdict): boolean {
  return verdict.network.state === 'online';
}
