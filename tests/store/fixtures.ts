/**
 * Rounds as the runtime produces them, for store tests: nine services, three controls, one
 * endpoint per service per round, with the state of each service chosen by the test.
 */
import { DIRECT_PATH } from '../../src/classify/classify-path';
import { IDBFactory } from 'fake-indexeddb';
import type { NetworkState, NetworkVerdict, RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import type { Change } from '../../src/confirm/types';
import type { Observation } from '../../src/probe/observation';
import type { How, State } from '../../src/states';
import { openHistory } from '../../src/store/open';
import type { HistoryDb } from '../../src/store/schema';
import type { RoundToWrite } from '../../src/store/write-round';

export const SERVICE_IDS = ['whatsapp', 'telegram', 'signal', 'messenger', 'instagram', 'youtube', 'x', 'discord', 'viber'] as const;
export const CONTROL_IDS = ['google-204', 'cloudflare', 'ya-ru'] as const;

/** 2026-03-01T00:00:00Z: a fixed start, so days are predictable. */
export const T0 = Date.UTC(2026, 2, 1);
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface ServiceState {
  readonly state: State;
  readonly how?: How;
  readonly latencyMs?: number;
  readonly goodputKbps?: number;
}

export interface RoundSpec {
  readonly network?: NetworkState;
  /** States per service; services not named are reachable. */
  readonly states?: Readonly<Record<string, State | ServiceState>>;
  /** Only these services are in the round (default all nine). */
  readonly services?: readonly string[];
  readonly changes?: readonly Change[];
  readonly utcOffsetMin?: number;
  readonly intervalMin?: number;
}

export function newFactory(): IDBFactory {
  return new IDBFactory();
}

export async function freshDb(factory: IDBFactory = newFactory()): Promise<HistoryDb> {
  return openHistory(factory, 'test-history');
}

function networkVerdict(state: NetworkState): NetworkVerdict {
  switch (state) {
    case 'online':
      return { state, intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 };
    case 'offline':
      return { state, intlUp: 0, intlDown: 2, domesticUp: 0, domesticDown: 1 };
    case 'restricted':
      return { state, intlUp: 0, intlDown: 2, domesticUp: 1, domesticDown: 0 };
    case 'captive':
      return { state, intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 };
  }
}

function serviceState(spec: RoundSpec, serviceId: string, index: number, roundStart: number): ServiceState {
  const given = spec.states?.[serviceId];
  const base: ServiceState = typeof given === 'string' ? { state: given } : (given ?? { state: 'reachable' });
  // A latency that varies from round to round but is reproducible.
  const latencyMs = base.latencyMs ?? 120 + ((roundStart / MIN + index * 37) % 400);
  return { ...base, latencyMs };
}

export function makeRound(roundStart: number, spec: RoundSpec = {}): RoundToWrite {
  const network = spec.network ?? 'online';
  const services: ServiceVerdict[] = [];
  const observations: Observation[] = [];
  let offset = 0;
  (spec.services ?? SERVICE_IDS).forEach((serviceId, index) => {
    const state = serviceState(spec, serviceId, index, roundStart);
    const judged = network === 'online';
    // With the network down or only domestic sites reachable, the services' probes fail too.
    const ok = (network === 'online' || network === 'captive') && (state.state === 'reachable' || state.state === 'slow');
    const componentId = serviceId === 'telegram' ? 'chat' : 'web';
    services.push({
      serviceId,
      state: judged ? state.state : network === 'captive' ? 'unknown' : network,
      ...(judged && state.how !== undefined ? { how: state.how } : {}),
      components: [{ componentId, ok, ...(ok ? { latencyMs: state.latencyMs } : { how: state.how ?? 'connect', failure: 'connect_timeout' as const }) }],
      speed: state.goodputKbps !== undefined ? (state.state === 'slow' ? 'slow' : 'ok') : 'unmeasured',
      ...(state.goodputKbps !== undefined ? { goodputKbps: state.goodputKbps, speedRatio: state.goodputKbps / 20_000 } : {}),
      ...(ok && judged ? { latencyMs: state.latencyMs } : {}),
      swept: false,
    });
    const endpointId = `${serviceId}.${componentId}.main`;
    observations.push({
      roundStart,
      target: { type: 'endpoint', serviceId, componentId, endpointId },
      kind: 'http',
      url: `https://${serviceId}.example/?bw=${roundStart}-${index}`,
      method: 'HEAD',
      at: roundStart + offset,
      ms: ok ? (state.latencyMs ?? 200) : 15_000,
      ok,
      ...(ok ? { status: 200 } : { failure: 'connect_timeout' as const, raw: 'net::ERR_CONNECTION_TIMED_OUT', ip: '203.0.113.7' }),
      reached: { headers: ok, bytes: 0 },
      wireBytes: ok ? 5_200 : 600,
    });
    offset += 40;
  });
  CONTROL_IDS.forEach((controlId) => {
    const up = network === 'online' || network === 'captive' || (network === 'restricted' && controlId === 'ya-ru');
    observations.push({
      roundStart,
      target: { type: 'control', controlId },
      kind: 'http',
      url: `https://${controlId}.example/generate_204?bw=${roundStart}`,
      method: 'GET',
      at: roundStart + offset,
      ms: up ? 90 : 15_000,
      ok: up,
      ...(up ? { status: 204 } : { failure: 'connect_timeout' as const, raw: 'net::ERR_CONNECTION_TIMED_OUT' }),
      reached: { headers: up, bytes: 0 },
      ...(network === 'captive' ? { contentOk: false } : {}),
      wireBytes: up ? 3_100 : 600,
    });
    offset += 40;
  });
  const verdict: RoundVerdict = { roundStart, at: roundStart + offset + 500, network: networkVerdict(network), path: DIRECT_PATH, services };
  return {
    verdict,
    observations,
    changes: spec.changes ?? [],
    utcOffsetMin: spec.utcOffsetMin ?? 0,
    intervalMin: spec.intervalMin ?? 5,
  };
}

/** A change as confirmation reports it. */
export function change(subject: string, kind: Change['kind'], at: number, to: { state: State; how?: How; since?: number }, from?: { state: State; how?: How; since: number }): Change {
  return {
    subject,
    kind,
    at,
    from: from ?? { state: 'reachable', since: 0 },
    to: { state: to.state, ...(to.how ? { how: to.how } : {}), since: to.since ?? at },
  };
}

/** Every record of every store, for "nothing changed" comparisons. */
export async function snapshot(db: HistoryDb): Promise<Record<string, unknown[]>> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  const result: Record<string, unknown[]> = {};
  for (const name of names) result[name] = await tx.objectStore(name).getAll();
  await tx.done;
  return result;
}
