/**
 * Converts between the shapes the rest of `src/` uses (ServiceVerdict, Observation) and the
 * compact records the database keeps (see schema.ts). Pure.
 *
 * Times are kept to the whole millisecond, goodput to the whole kbit/s and speed ratios to three
 * decimals: finer digits are noise from the clock and would cost bytes in every record.
 */
import type { HttpMethod, ProbeKind } from '../catalogue/types';
import type { ComponentVerdict, ServiceVerdict } from '../classify/verdict';
import type { FailureCode } from '../probe/failure/codes';
import type { How, State } from '../states';
import type { Observation, Reached, TargetRef, TransferTiming } from '../probe/observation';
import type { ComponentRecord, ObservationRecord, VerdictRecord } from './schema';
import { decodeTarget, encodeTarget } from './target-code';

const whole = (value: number): number => Math.round(value);
const thousandths = (value: number): number => Math.round(value * 1000) / 1000;

function encodeComponent(component: ComponentVerdict): ComponentRecord {
  const full = [
    component.componentId,
    component.ok ? 1 : 0,
    component.latencyMs === undefined ? null : whole(component.latencyMs),
    component.how ?? null,
    component.failure ?? null,
  ] as const;
  let length = full.length;
  while (length > 2 && full[length - 1] === null) length--;
  return full.slice(0, length) as unknown as ComponentRecord;
}

function decodeComponent(record: ComponentRecord): ComponentVerdict {
  const [componentId, ok, latencyMs, how, failure] = record as readonly [string, 0 | 1, (number | null)?, (How | null)?, (FailureCode | null)?];
  return {
    componentId,
    ok: ok === 1,
    ...(how != null ? { how } : {}),
    ...(failure != null ? { failure } : {}),
    ...(latencyMs != null ? { latencyMs } : {}),
  };
}

/** The fastest latency among a verdict's components, as stored (whole ms). */
function fastestComponent(components: readonly ComponentRecord[]): number | undefined {
  let fastest: number | undefined;
  for (const component of components) {
    const latency = component[2];
    if (typeof latency === 'number' && (fastest === undefined || latency < fastest)) fastest = latency;
  }
  return fastest;
}

/** A stored verdict's state (absent means `reachable`). */
export function verdictState(record: VerdictRecord): State {
  return record.st ?? 'reachable';
}

/** A stored verdict's latency, whole ms (see VerdictRecord.ms). */
export function verdictLatency(record: VerdictRecord): number | undefined {
  if (record.ms === null) return undefined;
  return record.ms ?? fastestComponent(record.c);
}

/** `seconds`: how much history this verdict stands for (see write-round.ts). */
export function encodeVerdict(verdict: ServiceVerdict, roundStart: number, seconds: number): VerdictRecord {
  const components = verdict.components.map(encodeComponent);
  const latency = verdict.latencyMs === undefined ? undefined : whole(verdict.latencyMs);
  const fastest = fastestComponent(components);
  return {
    s: verdict.serviceId,
    r: roundStart,
    ...(verdict.state !== 'reachable' ? { st: verdict.state } : {}),
    ...(verdict.how !== undefined ? { h: verdict.how } : {}),
    c: components,
    ...(verdict.speed !== 'unmeasured' ? { sp: verdict.speed } : {}),
    ...(verdict.speedRatio !== undefined ? { sr: thousandths(verdict.speedRatio) } : {}),
    ...(verdict.goodputKbps !== undefined ? { gp: whole(verdict.goodputKbps) } : {}),
    ...(latency !== fastest ? { ms: latency ?? null } : {}),
    ...(verdict.swept ? { sw: 1 as const } : {}),
    d: seconds,
  };
}

/** A stored verdict, with the round it belongs to and the history it stands for. */
export interface StoredVerdict extends ServiceVerdict {
  readonly roundStart: number;
  readonly seconds: number;
}

export function decodeVerdict(record: VerdictRecord): StoredVerdict {
  const latency = verdictLatency(record);
  return {
    serviceId: record.s,
    roundStart: record.r,
    state: verdictState(record),
    ...(record.h !== undefined ? { how: record.h } : {}),
    components: record.c.map(decodeComponent),
    speed: record.sp ?? 'unmeasured',
    ...(record.sr !== undefined ? { speedRatio: record.sr } : {}),
    ...(record.gp !== undefined ? { goodputKbps: record.gp } : {}),
    ...(latency !== undefined ? { latencyMs: latency } : {}),
    swept: record.sw === 1,
    seconds: record.d,
  };
}

/** The kind a target is usually probed with; only other kinds are stored. */
export function usualKind(target: TargetRef): ProbeKind {
  return target.type === 'throughput' || target.type === 'throughput-control' ? 'throughput' : 'http';
}

/** Whether a probe saw something worth keeping the evidence of. */
export function needsEvidence(observation: Observation): boolean {
  return !observation.ok || observation.blockpage !== undefined || observation.contentOk === false;
}

function encodeTransfer(transfer: TransferTiming): TransferTiming {
  return {
    headersMs: whole(transfer.headersMs),
    ...(transfer.firstByteMs !== undefined ? { firstByteMs: whole(transfer.firstByteMs) } : {}),
    ...(transfer.goodputKbps !== undefined ? { goodputKbps: whole(transfer.goodputKbps) } : {}),
    longestGapMs: whole(transfer.longestGapMs),
    stalled: transfer.stalled,
    complete: transfer.complete,
  };
}

/** `position`: the observation's index in its round, the second half of its key. */
export function encodeObservation(observation: Observation, position: number): ObservationRecord {
  const evidence = needsEvidence(observation);
  return {
    r: observation.roundStart,
    n: position,
    t: encodeTarget(observation.target),
    ...(observation.kind !== usualKind(observation.target) ? { k: observation.kind } : {}),
    o: whole(observation.at - observation.roundStart),
    d: whole(observation.ms),
    ...(observation.ok ? {} : { ok: 0 as const }),
    ...(observation.status !== undefined ? { st: observation.status } : {}),
    w: whole(observation.wireBytes),
    ...(observation.failure !== undefined ? { f: observation.failure } : {}),
    ...(observation.blockpage !== undefined ? { bp: observation.blockpage } : {}),
    ...(observation.contentOk !== undefined ? { co: observation.contentOk ? (1 as const) : (0 as const) } : {}),
    ...(observation.finalUrl !== undefined ? { fu: observation.finalUrl } : {}),
    ...(observation.transfer !== undefined ? { tr: encodeTransfer(observation.transfer) } : {}),
    ...(evidence ? { u: observation.url, m: observation.method } : {}),
    ...(evidence && observation.raw !== undefined ? { x: observation.raw } : {}),
    ...(evidence && observation.ip !== undefined ? { ip: observation.ip } : {}),
    ...(evidence ? { re: [observation.reached.headers ? 1 : 0, whole(observation.reached.bytes)] as const } : {}),
  };
}

/**
 * An observation as the store gives it back: a successful probe has no URL, method, address or
 * progress (its endpoint id says where it went: look the URL up in the catalogue).
 */
export interface StoredObservation extends Omit<Observation, 'url' | 'method' | 'reached'> {
  readonly position: number;
  readonly url?: string;
  readonly method?: HttpMethod;
  readonly reached?: Reached;
}

export function decodeObservation(record: ObservationRecord): StoredObservation {
  const target = decodeTarget(record.t);
  if (target === undefined) throw new TypeError(`Stored observation [${record.r}, ${record.n}] has a malformed target`);
  return {
    roundStart: record.r,
    position: record.n,
    target,
    kind: record.k ?? usualKind(target),
    at: record.r + record.o,
    ms: record.d,
    ok: record.ok !== 0,
    ...(record.st !== undefined ? { status: record.st } : {}),
    wireBytes: record.w,
    ...(record.f !== undefined ? { failure: record.f } : {}),
    ...(record.bp !== undefined ? { blockpage: record.bp } : {}),
    ...(record.co !== undefined ? { contentOk: record.co === 1 } : {}),
    ...(record.fu !== undefined ? { finalUrl: record.fu } : {}),
    ...(record.tr !== undefined ? { transfer: record.tr } : {}),
    ...(record.u !== undefined ? { url: record.u } : {}),
    ...(record.m !== undefined ? { method: record.m } : {}),
    ...(record.x !== undefined ? { raw: record.x } : {}),
    ...(record.ip !== undefined ? { ip: record.ip } : {}),
    ...(record.re !== undefined ? { reached: { headers: record.re[0] === 1, bytes: record.re[1] } } : {}),
  };
}
