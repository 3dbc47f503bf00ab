/**
 * The lab's DNS server (UDP, Node `dgram`, no dependency). For every query it asks its owner what
 * to do with the name — answer an address, say NXDOMAIN, fail (SERVFAIL / REFUSED) or stay
 * silent — so behaviours switch at run time with the scenario that owns them (the lab's model).
 * A queries get the address; every other type (AAAA, HTTPS…) an empty NOERROR. Every query is
 * logged, so a test can say which names a browser asked for, and how often.
 *
 * Negative and empty answers carry an SOA in the authority section: without one, Chromium's own
 * resolver does not take the answer as final and asks the system resolver again.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { DNS_RCODE, DNS_TYPE, DnsFormatError, encodeDnsResponse, parseDnsQuery, type DnsQuery } from './dns-message';

/** What the server does with a query for one name. */
export type DnsDecision =
  /** A queries get this IPv4 address; other types an empty NOERROR. */
  | { readonly address: string }
  /** The name does not exist (with an SOA, so browsers take it as final). */
  | 'nxdomain'
  | 'servfail'
  | 'refused'
  /** No answer at all: the asker's timers run out. */
  | 'silent';

/** TTL of positive answers, s. Short, so a behaviour switched mid-test is seen again soon by resolvers that honour TTLs. */
export const DEFAULT_ANSWER_TTL_S = 1;
/** Negative-caching time in the SOA, s; as short as the positive one for the same reason. */
export const DEFAULT_NEGATIVE_TTL_S = 1;

export interface DnsQueryRecord {
  /** ms since the epoch. */
  readonly time: number;
  /** Lower case, no trailing dot. */
  readonly name: string;
  readonly type: number;
  /** What the server did: `answer` (with `address`), or the failure it played. */
  readonly outcome: 'answer' | Exclude<DnsDecision, { readonly address: string }>;
  readonly address?: string;
  /** DNS message bytes both ways: the query and the reply (0 when none was sent); no UDP/IP headers. */
  readonly bytes: number;
}

export interface DnsServerOptions {
  /** Address to listen on (inside the lab namespace, e.g. 127.0.0.53). */
  readonly address: string;
  /** UDP port; 0 picks a free one (tests), 53 serves a resolv.conf. */
  readonly port: number;
  /** Called for every query with the name in lower case, without a trailing dot. */
  readonly decide: (name: string) => DnsDecision;
  readonly answerTtlSeconds?: number;
  readonly negativeTtlSeconds?: number;
}

export interface DnsServer {
  readonly address: string;
  readonly port: number;
  /** Queries received since start (or the last `clearLog`), oldest first. */
  queries(): readonly DnsQueryRecord[];
  /** Count of queries, for one name or for all. */
  queryCount(name?: string): number;
  /** Datagrams that were not DNS queries. */
  malformedCount(): number;
  /** Problems met while deciding (a decide() that threw); such queries get SERVFAIL. */
  errors(): readonly Error[];
  clearLog(): void;
  close(): Promise<void>;
}

export async function startDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const log: DnsQueryRecord[] = [];
  const problems: Error[] = [];
  let malformed = 0;
  const answerTtl = options.answerTtlSeconds ?? DEFAULT_ANSWER_TTL_S;
  const negativeTtl = options.negativeTtlSeconds ?? DEFAULT_NEGATIVE_TTL_S;

  const socket: Socket = createSocket('udp4');
  socket.on('message', (message: Buffer, remote: RemoteInfo) => {
    let query: DnsQuery;
    try {
      query = parseDnsQuery(message);
    } catch (error) {
      if (!(error instanceof DnsFormatError)) throw error;
      malformed += 1;
      return;
    }
    const question = query.questions[0];
    if (!question) {
      malformed += 1;
      return;
    }
    const name = normalize(question.name);
    let decision: DnsDecision;
    try {
      decision = options.decide(name);
    } catch (error) {
      problems.push(error instanceof Error ? error : new Error(String(error)));
      decision = 'servfail';
    }
    const time = Date.now();
    const reply = encode(query, question.name, name, question.type, decision);
    const bytes = message.length + (reply?.length ?? 0);
    log.push(
      typeof decision === 'object'
        ? { time, name, type: question.type, outcome: 'answer', address: decision.address, bytes }
        : { time, name, type: question.type, outcome: decision, bytes },
    );
    if (reply) socket.send(reply, remote.port, remote.address);
  });

  function encode(query: DnsQuery, asked: string, name: string, type: number, decision: DnsDecision): Uint8Array | undefined {
    const soa = { zone: zoneOf(name), negativeTtl };
    if (decision === 'silent') return undefined;
    if (decision === 'servfail') return encodeDnsResponse({ query, rcode: DNS_RCODE.SERVFAIL });
    if (decision === 'refused') return encodeDnsResponse({ query, rcode: DNS_RCODE.REFUSED });
    if (decision === 'nxdomain') return encodeDnsResponse({ query, rcode: DNS_RCODE.NXDOMAIN, soa });
    if (type !== DNS_TYPE.A) return encodeDnsResponse({ query, rcode: DNS_RCODE.NOERROR, soa });
    return encodeDnsResponse({ query, rcode: DNS_RCODE.NOERROR, answers: [{ name: asked, address: decision.address, ttl: answerTtl }] });
  }

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port, options.address, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const bound = socket.address();

  return {
    address: bound.address,
    port: bound.port,
    queries: () => [...log],
    queryCount(name) {
      if (name === undefined) return log.length;
      const key = normalize(name);
      return log.filter((entry) => entry.name === key).length;
    },
    malformedCount: () => malformed,
    errors: () => [...problems],
    clearLog() {
      log.length = 0;
      malformed = 0;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

/** The zone an SOA names: the last two labels (the registrable domain for every lab name). */
function zoneOf(name: string): string {
  return name.split('.').slice(-2).join('.');
}
