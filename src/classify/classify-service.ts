/**
 * One service's verdict for a round whose network was online. Any HTTP answer counts (OONI's
 * lesson: status heuristics gave false positives); a component is up when any of its probed
 * endpoints answered; the service is `blocked` when every probed component failed, `partial`
 * when some did. A pool of interchangeable hosts (WhatsApp's e1…e16) fails only when enough
 * different hosts of it failed (`hostsNeededToFail`); fewer leave that component unjudged.
 * For mixed failures, `how` names the failure of the component that carries the messages, else
 * the first that failed (README, "How a state is decided").
 *
 * Two kinds of evidence overrule single answers (README, "How a state is decided": Interception):
 * - Interception: a certificate error on an endpoint whose real certificate is public (`http`
 *   endpoints on https) means someone presented their own certificate for that name. Its
 *   component fails (`how` tls) whatever another endpoint of it answered over plain HTTP.
 * - A resolver lie: an answer from a bogus address (`dns_bogus`) on any endpoint of the service.
 *   Every failed component of the service then reads `how` dns (a browser does not say where a
 *   failed TLS connection went, so the lie explains the certificate errors).
 * Either one makes the service's "a certificate error means reached" readings (private-CA `reach`
 * endpoints) unprovable: the certificate may be the interceptor's or the filter server's. Such a
 * reading stands only when it came from a known real address while no interception was seen.
 */
import type { Component, Service } from '../catalogue/types';
import type { Observation } from '../probe/observation';
import type { How } from '../states';
import { judgeSpeed } from './classify-speed';
import { howOf, isLocalFailure } from './how-of-failure';
import { isInterception, isUnprovenReading, tamperingOf, type Tampering } from './tampering';
import type { ComponentVerdict, ServiceVerdict } from './verdict';

/**
 * How many different hosts of a component must have failed before the component counts as
 * failed: one for an ordinary component, `perRound` (at most the pool's size) for a pool of
 * interchangeable hosts, where one host's failure says nothing while its siblings are untried.
 */
export function hostsNeededToFail(component: Component): number {
  if (component.pool === undefined) return 1;
  return Math.max(1, Math.min(component.pool.perRound, component.endpoints.length));
}

function componentVerdict(component: Component, observations: readonly Observation[], tampering: Tampering): ComponentVerdict | null {
  const componentId = component.id;
  const judged = observations.filter((observation) => !isLocalFailure(observation));
  if (judged.length === 0) return null;
  const tamperedHow: How = tampering.lie ? 'dns' : 'tls';
  // Interception on a public-certificate endpoint fails the component whatever else answered
  // (a blockpage in the same component is still the stronger finding: see below).
  const intercepted = judged.find(isInterception);
  if (intercepted !== undefined && !judged.some((observation) => observation.blockpage !== undefined)) {
    return { componentId, ok: false, how: tamperedHow, ...(intercepted.failure !== undefined ? { failure: intercepted.failure } : {}) };
  }
  const unproven = judged.filter((observation) => isUnprovenReading(observation, tampering));
  const answered = judged.filter((observation) => observation.ok && !unproven.includes(observation));
  if (answered.length === 0 && unproven.length > 0) {
    const evidence = unproven[0]!;
    return { componentId, ok: false, how: tamperedHow, ...(evidence.failure !== undefined ? { failure: evidence.failure } : {}) };
  }
  if (answered.length > 0 && intercepted === undefined) {
    const latencyMs = Math.min(...answered.map((observation) => observation.ms));
    return { componentId, ok: true, latencyMs };
  }
  const failedHosts = new Set(judged.map((observation) => (observation.target.type === 'endpoint' ? observation.target.endpointId : '')));
  if (failedHosts.size < hostsNeededToFail(component)) return null;
  // A blockpage anywhere in the component is the strongest evidence; otherwise the first failure.
  const evidence = judged.find((observation) => observation.blockpage !== undefined) ?? judged[0]!;
  const found = howOf(evidence) ?? 'connect';
  // A resolver lie explains every failure of the service but a blockpage (the stronger finding).
  const how: How = tampering.lie && found !== 'blockpage' ? 'dns' : found;
  return { componentId, ok: false, how, ...(evidence.failure !== undefined ? { failure: evidence.failure } : {}) };
}

export function classifyService(
  service: Service,
  observations: readonly Observation[],
  throughputControls: readonly Observation[],
): ServiceVerdict {
  const endpointObservations = observations.filter(
    (observation) => observation.target.type === 'endpoint' && observation.target.serviceId === service.id,
  );
  const throughput = observations.find(
    (observation) => observation.target.type === 'throughput' && observation.target.serviceId === service.id,
  );

  const tampering = tamperingOf(endpointObservations);
  const components: ComponentVerdict[] = [];
  for (const component of service.components) {
    const mine = endpointObservations.filter(
      (observation) => observation.target.type === 'endpoint' && observation.target.componentId === component.id,
    );
    const verdict = componentVerdict(component, mine, tampering);
    if (verdict !== null) components.push(verdict);
  }

  const swept = components.length === service.components.length;
  const speed = judgeSpeed(throughput, throughputControls);
  const speedFields = {
    speed: speed.speed,
    ...(speed.ratio !== undefined ? { speedRatio: speed.ratio } : {}),
    ...(speed.goodputKbps !== undefined ? { goodputKbps: speed.goodputKbps } : {}),
  };

  if (components.length === 0) {
    return { serviceId: service.id, state: 'unknown', components, swept, ...speedFields };
  }

  const failed = components.filter((component) => !component.ok);
  const answered = components.filter((component) => component.ok);
  const latencies = answered.map((component) => component.latencyMs).filter((ms): ms is number => ms !== undefined);
  const latency = latencies.length > 0 ? { latencyMs: Math.min(...latencies) } : {};

  if (failed.length === 0) {
    const slow = speed.speed === 'slow' || speed.speed === 'stall';
    const how: How | undefined = speed.speed === 'stall' ? 'stall' : undefined;
    return {
      serviceId: service.id,
      state: slow ? 'slow' : 'reachable',
      ...(how !== undefined ? { how } : {}),
      components,
      swept,
      ...speedFields,
      ...latency,
    };
  }

  const chatRoles = new Set(service.components.filter((component) => component.role === 'chat').map((component) => component.id));
  const carrier = failed.find((component) => chatRoles.has(component.componentId)) ?? failed[0]!;
  const how = carrier.how ?? 'connect';
  return {
    serviceId: service.id,
    state: answered.length === 0 ? 'blocked' : 'partial',
    how,
    components,
    swept,
    ...speedFields,
    ...latency,
  };
}
