/**
 * One service's verdict for a round whose network was online. Any HTTP answer counts (OONI's
 * lesson: status heuristics gave false positives); a component is up when any of its probed
 * endpoints answered; the service is `blocked` when every probed component failed, `partial`
 * when some did. A pool of interchangeable hosts (WhatsApp's e1…e16) fails only when enough
 * different hosts of it failed (`hostsNeededToFail`); fewer leave that component unjudged.
 * For mixed failures, `how` names the failure of the component that carries the messages, else
 * the first that failed (DESIGN.md, "Decisions").
 */
import type { Component, Service } from '../catalogue/types';
import type { Observation } from '../probe/observation';
import type { How } from '../states';
import { judgeSpeed } from './classify-speed';
import { howOf, isLocalFailure } from './how-of-failure';
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

function componentVerdict(component: Component, observations: readonly Observation[]): ComponentVerdict | null {
  const componentId = component.id;
  const judged = observations.filter((observation) => !isLocalFailure(observation));
  if (judged.length === 0) return null;
  const answered = judged.filter((observation) => observation.ok);
  if (answered.length > 0) {
    const latencyMs = Math.min(...answered.map((observation) => observation.ms));
    return { componentId, ok: true, latencyMs };
  }
  const failedHosts = new Set(judged.map((observation) => (observation.target.type === 'endpoint' ? observation.target.endpointId : '')));
  if (failedHosts.size < hostsNeededToFail(component)) return null;
  // A blockpage anywhere in the component is the strongest evidence; otherwise the first failure.
  const evidence = judged.find((observation) => observation.blockpage !== undefined) ?? judged[0]!;
  const how = howOf(evidence) ?? 'connect';
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

  const components: ComponentVerdict[] = [];
  for (const component of service.components) {
    const mine = endpointObservations.filter(
      (observation) => observation.target.type === 'endpoint' && observation.target.componentId === component.id,
    );
    const verdict = componentVerdict(component, mine);
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
  // A resolver that lies for this service's names shows as a DNS lie where an answer came from a
  // bogus address, and as a certificate for the wrong name wherever the lie meets TLS (a browser
  // does not say where a failed TLS connection went). One lie seen explains the certificate errors.
  const resolverLies = endpointObservations.some((observation) => observation.failure === 'dns_bogus');
  const how = carrier.how === 'tls' && resolverLies ? 'dns' : (carrier.how ?? 'connect');
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
