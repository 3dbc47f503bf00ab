/**
 * The snapshot from what is stored. The rule for the state shown (README, "How a state is decided"):
 * offline when the latest round found no working control; restricted while "only domestic
 * sites work" is confirmed; otherwise the confirmed state, and before anything is confirmed the
 * latest valid round's state, marked unconfirmed; `unknown` only before any round. A speed sample
 * that read slow over a confirmed `reachable` shows as `slow`, unconfirmed, until confirmed or cleared.
 */
import type { Service } from '../catalogue/types';
import type { Path } from '../classify/classify-path';
import type { NetworkVerdict, ServiceVerdict } from '../classify/verdict';
import { confirmedOf } from '../confirm/confirm';
import { NETWORK_SUBJECT, type Track } from '../confirm/types';
import type { How, State } from '../states';
import type { ComponentSnapshot, RoundActivity, ServiceSnapshot, Snapshot, StripCell } from './snapshot';

export interface LatestVerdict {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  readonly verdict: ServiceVerdict;
  /** Whether the round's network was online (a valid round). */
  readonly valid: boolean;
}

/** A service's state in a round whose network was online. */
export interface ValidState {
  readonly state: State;
  readonly how?: How;
}

export interface SnapshotInput {
  readonly now: number;
  readonly services: readonly Service[];
  readonly tracks: Readonly<Record<string, Track>>;
  readonly latestNetwork: NetworkVerdict | null;
  readonly latestNetworkAt?: number;
  /** The latest round's path; `direct` before any round. */
  readonly latestPath?: Path;
  readonly exitCountry?: string;
  readonly latest: Readonly<Record<string, LatestVerdict>>;
  /** The latest valid direct-path round's state per service (may be older than `latest`). */
  readonly latestValid: Readonly<Record<string, ValidState>>;
  readonly strips: Readonly<Record<string, readonly StripCell[]>>;
  readonly activity: RoundActivity;
  readonly nextRoundAt?: number;
  readonly country: string | null;
  readonly dataUsedToday: number;
  readonly dataBudgetPerDay: number;
  /** Services whose hosts the person withheld: shown as "no access", never as a state of the network. */
  readonly noAccess?: ReadonlySet<string>;
}

function components(service: Service, latest: LatestVerdict | undefined): ComponentSnapshot[] {
  return service.components.map((component) => {
    const seen = latest?.verdict.components.find((entry) => entry.componentId === component.id);
    if (!seen) return { id: component.id, role: component.role, ok: null };
    return {
      id: component.id,
      role: component.role,
      ok: seen.ok,
      ...(seen.how !== undefined ? { how: seen.how } : {}),
      ...(seen.failure !== undefined ? { failure: seen.failure } : {}),
      ...(seen.latencyMs !== undefined ? { latencyMs: seen.latencyMs } : {}),
    };
  });
}

function shown(
  track: Track | undefined,
  latestValid: ValidState | undefined,
  networkOffline: boolean,
  restricted: boolean,
): { state: State; confirmed: boolean; how?: How; since?: number } {
  if (networkOffline) return { state: 'offline', confirmed: true };
  if (restricted) return { state: 'restricted', confirmed: true };
  const confirmed = track ? confirmedOf(track) : undefined;
  // A speed sample that read slow is shown at once, marked unconfirmed, until the confirmation
  // rounds it triggers (each with a new sample) confirm or clear it: speed is sampled rarely, the
  // sample is already a comparison with a control measured in the same round, and `slow` never
  // notifies before confirmation (README, "How a state is decided": Speed).
  const latestSpeed = track?.speed.recent.at(-1);
  if (confirmed?.state === 'reachable' && latestSpeed?.state === 'slow' && track?.speed.state !== 'slow') {
    return { state: 'slow', confirmed: false, ...(latestSpeed.how ? { how: latestSpeed.how } : {}) };
  }
  if (confirmed && confirmed.state !== 'unknown') {
    return { state: confirmed.state, confirmed: true, ...(confirmed.how ? { how: confirmed.how } : {}), since: confirmed.since };
  }
  if (latestValid) return { state: latestValid.state, confirmed: false, ...(latestValid.how ? { how: latestValid.how } : {}) };
  return { state: 'unknown', confirmed: false };
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const networkTrack = input.tracks[NETWORK_SUBJECT];
  const networkConfirmed = networkTrack ? confirmedOf(networkTrack) : undefined;
  const restricted = networkConfirmed?.state === 'restricted';
  const offline = input.latestNetwork?.state === 'offline';

  const services: ServiceSnapshot[] = input.services.map((service) => {
    const latest = input.latest[service.id];
    const valid = input.latestValid[service.id];
    const withheld = input.noAccess?.has(service.id) === true;
    // Without host access nothing can be measured: no state at all, whatever was seen before.
    const state = withheld ? { state: 'unknown' as const, confirmed: false } : shown(input.tracks[service.id], valid, offline, restricted);
    const verdict = latest?.verdict;
    const pending =
      !withheld && state.confirmed && valid && (valid.state !== state.state || valid.how !== state.how) && state.state !== 'offline' && state.state !== 'restricted'
        ? { pending: { state: valid.state, ...(valid.how ? { how: valid.how } : {}) } }
        : {};
    return {
      id: service.id,
      name: service.name,
      custom: service.custom === true,
      ...state,
      ...pending,
      ...(withheld ? { access: 'withheld' as const } : {}),
      ...(latest ? { lastCheckedAt: latest.roundStart } : {}),
      ...(verdict?.latencyMs !== undefined ? { latencyMs: verdict.latencyMs } : {}),
      ...(verdict?.goodputKbps !== undefined ? { goodputKbps: verdict.goodputKbps } : {}),
      components: components(service, latest),
      strip: input.strips[service.id] ?? [],
    };
  });

  return {
    generatedAt: input.now,
    network: {
      state: input.latestNetwork?.state ?? 'unknown',
      restricted,
      ...(restricted && networkConfirmed ? { since: networkConfirmed.since } : {}),
    },
    path: input.latestPath ?? 'direct',
    ...(input.exitCountry !== undefined ? { exitCountry: input.exitCountry } : {}),
    services,
    activity: input.activity,
    ...(input.latestNetworkAt !== undefined ? { lastRoundAt: input.latestNetworkAt } : {}),
    ...(input.nextRoundAt !== undefined ? { nextRoundAt: input.nextRoundAt } : {}),
    country: input.country,
    dataUsedToday: input.dataUsedToday,
    dataBudgetPerDay: input.dataBudgetPerDay,
    blockedCount: services.filter((service) => service.state === 'blocked').length,
  };
}
