/**
 * A lab server: one TCP listener that plays a behaviour to every connection. It takes both TLS
 * and plain HTTP on the same port (a first byte of 0x16 is a TLS handshake record), because the
 * catalogue probes `https://host/` and `http://149.154.167.51:443/` alike.
 *
 * - Certificates come from the lab CA by SNI: a leaf for the name asked for when the server
 *   serves that name, else one for the server's own identity (what a blockpage server reached by
 *   a DNS lie shows: a name mismatch). Clients without SNI (IP literals) get the identity's. A
 *   `wrong-cert:*` behaviour presents its wrong certificate instead.
 * - The behaviour may be fixed, or looked up for each new connection (the Node lab's routing
 *   table, switched by tests at run time).
 * - It counts connections and bytes on the wire both ways (TLS included), and logs each request.
 *   `exchanges()` splits a connection's bytes between the requests it carried (the handshake goes
 *   to the first, each later request starts when it arrives), so traffic can be told apart by
 *   what asked for it.
 * - `forgetSessions()` makes every TLS session ticket issued so far useless (new ticket keys), as
 *   a server does for tickets older than its ticket lifetime: the next handshake is a full one.
 * - `close()` destroys every open socket: nothing is left to keep a test process alive.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { TLSSocket, createSecureContext, type SecureContext } from 'node:tls';
import type { CertKind, LabCa } from '../ca';
import { CATALOGUE } from '../../../src/catalogue';
import { isServedBehaviour, wrongCertOf, type Behaviour, type ServedBehaviour } from '../behaviour';
import { blockpageContent, type BlockpageContent } from '../blockpage-content';
import { normalizeHost } from '../addresses';
import { NO_SITE_CONTENT, type SiteContent } from '../site-content';
import type { HttpHandler } from './handler';
import { HANDLERS } from './registry';

/** The first byte of a TLS record carrying a handshake (RFC 8446 §5.1). */
const TLS_HANDSHAKE_RECORD = 0x16;

export interface LabServerOptions {
  readonly ca: LabCa;
  /** Address to listen on. Default 127.0.0.1 (the browser lab binds its own). */
  readonly host?: string;
  /** Port to listen on; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** What to play: fixed, or looked up when each connection arrives. */
  readonly behaviour: Behaviour | (() => Behaviour);
  /** The certificate TLS clients get, unless the behaviour is a `wrong-cert:*`. Default `lab`. */
  readonly tls?: CertKind;
  /** The name or IP this server is, for clients without SNI and for names it does not serve. Default: the socket's local address. */
  readonly identity?: string | (() => string | undefined);
  /** Whether this server is the real home of a name (gets a valid certificate for it). Default: every name. */
  readonly servesName?: (name: string) => boolean;
  /** Canned answers (controls' expected content, throughput objects). Default: none. */
  readonly content?: SiteContent;
  /** The blockpage, or why there is none (then blockpage behaviours answer 500 saying so). Default: built from the catalogue's RU fingerprints. */
  readonly blockpage?: BlockpageContent | Error;
  /** Called for every HTTP request served. */
  readonly onRequest?: (request: ServedRequest) => void;
}

export interface ServedRequest {
  /** ms since the epoch. */
  readonly at: number;
  /** The Host header's name (lower case, no port). */
  readonly host: string;
  readonly method: string;
  /** Path and query, as sent. */
  readonly path: string;
  readonly tls: boolean;
  /** The TLS server name, when the client sent one. */
  readonly sni?: string;
  readonly behaviour: ServedBehaviour;
  /** Every request header as sent, in order, names as the client spelled them: what the wire carried. */
  readonly headers: readonly (readonly [name: string, value: string])[];
}

export interface Traffic {
  /** Connections accepted. */
  readonly connections: number;
  /** Bytes received from clients, TLS records and headers included. */
  readonly bytesRead: number;
  /** Bytes sent to clients, TLS records and headers included. */
  readonly bytesWritten: number;
}

/** Bytes of one request and its answer on the wire (TLS records and headers, no IP/TCP headers). */
export interface Exchange {
  /** The request, or undefined for a connection that carried none (refused at the handshake, reset, stalled before a request). */
  readonly request?: { readonly host: string; readonly method: string; readonly path: string; readonly tls: boolean };
  /** The TLS server name the client sent, if any. */
  readonly sni?: string;
  /** Whether this segment carried the connection's TLS handshake (the first request, or none). */
  readonly handshake: boolean;
  /** Whether the handshake resumed a session (no certificate sent). */
  readonly resumed?: boolean;
  readonly bytesRead: number;
  readonly bytesWritten: number;
}

export interface LabServer {
  readonly host: string;
  readonly port: number;
  traffic(): Traffic;
  /** Per request, the bytes each cost, since start or the last `resetTraffic()`. */
  exchanges(): readonly Exchange[];
  /** Tickets issued so far are no longer accepted (the lab's stand-in for a ticket lifetime running out). */
  forgetSessions(): void;
  /** Counts from now on (open connections count only what they carry from now). */
  resetTraffic(): void;
  /** Problems the server met (a certificate it could not make, a handler that threw). */
  errors(): readonly Error[];
  close(): Promise<void>;
}

interface Connection {
  readonly raw: Socket;
  baseRead: number;
  baseWritten: number;
  /** Where each request began on this connection (bytes read and written then). */
  readonly marks: { request: NonNullable<Exchange['request']>; read: number; written: number }[];
  sni?: string;
  resumed?: boolean;
  /** Final counts once closed. */
  closedRead?: number;
  closedWritten?: number;
}

interface ConnectionPlay {
  readonly behaviour: ServedBehaviour;
  readonly handler: HttpHandler;
  readonly tls: boolean;
  /** The server's identity for this connection: the request's host when the client names none. */
  readonly identity: string;
  /** The TLS server name the client sent, once the handshake has seen it. */
  sni?: string;
  /** The connection's byte accounting. */
  readonly connection: Connection;
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
function plainAddress(address: string | undefined): string | undefined {
  return address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

function hostHeaderName(request: IncomingMessage): string | undefined {
  const header = request.headers.host;
  if (!header) return undefined;
  // "[2001:db8::1]:443" / "example.org:80" / "example.org"
  const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.replace(/:\d+$/, '');
  return normalizeHost(name);
}

/** Node's flat `rawHeaders` list → [name, value] pairs. */
function headerPairs(raw: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) pairs.push([raw[index] ?? '', raw[index + 1] ?? '']);
  return pairs;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

let defaultBlockpage: BlockpageContent | Error | undefined;

function catalogueBlockpage(): BlockpageContent | Error {
  if (defaultBlockpage === undefined) {
    try {
      defaultBlockpage = blockpageContent(CATALOGUE.blockpages);
    } catch (error) {
      defaultBlockpage = asError(error);
    }
  }
  return defaultBlockpage;
}

export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const fixed = options.behaviour;
  if (typeof fixed === 'string' && !isServedBehaviour(fixed)) {
    throw new Error(`lab: "${fixed}" is done by the network, not by a server (the Node lab routes it; the browser lab uses nftables)`);
  }
  const currentBehaviour: () => Behaviour = typeof fixed === 'function' ? fixed : () => fixed;
  const identityOf = (raw: Socket): string => {
    const given = typeof options.identity === 'function' ? options.identity() : options.identity;
    return given ?? plainAddress(raw.localAddress) ?? '127.0.0.1';
  };
  const content = options.content ?? NO_SITE_CONTENT;
  const blockpage = options.blockpage ?? catalogueBlockpage();
  const servesName = options.servesName ?? (() => true);

  const open = new Set<Connection>();
  /** Connections counted since the last reset (open and closed), for `exchanges()`. */
  let counted: Connection[] = [];
  const plays = new WeakMap<Socket, ConnectionPlay>();
  const problems: Error[] = [];
  const contexts = new Map<string, Promise<SecureContext>>();
  let connections = 0;
  let closedRead = 0;
  let closedWritten = 0;

  const contextFor = (identity: string, kind: CertKind): Promise<SecureContext> => {
    const key = `${kind} ${identity}`;
    let context = contexts.get(key);
    if (!context) {
      context = options.ca.certificateFor(identity, kind).then(({ key: privateKey, cert }) => createSecureContext({ key: privateKey, cert }));
      context.catch(() => contexts.delete(key));
      contexts.set(key, context);
    }
    return context;
  };

  const http = createHttpServer((request: IncomingMessage, response: ServerResponse) => {
    const play = plays.get(request.socket);
    if (!play) {
      response.destroy();
      return;
    }
    const sni = play.sni;
    const host = hostHeaderName(request) ?? sni ?? play.identity;
    const raw = play.connection.raw;
    play.connection.marks.push({
      request: { host, method: request.method ?? 'GET', path: request.url ?? '/', tls: play.tls },
      read: raw.bytesRead,
      written: raw.bytesWritten,
    });
    options.onRequest?.({
      at: Date.now(),
      host,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      tls: play.tls,
      ...(sni !== undefined ? { sni } : {}),
      behaviour: play.behaviour,
      headers: headerPairs(request.rawHeaders),
    });
    // Drain any request body (Telegram's POSTs): nothing here reads it.
    request.resume();
    try {
      play.handler.onRequest(request, response, { host, tls: play.tls, content, blockpage });
    } catch (error) {
      problems.push(asError(error));
      response.destroy();
    }
  });

  const startTls = async (connection: Connection, behaviour: ServedBehaviour, handler: HttpHandler): Promise<void> => {
    const raw = connection.raw;
    const kind: CertKind = wrongCertOf(behaviour) ?? options.tls ?? 'lab';
    const own = identityOf(raw);
    const identityFor = (name: string | undefined): string => {
      if (name === undefined) return own;
      // A `lab` certificate names only what this server is the home of; wrong certificates name what was asked.
      return kind !== 'lab' || servesName(normalizeHost(name)) ? normalizeHost(name) : own;
    };
    let fallback: SecureContext;
    try {
      fallback = await contextFor(identityFor(undefined), kind);
    } catch (error) {
      problems.push(asError(error));
      raw.destroy();
      return;
    }
    if (raw.destroyed) return;
    const play: ConnectionPlay = { behaviour, handler, tls: true, identity: own, connection };
    const secure = new TLSSocket(raw, {
      isServer: true,
      secureContext: fallback,
      SNICallback: (name, done) => {
        play.sni = normalizeHost(name);
        connection.sni = play.sni;
        contextFor(identityFor(name), kind).then(
          (context) => done(null, context),
          (error: unknown) => {
            problems.push(asError(error));
            done(asError(error));
          },
        );
      },
    });
    // A client that rejects the certificate aborts the handshake: normal here.
    secure.on('error', () => secure.destroy());
    secure.once('secure', () => {
      connection.resumed = secure.isSessionReused();
    });
    plays.set(secure, play);
    http.emit('connection', secure);
  };

  const server = createNetServer((raw) => {
    const connection: Connection = { raw, baseRead: 0, baseWritten: 0, marks: [] };
    open.add(connection);
    counted.push(connection);
    connections += 1;
    // Resets from clients are part of the job.
    raw.on('error', () => undefined);
    raw.on('close', () => {
      open.delete(connection);
      connection.closedRead = raw.bytesRead;
      connection.closedWritten = raw.bytesWritten;
      closedRead += raw.bytesRead - connection.baseRead;
      closedWritten += raw.bytesWritten - connection.baseWritten;
    });

    const behaviour = currentBehaviour();
    if (behaviour === 'refuse') {
      // The route changed after the client was sent here: refuse as the network would.
      raw.resetAndDestroy();
      return;
    }
    if (behaviour === 'blackhole') {
      // Likewise: hold the connection and never read, the nearest an accepted socket gets to dropped packets.
      raw.pause();
      return;
    }
    const handler = HANDLERS[behaviour];
    raw.once('data', (first: Buffer) => {
      if (handler.level === 'hello') {
        handler.onHello(raw);
        return;
      }
      // Put the first bytes back for whoever speaks next (TLS or HTTP reads them again).
      raw.pause();
      raw.unshift(first);
      if (first[0] === TLS_HANDSHAKE_RECORD) {
        void startTls(connection, behaviour, handler);
      } else {
        plays.set(raw, { behaviour, handler, tls: false, identity: identityOf(raw), connection });
        http.emit('connection', raw);
        raw.resume();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('lab: server has no TCP address');

  return {
    host: plainAddress(address.address) ?? address.address,
    port: address.port,
    traffic() {
      let bytesRead = closedRead;
      let bytesWritten = closedWritten;
      for (const connection of open) {
        bytesRead += connection.raw.bytesRead - connection.baseRead;
        bytesWritten += connection.raw.bytesWritten - connection.baseWritten;
      }
      return { connections, bytesRead, bytesWritten };
    },
    resetTraffic() {
      connections = 0;
      closedRead = 0;
      closedWritten = 0;
      counted = [...open];
      for (const connection of open) {
        connection.baseRead = connection.raw.bytesRead;
        connection.baseWritten = connection.raw.bytesWritten;
        // What came before the reset is not counted again: keep only the latest request as the start.
        const last = connection.marks.at(-1);
        connection.marks.splice(0, connection.marks.length, ...(last ? [{ ...last, read: connection.baseRead, written: connection.baseWritten }] : []));
      }
    },
    exchanges() {
      const out: Exchange[] = [];
      for (const connection of counted) {
        const endRead = connection.closedRead ?? connection.raw.bytesRead;
        const endWritten = connection.closedWritten ?? connection.raw.bytesWritten;
        const sni = connection.sni !== undefined ? { sni: connection.sni } : {};
        const resumed = connection.resumed !== undefined ? { resumed: connection.resumed } : {};
        if (connection.marks.length === 0) {
          out.push({ ...sni, ...resumed, handshake: true, bytesRead: endRead - connection.baseRead, bytesWritten: endWritten - connection.baseWritten });
          continue;
        }
        connection.marks.forEach((mark, index) => {
          const next = connection.marks[index + 1];
          const fromRead = index === 0 ? connection.baseRead : mark.read;
          const fromWritten = index === 0 ? connection.baseWritten : mark.written;
          out.push({
            request: mark.request,
            ...sni,
            ...(index === 0 ? resumed : {}),
            handshake: index === 0 && connection.baseRead === 0,
            bytesRead: (next?.read ?? endRead) - fromRead,
            bytesWritten: (next?.written ?? endWritten) - fromWritten,
          });
        });
      }
      return out;
    },
    forgetSessions() {
      // New contexts come with new random ticket keys: tickets from the old ones no longer decrypt.
      contexts.clear();
    },
    errors: () => [...problems],
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const connection of open) connection.raw.destroy();
      await closed;
    },
  };
}
