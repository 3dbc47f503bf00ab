/**
 * The history database over 90 days at the defaults: how big it gets, how long the history page's
 * 90-day query and one round's write take.
 *
 * Simulated: a round every 5 minutes (25 920 rounds), 9 services with one endpoint each and three
 * controls (12 observations), plus a throughput probe and its control every 30 minutes; mostly
 * reachable, with a 2-day Telegram block, a 10-day WhatsApp DNS block, a restricted evening and a
 * 20-minute offline spell every night. Written with `writeRound` into fake-indexeddb (in memory)
 * and pruned once a simulated day, as the runtime does.
 *
 * Size: the store's own estimate (`estimateSize`): the UTF-8 length of every record's JSON. Loading
 * this benchmark's export (`--export`) into real profiles once gave 0.73× that on disk in Chromium
 * 156 and 2.4× in Firefox ESR (record-size.ts). Times are fake-indexeddb's in Node, a relative
 * figure only: the browsers' IndexedDB engines are different.
 *
 * Run: `npx tsx scripts/bench/store.ts` (prints JSON; `--export <file>` also writes the export).
 */
import { DIRECT_PATH } from '../../src/classify/classify-path';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { NetworkState, RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import { NETWORK_SUBJECT, type Change } from '../../src/confirm/types';
import type { Observation } from '../../src/probe/observation';
import type { How, State } from '../../src/states';
import { exportHistory } from '../../src/store/export';
import { openHistory } from '../../src/store/open';
import { historyRange } from '../../src/store/queries';
import { estimateSize, prune } from '../../src/store/retention';
import type { HistoryDb } from '../../src/store/schema';
import { writeRound } from '../../src/store/write-round';

const SERVICES = ['whatsapp', 'telegram', 'signal', 'messenger', 'instagram', 'youtube', 'x', 'discord', 'viber'] as const;
const COMPONENT: Readonly<Record<string, string>> = { telegram: 'chat', signal: 'chat', whatsapp: 'web' };
const CONTROLS = ['intl.google-204', 'intl.cloudflare-trace', 'ru.ya'] as const;
const MINUTE = 60_000;
const DAY = 86_400_000;
const DAYS = 90;
const INTERVAL_MIN = 5;
const MOSCOW_OFFSET_MIN = 180;
const START = Date.UTC(2026, 0, 1);

interface Condition {
  readonly network: NetworkState;
  readonly blocked: Readonly<Record<string, How>>;
}

/** What the network did at `t`: the scenario described at the top. */
function conditionAt(t: number): Condition {
  const day = Math.floor((t - START) / DAY);
  const minuteOfDay = ((t - START) % DAY) / MINUTE;
  const blocked: Record<string, How> = {};
  if (day >= 20 && day < 22) blocked.telegram = 'reset';
  if (day >= 60 && day < 70) blocked.whatsapp = 'dns';
  let network: NetworkState = 'online';
  if (minuteOfDay >= 180 && minuteOfDay < 200) network = 'offline';
  if (day === 45 && minuteOfDay >= 1080 && minuteOfDay < 1260) network = 'restricted';
  return { network, blocked };
}

/** A reproducible pseudo-random number in [0, 1) from two integers. */
function noise(a: number, b: number): number {
  const x = Math.sin(a * 12.9898 + b * 78.233) * 43758.5453;
  return x - Math.floor(x);
}

function roundAt(roundStart: number, index: number): { verdict: RoundVerdict; observations: Observation[] } {
  const { network, blocked } = conditionAt(roundStart);
  const online = network === 'online';
  const throughputOf = index % 6 === 0 ? SERVICES[(index / 6) % SERVICES.length] : undefined;
  const observations: Observation[] = [];
  const services: ServiceVerdict[] = [];
  let offset = 0;
  SERVICES.forEach((serviceId, s) => {
    const componentId = COMPONENT[serviceId] ?? 'web';
    const how = blocked[serviceId];
    const ok = online && how === undefined;
    const latencyMs = Math.round(80 + 400 * noise(index, s) ** 3);
    observations.push({
      roundStart,
      target: { type: 'endpoint', serviceId, componentId, endpointId: `${serviceId}.${componentId}.${index % 2 === 0 ? 'www' : 'api'}` },
      kind: 'http',
      url: `https://${serviceId}.example.com/?bw=${roundStart.toString(36)}${s}`,
      method: 'HEAD',
      at: roundStart + offset,
      ms: ok ? latencyMs : 15_000,
      ok,
      ...(ok ? { status: 200 } : { failure: how === 'dns' ? ('dns_nxdomain' as const) : ('connection_reset' as const), raw: how === 'dns' ? 'net::ERR_NAME_NOT_RESOLVED' : 'net::ERR_CONNECTION_RESET' }),
      ...(!ok && how === 'reset' ? { ip: '149.154.167.99' } : {}),
      reached: { headers: ok, bytes: 0 },
      wireBytes: ok ? 5_000 + Math.round(1_000 * noise(s, index)) : 700,
    });
    offset += 35;
    const measuredKbps = throughputOf === serviceId && ok ? Math.round(4_000 + 20_000 * noise(index, 99)) : undefined;
    const state: State = online ? (how === undefined ? 'reachable' : 'blocked') : network === 'restricted' ? 'restricted' : 'offline';
    services.push({
      serviceId,
      state,
      ...(online && how !== undefined ? { how } : {}),
      components: [{ componentId, ok, ...(ok ? { latencyMs } : { how: how ?? 'connect', failure: how === 'dns' ? 'dns_nxdomain' : 'connection_reset' }) }],
      speed: measuredKbps !== undefined ? 'ok' : 'unmeasured',
      ...(measuredKbps !== undefined ? { goodputKbps: measuredKbps, speedRatio: measuredKbps / 30_000 } : {}),
      ...(ok ? { latencyMs } : {}),
      swept: !ok && online,
    });
  });
  CONTROLS.forEach((controlId, c) => {
    const up = online || (network === 'restricted' && controlId === 'ru.ya');
    observations.push({
      roundStart,
      target: { type: 'control', controlId },
      kind: 'http',
      url: `https://${controlId}.example.net/generate_204?bw=${roundStart.toString(36)}${c}`,
      method: 'GET',
      at: roundStart + offset,
      ms: up ? 60 + Math.round(100 * noise(c, index)) : 15_000,
      ok: up,
      ...(up ? { status: 204 } : { failure: 'timeout' as const, raw: 'net::ERR_TIMED_OUT' }),
      reached: { headers: up, bytes: 0 },
      wireBytes: up ? 3_000 : 600,
    });
    offset += 35;
  });
  if (throughputOf !== undefined && online) {
    for (const target of [{ type: 'throughput', serviceId: throughputOf } as const, { type: 'throughput-control', controlId: 'intl.hetzner' } as const]) {
      observations.push({
        roundStart,
        target,
        kind: 'throughput',
        url: `https://speed.example.org/512k?bw=${roundStart.toString(36)}`,
        method: 'GET',
        at: roundStart + offset,
        ms: 900,
        ok: true,
        status: 206,
        reached: { headers: true, bytes: 524_288 },
        transfer: { headersMs: 120, firstByteMs: 130, goodputKbps: 8_000 + Math.round(10_000 * noise(index, 7)), longestGapMs: 40, stalled: false, complete: true },
        wireBytes: 530_000,
      });
      offset += 900;
    }
  }
  const intlUp = online ? 2 : 0;
  const domesticUp = online || network === 'restricted' ? 1 : 0;
  return {
    verdict: { roundStart, at: roundStart + offset + 400, network: { state: network, intlUp, intlDown: 2 - intlUp, domesticUp, domesticDown: 1 - domesticUp }, path: DIRECT_PATH, services },
    observations,
  };
}

/** Confirmed changes, simplified: a block starts on its third round and ends on the third clean one. */
function changesAt(roundStart: number): Change[] {
  const step = INTERVAL_MIN * MINUTE;
  const changes: Change[] = [];
  const subjects: readonly string[] = [...SERVICES, NETWORK_SUBJECT];
  for (const subject of subjects) {
    const badAt = (t: number): State | undefined => {
      const condition = conditionAt(t);
      if (subject === NETWORK_SUBJECT) return condition.network === 'restricted' ? 'restricted' : undefined;
      return condition.blocked[subject] !== undefined ? 'blocked' : undefined;
    };
    const how = subject === NETWORK_SUBJECT ? undefined : conditionAt(roundStart - 2 * step).blocked[subject];
    const [a, b, c, d] = [badAt(roundStart - 3 * step), badAt(roundStart - 2 * step), badAt(roundStart - step), badAt(roundStart)];
    if (a === undefined && b && c && d) {
      changes.push({ subject, kind: 'started', at: roundStart, from: { state: 'reachable', since: START }, to: { state: b, ...(how ? { how } : {}), since: roundStart - 2 * step } });
    }
    if (a && b === undefined && c === undefined && d === undefined) {
      changes.push({ subject, kind: 'ended', at: roundStart, from: { state: a, since: START }, to: { state: 'reachable', since: roundStart - 2 * step } });
    }
  }
  return changes;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function simulate(db: HistoryDb): Promise<{ writeTimes: number[]; now: number }> {
  const rounds = (DAYS * DAY) / (INTERVAL_MIN * MINUTE);
  const writeTimes: number[] = [];
  let now = START;
  for (let i = 0; i < rounds; i++) {
    const roundStart = START + i * INTERVAL_MIN * MINUTE + Math.round(20_000 * noise(i, 3));
    const round = roundAt(roundStart, i);
    now = round.verdict.at;
    const started = performance.now();
    await writeRound(db, { ...round, changes: changesAt(roundStart), utcOffsetMin: MOSCOW_OFFSET_MIN, intervalMin: INTERVAL_MIN });
    // The last simulated day's writes: the database at its steady size.
    if (i >= rounds - 288) writeTimes.push(performance.now() - started);
    if ((i + 1) % 288 === 0) await prune(db, now);
  }
  return { writeTimes, now };
}

export interface StoreBenchReport {
  /** Estimated size after 90 days and the last prune, bytes. */
  readonly dbBytes90d: number;
  /** Median of five 90-day history queries, ms. */
  readonly query90dMs: number;
  /** Median write of one round during the last simulated day, ms. */
  readonly writeRoundMs: number;
  readonly detail: {
    readonly rawBytes: number;
    readonly rollupBytes: number;
    readonly incidentBytes: number;
    readonly rawRounds: number;
    readonly records: Readonly<Record<string, number>>;
    readonly simulationMs: number;
  };
}

export async function benchStore(): Promise<{ dbBytes90d: number; query90dMs: number; writeRoundMs: number }> {
  const { dbBytes90d, query90dMs, writeRoundMs } = await runStoreBench();
  return { dbBytes90d, query90dMs, writeRoundMs };
}

export async function runStoreBench(options: { exportTo?: string } = {}): Promise<StoreBenchReport> {
  const began = performance.now();
  const db = await openHistory(new IDBFactory(), 'bench');
  const { writeTimes, now } = await simulate(db);
  await prune(db, now);
  const size = await estimateSize(db);
  const queryTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await historyRange(db, { span: '90d', now, utcOffsetMin: MOSCOW_OFFSET_MIN });
    queryTimes.push(performance.now() - started);
  }
  if (options.exportTo) writeFileSync(options.exportTo, JSON.stringify(await exportHistory(db, now)));
  const records: Record<string, number> = {};
  for (const name of db.objectStoreNames) records[name] = await db.count(name);
  db.close();
  return {
    dbBytes90d: size.total,
    query90dMs: median(queryTimes),
    writeRoundMs: median(writeTimes),
    detail: { rawBytes: size.raw, rollupBytes: size.rollups, incidentBytes: size.incidents, rawRounds: size.rounds, records, simulationMs: Math.round(performance.now() - began) },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const exportAt = process.argv.indexOf('--export');
  const exportTo = exportAt > 0 ? process.argv[exportAt + 1] : undefined;
  console.log(JSON.stringify(await runStoreBench(exportTo ? { exportTo } : {}), null, 2));
}
