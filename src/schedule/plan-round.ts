/**
 * What a round probes. Pure: the same inputs give the same plan, and the plan says how the
 * rotation moves on.
 *
 * - `regular` (the periodic round): one rotating endpoint per service and one control (the one
 *   that tells the exit country when the user has a country, else the next international one);
 *   the other controls of the round (two international in turn, one domestic for the user's
 *   country) are probed only when something in the first phase failed (`laterControls`): when
 *   every service answered, the network is plainly up and they would add nothing but bytes. A
 *   service whose endpoint fails is swept in the same round by the round runner.
 * - `confirm` (CONFIRMATION_SPACING_MS, 40 s, after a suspicious round): the controls and every endpoint of the services in
 *   question, nothing else.
 * - `manual` ("Check now"): the controls and every endpoint of every service.
 * Throughput probes run for the services in `throughputFor`.
 */
import type { Component, Control, CountryCode, Endpoint, Service, ThroughputControl } from '../catalogue/types';
import { POST_CONNECT_FAILURES } from '../probe/failure/codes';
import type { ProbeTask } from '../probe/probe';
import { INITIAL_ROTATION, takeRotating, type Rotation } from './rotation';

export type RoundKind = 'regular' | 'confirm' | 'manual';

/** Two international controls: if both fail while a domestic one answers, the round reads `restricted` (docs/sources.md#allowlist-mode: "≥2 international controls fail"). */
export const INTL_CONTROLS_PER_ROUND = 2;
export const DOMESTIC_CONTROLS_PER_ROUND = 1;

type WithoutRoundStart<T> = T extends unknown ? Omit<T, 'roundStart'> : never;

/** One request the round will make, before it has its round's start. */
export type PlannedProbe = WithoutRoundStart<ProbeTask>;

export interface PlanInput {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  readonly kind: RoundKind;
  /** The services the user has enabled, custom targets included. */
  readonly services: readonly Service[];
  readonly controls: readonly Control[];
  readonly throughputControls: readonly ThroughputControl[];
  readonly country: CountryCode | null;
  readonly rotation: Rotation;
  /** For `confirm` rounds: the services in question. */
  readonly focus?: readonly string[];
  /** Services to measure throughput for this round. */
  readonly throughputFor: readonly string[];
}

export interface RoundPlan {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  readonly kind: RoundKind;
  /** The services this round judges. */
  readonly services: readonly Service[];
  /** Requests of the first phase. */
  readonly probes: readonly PlannedProbe[];
  /** The controls of the round (for classification): those in `probes`, and `laterControls` when they run. */
  readonly controls: readonly Control[];
  /**
   * Controls the runner probes only when a request of the first phase failed, before it judges
   * the network (regular rounds; empty for the others, whose controls are all in `probes`).
   */
  readonly laterControls: readonly Control[];
  /** Throughput controls to try, in order, when a target's throughput looks low. */
  readonly throughputControls: readonly ThroughputControl[];
  /** Whether the runner sweeps every endpoint of a service whose first probe failed. */
  readonly sweepOnFailure: boolean;
  /** Per service: every probe a sweep of it makes this round (for a pool, only this round's hosts). */
  readonly sweeps: Readonly<Record<string, readonly PlannedProbe[]>>;
}

export function endpointProbe(service: Service, componentId: string, endpoint: Endpoint): PlannedProbe {
  const target = { type: 'endpoint', serviceId: service.id, componentId, endpointId: endpoint.id } as const;
  if (endpoint.kind === 'http') return { kind: 'http', target, url: endpoint.url, method: endpoint.method };
  // A reach endpoint without its own list: any error that needs a spoken-to host proves it was reached.
  return { kind: 'reach', target, url: endpoint.url, method: endpoint.method, reachedOn: endpoint.reachedOn ?? POST_CONNECT_FAILURES };
}

/** The key under which a pooled component's next host is kept in `Rotation.endpoints`. */
export function poolKey(service: Service, component: Component): string {
  return `${service.id}/${component.id}`;
}

/**
 * The endpoints of a component a round may probe: all of them, or for a pool `perRound` hosts
 * taken in turn from the pool's rotation index, so that over successive rounds every host is tried.
 */
export function roundEndpoints(service: Service, component: Component, rotation: Rotation): Endpoint[] {
  if (component.pool === undefined) return [...component.endpoints];
  const start = rotation.endpoints[poolKey(service, component)] ?? 0;
  return takeRotating(component.endpoints, start % Math.max(component.endpoints.length, 1), component.pool.perRound);
}

/** Every probe a sweep of the service makes this round (a pool contributes its hosts of the round). */
export function allEndpointProbes(service: Service, rotation: Rotation = INITIAL_ROTATION): PlannedProbe[] {
  return service.components.flatMap((component) =>
    roundEndpoints(service, component, rotation).map((endpoint) => endpointProbe(service, component.id, endpoint)),
  );
}

/** The service's light-round rotation: every rotating endpoint, a pool counting once (its first host of the round). */
function rotatingEndpoints(service: Service, rotation: Rotation): { componentId: string; endpoint: Endpoint }[] {
  const all = service.components.flatMap((component) =>
    (component.pool === undefined ? component.endpoints : roundEndpoints(service, component, rotation).slice(0, 1)).map((endpoint) => ({
      componentId: component.id,
      endpoint,
    })),
  );
  const rotating = all.filter((entry) => entry.endpoint.rotate !== false);
  return rotating.length > 0 ? rotating : all;
}

export function controlProbe(control: Control): PlannedProbe {
  return {
    kind: 'http',
    target: { type: 'control', controlId: control.id },
    url: control.url,
    method: control.method,
    ...(control.expect ? { expect: control.expect } : {}),
    ...(control.tellsCountry ? { readsCountry: true as const } : {}),
  };
}

export function throughputProbe(service: Service): PlannedProbe | null {
  const object = service.throughput;
  if (!object) return null;
  return { kind: 'throughput', target: { type: 'throughput', serviceId: service.id }, url: object.url, method: 'GET', bytes: object.bytes, range: object.range };
}

export function throughputControlProbe(control: ThroughputControl): PlannedProbe {
  return {
    kind: 'throughput',
    target: { type: 'throughput-control', controlId: control.id },
    url: control.url,
    method: 'GET',
    bytes: control.bytes,
    range: control.range,
  };
}

/**
 * The controls rounds draw on for a country: the international ones (rotated), the one that tells
 * the exit country, and the domestic ones (rotated). The path of every round is judged (a VPN is
 * switched on and off at any moment), so the country control runs in each round, but only when
 * there is a country to compare with. The welcome page's list of hosts uses the same sets.
 */
export function controlsInForce<C extends Control>(controls: readonly C[], country: CountryCode | null): { intl: C[]; countryControls: C[]; domestic: C[] } {
  return {
    intl: controls.filter((control) => control.region === 'intl' && !control.tellsCountry),
    countryControls: country === null ? [] : controls.filter((control) => control.region === 'intl' && control.tellsCountry).slice(0, 1),
    domestic: controls.filter((control) => country !== null && control.region === country),
  };
}

/**
 * The control a regular round probes up front: the exit-country one when there is a country (the
 * path of every round is judged, and an answer from it also shows the network up), else the
 * first international one of the round.
 */
function firstPhaseControls(controls: readonly Control[], countryControls: readonly Control[]): Control[] {
  const first = countryControls[0] ?? controls.find((control) => control.region === 'intl') ?? controls[0];
  return first ? [first] : [];
}

export function planRound(input: PlanInput): { plan: RoundPlan; rotation: Rotation } {
  const { intl, countryControls, domestic } = controlsInForce(input.controls, input.country);
  const controls = [
    ...takeRotating(intl, input.rotation.intlControl, INTL_CONTROLS_PER_ROUND),
    ...countryControls,
    ...takeRotating(domestic, input.rotation.domesticControl, DOMESTIC_CONTROLS_PER_ROUND),
  ];
  const upFront = input.kind === 'regular' ? firstPhaseControls(controls, countryControls) : controls;
  const laterControls = controls.filter((control) => !upFront.includes(control));

  const focus = new Set(input.focus ?? []);
  const services =
    input.kind === 'confirm' ? input.services.filter((service) => focus.has(service.id)) : [...input.services];

  const endpoints: Record<string, number> = { ...input.rotation.endpoints };
  const serviceProbes: PlannedProbe[] = [];
  const sweeps: Record<string, readonly PlannedProbe[]> = {};
  for (const service of services) {
    sweeps[service.id] = allEndpointProbes(service, input.rotation);
    if (input.kind === 'regular') {
      const rotating = rotatingEndpoints(service, input.rotation);
      const index = (endpoints[service.id] ?? 0) % Math.max(rotating.length, 1);
      const next = rotating[index];
      if (next) serviceProbes.push(endpointProbe(service, next.componentId, next.endpoint));
      endpoints[service.id] = (index + 1) % Math.max(rotating.length, 1);
    } else {
      serviceProbes.push(...sweeps[service.id]!);
    }
    // Each round that judges the service moves its pools on, so the next round tries other hosts.
    for (const component of service.components) {
      if (component.pool === undefined || component.endpoints.length === 0) continue;
      const key = poolKey(service, component);
      endpoints[key] = ((endpoints[key] ?? 0) + component.pool.perRound) % component.endpoints.length;
    }
  }

  const wanted = new Set(input.throughputFor);
  const throughputProbes = services
    .filter((service) => wanted.has(service.id))
    .map(throughputProbe)
    .filter((probe): probe is PlannedProbe => probe !== null);

  const throughputAt: Record<string, number> = { ...input.rotation.throughputAt };
  for (const probe of throughputProbes) if (probe.target.type === 'throughput') throughputAt[probe.target.serviceId] = input.roundStart;

  const plan: RoundPlan = {
    roundStart: input.roundStart,
    kind: input.kind,
    services,
    probes: [...upFront.map(controlProbe), ...serviceProbes, ...throughputProbes],
    controls,
    laterControls,
    throughputControls: takeRotating(input.throughputControls, input.rotation.throughputControl, input.throughputControls.length),
    sweepOnFailure: input.kind === 'regular',
    sweeps,
  };
  const rotation: Rotation = {
    endpoints,
    intlControl: intl.length > 0 ? (input.rotation.intlControl + INTL_CONTROLS_PER_ROUND) % intl.length : 0,
    domesticControl: domestic.length > 0 ? (input.rotation.domesticControl + DOMESTIC_CONTROLS_PER_ROUND) % domestic.length : 0,
    throughputControl:
      input.throughputControls.length > 0 && throughputProbes.length > 0
        ? (input.rotation.throughputControl + 1) % input.throughputControls.length
        : input.rotation.throughputControl,
    throughputAt,
  };
  return { plan, rotation };
}
