/**
 * Chromium's bytes per day at the defaults, measured in the browser lab with the lab's real-size
 * certificate chains (leaf + intermediate, tests/lab/ca.ts), counted both ways and split by what
 * asked for them.
 *
 * Rounds are spaced as the schedule spaces them, in effect if not in wall time: before each
 * measured round every idle connection is closed (chrome://net-internals "close idle sockets"),
 * every cached DNS answer dropped, and every TLS session ticket the lab's servers issued made
 * useless (new ticket keys). That is the state a round meets at the real interval:
 * - Chromium keeps a used idle socket at most 300 s (`kUsedIdleSocketTimeout`, chromium
 *   net/socket/client_socket_pool.cc) and an unused one 10 s; rounds are ROUND_INTERVAL_MIN apart
 *   give or take half of ROUND_JITTER_MAX_MS, and servers close idle keep-alive connections
 *   sooner still (nginx `keepalive_timeout` 75 s, https://nginx.org/en/docs/http/ngx_http_core_module.html#keepalive_timeout);
 * - Chromium caches a DNS answer about a minute (docs/sources.md);
 * - a TLS 1.3 session lives as long as the server's ticket lifetime says (BoringSSL caps it at
 *   2 days; Chromium sets 1 h for TLS 1.2: `SSL_CTX_set_timeout(ssl_ctx_.get(), 1 * 60 * 60)` in
 *   net/socket/ssl_client_socket_impl.cc), and nginx's default `ssl_session_timeout` is 5 min
 *   (https://nginx.org/en/docs/http/ngx_http_ssl_module.html#ssl_session_timeout), as is Node's
 *   `sessionTimeout`: so the lab treats every round as a new handshake. That is the pessimistic
 *   case; servers with longer ticket lifetimes resume and cost less (a resumed handshake sends no
 *   certificate). Chromium still offers the stale ticket the lab then refuses (~0.3 KB a
 *   handshake more than a client that knew it had expired), which errs on the high side too.
 * The forcing is used instead of waiting: a day's pattern needs dozens of rounds, and waiting
 * 5 min between them would take hours.
 *
 * What is counted, per request (tests/lab/servers/lab-server.ts `exchanges()`): TLS records and
 * HTTP both ways, the handshake with the request that opened the connection; DNS messages both
 * ways (tests/lab/netns/dns-server.ts) plus their UDP/IP headers; TCP/IP headers as a link with a
 * 1500-byte MTU carries them (the lab runs on loopback, whose 64 KiB packets would hide most of
 * them): a data packet per MSS of payload each way, an ACK per two data packets, and a
 * connection's SYN/SYN-ACK/ACK and FIN/ACK exchange. The packet counters' own loopback total is
 * reported beside it.
 *
 * Per day: the mean regular round (over ROUNDS measured rounds: the endpoint rotation and the
 * control rotation vary from round to round) × rounds per day from ROUND_INTERVAL_MIN, plus each
 * service's speed samples per day as the unattended rule (src/schedule/speed-samples.ts) takes
 * them, simulated over a day at the same interval, × what one sample of that service costs in
 * Chromium. A sample is measured as the extension's throughput probe makes it (the same fetch
 * options as extension/background/browser-transport.ts, the same Range header, the body read up
 * to the object's bytes and then cancelled), each on its own fresh connection: unattended samples
 * come 2–6 h apart, far past any session's life. A healthy network is assumed: no confirmation
 * rounds, no sweeps, no throughput controls (those come only when something looks wrong).
 */
import { CATALOGUE } from '../../src/catalogue';
import type { CountryCode, Service } from '../../src/catalogue/types';
import { DATA_BUDGET_BYTES_PER_DAY, ROUND_INTERVAL_MIN } from '../../src/defaults';
import { unattendedSpeedSamples } from '../../src/schedule/speed-samples';
import type { LabBrowser } from '../../tests/e2e/harness/launch-browser';
import type { BrowserLab } from '../../tests/lab/netns/browser-lab';
import type { LabExchange } from '../../tests/lab/lab';
import { DAY_MS, MINUTE_MS } from '../../src/time-units';

/** Regular rounds measured: enough to go round the rotations of the catalogue's endpoints and controls a couple of times. */
const ROUNDS = 12;
/** TCP payload per packet on a 1500-byte MTU link with timestamps (1500 − 20 − 20 − 12). */
const MSS_BYTES = 1448;
/** IPv4 + TCP headers with the timestamp option, bytes per packet. */
const TCP_PACKET_HEADER_BYTES = 52;
/** Packets of a connection's opening and closing: SYN, SYN-ACK, ACK, FIN, FIN, ACK. */
const CONNECTION_PACKETS = 6;
/** IPv4 + UDP headers per DNS datagram, bytes. */
const UDP_PACKET_HEADER_BYTES = 28;
/** Times each service's speed sample is measured (the median counts). */
const SAMPLE_TRIES = 3;
/** How long to let the last closes of a round reach the counters, ms. */
const SETTLE_MS = 500;

export type RequestKind = 'probe' | 'control' | 'speed sample' | 'throughput control' | 'dns' | 'tcp/ip headers';
export const REQUEST_KINDS: readonly RequestKind[] = ['probe', 'control', 'speed sample', 'throughput control', 'dns', 'tcp/ip headers'];

/** What a regular round itself costs: everything but speed samples and the throughput controls they call for. */
const ROUND_KINDS: readonly RequestKind[] = ['probe', 'control', 'dns', 'tcp/ip headers'];

export type ByKind = Record<RequestKind, number>;

export interface RoundBytes {
  readonly total: number;
  readonly byKind: ByKind;
  /** Requests the lab's servers answered (or connections that carried none). */
  readonly exchanges: number;
  /** Of them, TLS handshakes that were full (a certificate chain sent) / resumed. */
  readonly fullHandshakes: number;
  readonly resumedHandshakes: number;
  /** What the lab's packet counters saw on loopback, IP/TCP headers of 64 KiB packets included. */
  readonly loopbackCounted: number;
  /** Each request: where it went, what it was, bytes from the client (up) and to it (down). */
  readonly requests: readonly { readonly host: string; readonly kind: RequestKind; readonly up: number; readonly down: number; readonly handshake: string }[];
}

export interface BrowserBytesReport {
  /** The headline: bytes a day at the defaults in Chromium (country RU, every catalogue service). */
  readonly bytesPerDayAtDefaults: number;
  readonly perDayByKind: ByKind;
  readonly roundsPerDay: number;
  readonly regularRoundMeanBytes: number;
  readonly regularRounds: readonly RoundBytes[];
  /** The mean regular round, and the day, if every server's session ticket outlived the interval (resumed handshakes; speed samples unchanged). */
  readonly regularRoundMeanBytesSessionsKept: number;
  readonly bytesPerDayIfSessionsKept: number;
  /** Per service: samples a day under the unattended rule, and what one costs. */
  readonly speedSamples: Readonly<Record<string, { readonly perDay: number; readonly bytes: number }>>;
  /** A "Check now" (full sweep and speed samples) in the same conditions. */
  readonly checkNow: RoundBytes;
  readonly country: CountryCode;
  readonly intervalMin: number;
}

/** `chrome` inside the browser realm (the callbacks given to `evaluate` run there). */
interface InBrowser {
  readonly chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    alarms: { create(name: string, info: { when: number }): Promise<void> };
  };
}

const emptyByKind = (): ByKind => ({ probe: 0, control: 0, 'speed sample': 0, 'throughput control': 0, dns: 0, 'tcp/ip headers': 0 });

const hostPath = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.hostname}${parsed.pathname}${parsed.search}`;
};

/** What a request to `host` + `path` is, from the catalogue (controls and objects have their own URLs). */
function kindResolver(): (exchange: LabExchange) => Exclude<RequestKind, 'dns' | 'tcp/ip headers'> {
  const controlHosts = new Set(CATALOGUE.controls.map((control) => new URL(control.url).hostname));
  const objects = new Set(CATALOGUE.services.flatMap((service) => (service.throughput ? [hostPath(service.throughput.url)] : [])));
  const throughputControls = new Set(CATALOGUE.throughputControls.map((control) => hostPath(control.url)));
  return (exchange) => {
    const request = exchange.request;
    const host = request?.host ?? exchange.sni ?? '';
    if (request && throughputControls.has(`${host}${request.path}`)) return 'throughput control';
    if (request && objects.has(`${host}${request.path}`)) return 'speed sample';
    if (controlHosts.has(host)) return 'control';
    return 'probe';
  };
}

/** TCP/IP header bytes of an exchange on a 1500-byte MTU link. */
function tcpHeaderBytes(exchange: LabExchange): number {
  const dataIn = Math.ceil(exchange.bytesRead / MSS_BYTES);
  const dataOut = Math.ceil(exchange.bytesWritten / MSS_BYTES);
  const acks = Math.ceil(dataIn / 2) + Math.ceil(dataOut / 2);
  return (dataIn + dataOut + acks + (exchange.handshake ? CONNECTION_PACKETS : 0)) * TCP_PACKET_HEADER_BYTES;
}

/** A request to the background from a popup page opened for it (src/protocol.ts); the answer's value. */
export async function send(browser: LabBrowser, message: object): Promise<unknown> {
  const page = await browser.openPage('popup.html');
  try {
    const answer = (await page.evaluate((m) => (globalThis as unknown as InBrowser).chrome.runtime.sendMessage(m), message)) as { ok: boolean; value?: unknown; error?: string };
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  } finally {
    await page.close();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fires the schedule's own alarm now, as it fires at the interval, and waits for the round to end. */
export async function regularRound(browser: LabBrowser): Promise<void> {
  const last = ((await send(browser, { type: 'getSnapshot' })) as { lastRoundAt?: number }).lastRoundAt ?? 0;
  await browser.evaluate(() => (globalThis as unknown as InBrowser).chrome.alarms.create('round', { when: Date.now() }), undefined);
  for (let wait = 0; wait < 600; wait += 1) {
    const snapshot = (await send(browser, { type: 'getSnapshot' })) as { lastRoundAt?: number; activity: { running: boolean } };
    if ((snapshot.lastRoundAt ?? 0) > last && !snapshot.activity.running) return;
    await pause(200);
  }
  throw new Error('a regular round did not finish in 2 min');
}

/** The state a round meets at the real interval: no idle connection, no cached DNS answer, no usable session ticket; counters at zero. */
async function asAfterAnInterval(lab: BrowserLab, browser: LabBrowser, sessions: 'expired' | 'kept' = 'expired'): Promise<void> {
  await browser.closeIdleSockets();
  await browser.clearHostCache();
  await pause(SETTLE_MS);
  if (sessions === 'expired') lab.node.forgetSessions();
  await lab.reset();
}

async function counted(lab: BrowserLab): Promise<RoundBytes> {
  await pause(SETTLE_MS);
  const kindOf = kindResolver();
  const byKind = emptyByKind();
  const exchanges = lab.node.exchanges();
  let fullHandshakes = 0;
  let resumedHandshakes = 0;
  const requests: RoundBytes['requests'][number][] = [];
  for (const exchange of exchanges) {
    const kind = kindOf(exchange);
    requests.push({
      host: `${exchange.request?.method ?? '-'} ${exchange.request?.host ?? exchange.sni ?? exchange.address}${exchange.request?.tls === false ? ' (http)' : ''}`,
      kind,
      up: exchange.bytesRead,
      down: exchange.bytesWritten,
      handshake: exchange.resumed === true ? 'resumed' : exchange.resumed === false ? 'full' : exchange.handshake ? 'tcp' : 'reused',
    });
    byKind[kind] += exchange.bytesRead + exchange.bytesWritten;
    // A speed sample's own headers stay with it, so that a sample a regular round happened to take is counted once, as a sample.
    byKind[ROUND_KINDS.includes(kind) ? 'tcp/ip headers' : kind] += tcpHeaderBytes(exchange);
    if (exchange.resumed === true) resumedHandshakes += 1;
    else if (exchange.resumed === false) fullHandshakes += 1;
  }
  for (const query of lab.dnsQueries()) byKind.dns += query.bytes + (query.bytes > 0 ? 2 : 1) * UDP_PACKET_HEADER_BYTES;
  const traffic = await lab.checkTraffic();
  const loopbackCounted = traffic.destinations.reduce((sum, destination) => sum + destination.bytesSent + destination.bytesReceived, 0);
  const total = REQUEST_KINDS.reduce((sum, kind) => sum + byKind[kind], 0);
  return { total, byKind, exchanges: exchanges.length, fullHandshakes, resumedHandshakes, loopbackCounted, requests };
}

/** One speed sample of `service` as its throughput probe makes it, on a fresh connection. */
async function sampleBytes(lab: BrowserLab, browser: LabBrowser, service: Service): Promise<RoundBytes> {
  const object = service.throughput;
  if (!object) throw new Error(`${service.id} has no throughput object`);
  await asAfterAnInterval(lab, browser);
  await browser.evaluate(
    async ({ url, bytes, range }) => {
      const response = await fetch(url, {
        method: 'GET',
        ...(range ? { headers: { Range: `bytes=0-${bytes - 1}` } } : {}),
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      });
      const reader = response.body?.getReader();
      let read = 0;
      while (reader && read < bytes) {
        const chunk = await reader.read();
        if (chunk.done) break;
        read += chunk.value.byteLength;
      }
      await reader?.cancel().catch(() => undefined);
      return read;
    },
    { url: object.url, bytes: object.bytes, range: object.range },
  );
  return counted(lab);
}

/** Speed samples per service in a day at `intervalMin`, as the unattended rule takes them (the second simulated day: the first starts with none taken). */
export function speedSamplesPerDay(services: readonly Service[], country: CountryCode, intervalMin: number): Record<string, number> {
  const throughputAt: Record<string, number> = {};
  const counts: Record<string, number> = Object.fromEntries(services.map((service) => [service.id, 0]));
  const step = intervalMin * MINUTE_MS;
  for (let now = 0; now < 2 * DAY_MS; now += step) {
    const due = unattendedSpeedSamples({
      services,
      throughputAt,
      throughputControls: CATALOGUE.throughputControls,
      budgetLeftBytes: DATA_BUDGET_BYTES_PER_DAY,
      now,
      country,
      intervalMin,
    });
    for (const id of due) {
      throughputAt[id] = now;
      if (now >= DAY_MS) counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Measures, in a browser whose extension has finished its install round. Sets the country to
 * `country` first (RU: the catalogue's most sampled country, three services with a throttling
 * history).
 */
export async function measureBrowserBytes(lab: BrowserLab, browser: LabBrowser, country: CountryCode = 'RU'): Promise<BrowserBytesReport> {
  await send(browser, { type: 'updateSettings', update: { country } });
  // One round to settle the schedule after the install round and the country change.
  await regularRound(browser);

  const regularRounds: RoundBytes[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    await asAfterAnInterval(lab, browser);
    await regularRound(browser);
    regularRounds.push(await counted(lab));
  }

  // The same rounds where every server's ticket outlives the interval (hours, as some large
  // operators' do): connections are new, handshakes resumed. Reported beside the headline, not in it.
  const regularRoundsSessionsKept: RoundBytes[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    await asAfterAnInterval(lab, browser, 'kept');
    await regularRound(browser);
    regularRoundsSessionsKept.push(await counted(lab));
  }

  await asAfterAnInterval(lab, browser);
  await send(browser, { type: 'runNow' });
  const checkNow = await counted(lab);

  const services = CATALOGUE.services;
  const perDaySamples = speedSamplesPerDay(services, country, ROUND_INTERVAL_MIN);
  const speedSamples: Record<string, { perDay: number; bytes: number }> = {};
  const perDayByKind = emptyByKind();
  for (const service of services) {
    if (!service.throughput) continue;
    // The bytes still in flight when a read without Range stops vary from one try to the next: the median of a few.
    const tries: RoundBytes[] = [];
    for (let i = 0; i < SAMPLE_TRIES; i += 1) tries.push(await sampleBytes(lab, browser, service));
    const sample = tries.sort((a, b) => a.total - b.total)[Math.floor(tries.length / 2)]!;
    const perDay = perDaySamples[service.id] ?? 0;
    speedSamples[service.id] = { perDay, bytes: sample.total };
    for (const kind of REQUEST_KINDS) perDayByKind[kind] += sample.byKind[kind] * perDay;
  }
  await lab.reset();

  const roundsPerDay = DAY_MS / (ROUND_INTERVAL_MIN * MINUTE_MS);
  // A measured round may have taken a speed sample that fell due (the install round's Check now
  // cannot always fit them all): samples are counted once, above, from the rule and their own cost.
  for (const kind of ROUND_KINDS) {
    const mean = regularRounds.reduce((sum, round) => sum + round.byKind[kind], 0) / regularRounds.length;
    perDayByKind[kind] += mean * roundsPerDay;
  }
  const meanOf = (rounds: readonly RoundBytes[]): number =>
    rounds.reduce((sum, round) => sum + ROUND_KINDS.reduce((inRound, kind) => inRound + round.byKind[kind], 0), 0) / rounds.length;
  const regularRoundMeanBytes = meanOf(regularRounds);
  const regularRoundMeanBytesSessionsKept = meanOf(regularRoundsSessionsKept);
  const bytesPerDayAtDefaults = REQUEST_KINDS.reduce((sum, kind) => sum + perDayByKind[kind], 0);
  return {
    bytesPerDayAtDefaults: Math.round(bytesPerDayAtDefaults),
    perDayByKind: Object.fromEntries(REQUEST_KINDS.map((kind) => [kind, Math.round(perDayByKind[kind])])) as ByKind,
    roundsPerDay,
    regularRoundMeanBytes: Math.round(regularRoundMeanBytes),
    regularRounds,
    regularRoundMeanBytesSessionsKept: Math.round(regularRoundMeanBytesSessionsKept),
    bytesPerDayIfSessionsKept: Math.round(bytesPerDayAtDefaults + (regularRoundMeanBytesSessionsKept - regularRoundMeanBytes) * roundsPerDay),
    speedSamples,
    checkNow,
    country,
    intervalMin: ROUND_INTERVAL_MIN,
  };
}
