/**
 * One round, end to end: probe what the plan says, sweep what looked wrong, measure what looked
 * slow, then classify. The controls run alongside the targets (not first) so that a round in
 * which everything is black-holed takes one timeout, not two; a regular round's other controls
 * (`plan.laterControls`) follow only when a request of that phase failed; a second phase runs
 * only when the controls say the network is up.
 */
import { classifyNetwork } from '../classify/classify-network';
import { classifyRound } from '../classify/classify-round';
import { isLocalFailure } from '../classify/how-of-failure';
import type { RoundVerdict } from '../classify/verdict';
import type { CountryCode, Service } from '../catalogue/types';
import { ROUND_CONCURRENCY, SLOW_LOOKING_LATENCY_MS, THROUGHPUT_SUSPECT_KBPS } from '../defaults';
import type { Observation } from '../probe/observation';
import { runPool } from '../probe/pool';
import type { ProbeContext, ProbeTask } from '../probe/probe';
import { runProbe } from '../probe/run-probe';
import {
  allEndpointProbes,
  controlProbe,
  throughputControlProbe,
  throughputProbe,
  type PlannedProbe,
  type RoundPlan,
} from '../schedule/plan-round';

/** Throughput controls tried at most per round when the first is unusable (down or slow itself). */
export const THROUGHPUT_CONTROL_ATTEMPTS = 2;

export interface RoundProgress {
  readonly done: number;
  readonly total: number;
}

export interface RoundDeps {
  readonly probe: ProbeContext;
  readonly country: CountryCode | null;
  /** Requests in flight at once; ROUND_CONCURRENCY by default. */
  readonly concurrency?: number;
  /** Whether a service that looks slow may get a throughput probe at once (false when the data budget is spent). */
  readonly extraThroughput?: boolean;
  readonly onProgress?: (progress: RoundProgress) => void;
}

export interface RoundResult {
  readonly plan: RoundPlan;
  readonly observations: readonly Observation[];
  readonly verdict: RoundVerdict;
  /** Estimated bytes on the wire for the whole round. */
  readonly wireBytes: number;
}

const probed = (observations: readonly Observation[], serviceId: string): Observation[] =>
  observations.filter((observation) => observation.target.type === 'endpoint' && observation.target.serviceId === serviceId);

/** Endpoints of a service not probed yet, when one that was probed failed for a reason that is not local. */
function sweepFor(service: Service, plan: RoundPlan, observations: readonly Observation[]): PlannedProbe[] {
  const mine = probed(observations, service.id);
  if (!mine.some((observation) => !observation.ok && !isLocalFailure(observation))) return [];
  const done = new Set(mine.map((observation) => (observation.target.type === 'endpoint' ? observation.target.endpointId : '')));
  const sweep = plan.sweeps[service.id] ?? allEndpointProbes(service);
  return sweep.filter((probe) => probe.target.type === 'endpoint' && !done.has(probe.target.endpointId));
}

/**
 * A private-CA host "reached" on a certificate error, with no address to show where the answer
 * came from (Chromium gives none for a failed TLS connection), is only believed when the service's
 * names are seen to be neither intercepted nor lied about (`classify/tampering.ts`). A light round
 * that probed no public-certificate endpoint of the service probes one, to see that.
 */
function corroborationFor(service: Service, observations: readonly Observation[]): PlannedProbe[] {
  const mine = probed(observations, service.id);
  const needsIt = mine.some((observation) => observation.kind === 'reach' && observation.ok && observation.status === undefined && observation.ip === undefined);
  if (!needsIt || mine.some((observation) => observation.kind === 'http' && observation.url.startsWith('https://'))) return [];
  const publicCert = allEndpointProbes(service).find((probe) => probe.kind === 'http' && probe.url.startsWith('https://'));
  return publicCert ? [publicCert] : [];
}

/** A service that answered everywhere, but slowly, gets a throughput probe at once. */
function looksSlow(service: Service, observations: readonly Observation[]): boolean {
  const mine = probed(observations, service.id);
  return mine.length > 0 && mine.every((observation) => observation.ok) && Math.min(...mine.map((observation) => observation.ms)) >= SLOW_LOOKING_LATENCY_MS;
}

/** Whether a target's throughput needs a control to be judged (it crawled or stopped). */
function throughputSuspect(observation: Observation): boolean {
  if (observation.target.type !== 'throughput') return false;
  const transfer = observation.transfer;
  if (transfer === undefined) return false;
  if (transfer.stalled) return true;
  return transfer.goodputKbps !== undefined && transfer.goodputKbps < THROUGHPUT_SUSPECT_KBPS && !transfer.complete;
}

export async function runRound(plan: RoundPlan, deps: RoundDeps): Promise<RoundResult> {
  const limit = deps.concurrency ?? ROUND_CONCURRENCY;
  const observations: Observation[] = [];
  let done = 0;
  let total = plan.probes.length;
  const report = (): void => deps.onProgress?.({ done, total });

  const runPhase = async (probes: readonly PlannedProbe[]): Promise<Observation[]> => {
    const results = await runPool(probes, limit, async (probe) => {
      const observation = await runProbe({ ...probe, roundStart: plan.roundStart } as ProbeTask, deps.probe);
      done += 1;
      report();
      return observation;
    });
    observations.push(...results);
    return results;
  };

  report();
  // Speed samples go last: a sample and an endpoint probe of the same URL (Viber's and X's media
  // objects) would otherwise queue behind each other in the browser transport, and the endpoint's
  // timer would run out while it waits.
  const samples = plan.probes.filter((probe) => probe.kind === 'throughput');
  await runPhase(plan.probes.filter((probe) => probe.kind !== 'throughput'));
  // Something failed: the round needs every control it planned to tell a block from an outage or an allowlist.
  if (plan.laterControls.length > 0 && observations.some((observation) => !observation.ok)) {
    total += plan.laterControls.length;
    await runPhase(plan.laterControls.map(controlProbe));
  }

  const network = classifyNetwork(observations, plan.controls, deps.country);
  if (network.state === 'online') {
    const second: PlannedProbe[] = [];
    const measured = new Set(samples.flatMap((probe) => (probe.target.type === 'throughput' ? [probe.target.serviceId] : [])));
    for (const service of plan.services) {
      if (plan.sweepOnFailure) {
        const sweep = sweepFor(service, plan, observations);
        second.push(...(sweep.length > 0 ? sweep : corroborationFor(service, observations)));
      }
      if (deps.extraThroughput !== false && !measured.has(service.id) && looksSlow(service, observations)) {
        const probe = throughputProbe(service);
        if (probe) second.push(probe);
      }
    }
    if (second.length > 0) {
      total += second.length;
      await runPhase(second);
    }
    if (samples.length > 0) await runPhase(samples);

    if (observations.some(throughputSuspect)) {
      for (const control of plan.throughputControls.slice(0, THROUGHPUT_CONTROL_ATTEMPTS)) {
        total += 1;
        const [result] = await runPhase([throughputControlProbe(control)]);
        if (result?.ok && result.transfer !== undefined && !result.transfer.stalled) break;
      }
    }
  }

  const verdict = classifyRound({
    roundStart: plan.roundStart,
    at: deps.probe.now(),
    observations,
    services: plan.services,
    controls: plan.controls,
    country: deps.country,
  });
  const wireBytes = observations.reduce((sum, observation) => sum + observation.wireBytes, 0);
  return { plan, observations, verdict, wireBytes };
}
