/**
 * The probes' `Transport` for Node (the CLI and the lab): undici's `fetch`, one fresh `Agent`
 * per request so no connection is ever reused between probes (a block must be met fresh), and a
 * connector that goes through a `NodeNetwork`:
 *
 * 1. resolve the host with `network.resolve` (IP literals skip it), stage `dns`;
 * 2. route the first address with `network.route` and open TCP there, stage `connect`
 *    (`'blackhole'`: a connection that never completes);
 * 3. for https, the TLS handshake over that socket through undici's `buildConnector`, stage
 *    `tls`, with SNI and certificate checks for the URL's own host name, trusting `network.ca`
 *    on top of Node's roots;
 * 4. stage `http` once the connection is up.
 *
 * Per URL it records the first error undici met (in `describeNodeError`'s words), the address
 * from DNS and the stage reached, for `detail(key)`. The agent is closed once the final answer
 * ended, destroyed on any error or abort, and in any case on `forget(key)`.
 */
import { Socket, connect as netConnect } from 'node:net';
import { checkServerIdentity, rootCertificates, type PeerCertificate } from 'node:tls';
import { Agent, buildConnector, errors as undiciErrors, fetch as undiciFetch, type Dispatcher } from 'undici';
import { isIpLiteral, normalizeAddress } from '../address';
import { describeNodeError } from '../probe/failure/node';
import type { ConnectionStage, RequestDetail, Transport, TransportRequest } from '../probe/transport';
import { SYSTEM_NETWORK, type NodeNetwork } from './node-network';

export interface NodeTransportOptions {
  /**
   * The transport's own limit for TCP plus TLS set-up, ms: a backstop for callers without a
   * timer of their own. 30 s, Chrome's TLS handshake limit; the probes' 15 s timer fires first.
   */
  readonly connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/** Statuses after which `fetch` follows a Location header: the answer is not final yet. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface RequestRecord {
  error?: string;
  ip?: string;
  stage?: ConnectionStage;
  agent?: Agent;
  closed: boolean;
  /** Close connections still being made (and their timers) when the request ends. */
  readonly cleanups: Set<() => void>;
}

function endRecord(record: RequestRecord, how: 'close' | 'destroy'): void {
  if (record.closed) return;
  record.closed = true;
  for (const cleanup of record.cleanups) cleanup();
  record.cleanups.clear();
  const agent = record.agent;
  if (!agent) return;
  const done = how === 'close' ? agent.close() : agent.destroy();
  done.catch(() => undefined);
}

/** undici's connect options carry the port as a string, empty for the scheme's default. */
function portOf(protocol: string, port: string | undefined): number {
  const parsed = Number(port);
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  return protocol === 'https:' ? 443 : 80;
}

function makeConnector(network: NodeNetwork, record: RequestRecord, connectTimeoutMs: number): buildConnector.connector {
  const caList = network.ca && network.ca.length > 0 ? [...rootCertificates, ...network.ca] : undefined;

  return (options, callback) => {
    const hostname = options.hostname.replace(/^\[(.*)\]$/, '$1');
    const https = options.protocol === 'https:';
    const port = portOf(options.protocol, options.port);
    let settled = false;
    const finish = (error: Error | null, socket?: Socket): void => {
      if (settled) return;
      settled = true;
      if (error) callback(error, null);
      else if (socket) callback(null, socket);
    };
    const ended = (): boolean => {
      if (!record.closed) return false;
      finish(new undiciErrors.ClientDestroyedError());
      return true;
    };

    const resolveAddress = async (): Promise<string> => {
      const literal = normalizeAddress(hostname);
      if (literal !== undefined) return literal;
      record.stage = 'dns';
      const addresses = await network.resolve(hostname);
      const first = addresses[0];
      if (first === undefined) {
        throw Object.assign(new Error(`resolve ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      }
      return first;
    };

    resolveAddress().then(
      (address) => {
        if (ended()) return;
        record.ip = address;
        record.stage = 'connect';
        const route = network.route(address, port);
        let tcp: Socket | undefined;

        // A backstop for TCP set-up (undici's own timer covers TLS); unref'd so it never keeps Node alive.
        const connectTimer = setTimeout(() => {
          finish(new undiciErrors.ConnectTimeoutError(`Connect Timeout Error (attempted address: ${address}:${port})`));
          tcp?.destroy();
        }, connectTimeoutMs);
        connectTimer.unref();
        const cleanup = (): void => {
          clearTimeout(connectTimer);
          if (!settled) tcp?.destroy();
        };
        record.cleanups.add(cleanup);

        if (route === 'blackhole') {
          // SYNs vanish: nothing ever answers; the caller's timer (or the backstop) ends it.
          return;
        }
        tcp = netConnect({ host: route.host, port: route.port });
        tcp.once('error', (error) => {
          clearTimeout(connectTimer);
          finish(error);
        });
        tcp.once('connect', () => {
          // The cleanup stays registered: an abort during the TLS handshake must still close the socket.
          clearTimeout(connectTimer);
          if (!tcp || ended()) {
            tcp?.destroy();
            return;
          }
          if (!https) {
            record.stage = 'http';
            tcp.setNoDelay(true);
            finish(null, tcp);
            return;
          }
          record.stage = 'tls';
          const tlsConnect = buildConnector({
            timeout: connectTimeoutMs,
            maxCachedSessions: 0, // no session resumption: every handshake is a full, fresh one
            ...(caList ? { ca: caList } : {}),
            // Verify against the URL's host, not the routed address (the lab routes to loopback).
            checkServerIdentity: (_host: string, certificate: PeerCertificate) => checkServerIdentity(hostname, certificate),
          });
          tlsConnect(
            {
              hostname,
              host: options.host ?? hostname,
              protocol: options.protocol,
              port: String(port),
              // No SNI for an IP literal, as browsers do.
              ...(isIpLiteral(hostname) ? {} : { servername: hostname }),
              httpSocket: tcp,
            },
            (error, socket) => {
              if (error) {
                tcp?.destroy();
                finish(error);
                return;
              }
              if (socket) {
                record.stage = 'http';
                finish(null, socket);
              }
            },
          );
        });
      },
      (error: unknown) => {
        finish(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
}

/** Records the first error of any request on this agent, and closes the agent after the final answer. */
function recordingInterceptor(record: RequestRecord): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    let redirecting = false;
    return dispatch(options, {
      onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, statusCode, headers, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => {
        redirecting = REDIRECT_STATUSES.has(statusCode) && headers.location !== undefined;
        return handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      },
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => {
        handler.onResponseEnd?.(controller, trailers);
        // The final answer is complete: let the connection go (a redirect still needs the agent).
        if (!redirecting) endRecord(record, 'close');
      },
      onResponseError: (controller, error) => {
        record.error ??= describeNodeError(error);
        handler.onResponseError?.(controller, error);
        endRecord(record, 'destroy');
      },
    });
  };
}

export function createNodeTransport(network: NodeNetwork = SYSTEM_NETWORK, options: NodeTransportOptions = {}): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const records = new Map<string, RequestRecord>();

  return {
    environment: 'node',

    async fetch(url: string, request: TransportRequest): Promise<Response> {
      const previous = records.get(request.key);
      if (previous) endRecord(previous, 'destroy');
      const record: RequestRecord = { closed: false, cleanups: new Set() };
      records.set(request.key, record);
      const agent = new Agent({ connect: makeConnector(network, record, connectTimeoutMs) });
      record.agent = agent;
      const onAbort = (): void => {
        // The caller's reason is what ended the request, not the agent's destruction that follows.
        record.error ??= describeNodeError(request.signal.reason);
        endRecord(record, 'destroy');
      };
      if (request.signal.aborted) onAbort();
      else request.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const response = await undiciFetch(url, {
          method: request.method,
          ...(request.headers ? { headers: request.headers } : {}),
          ...(request.body !== undefined ? { body: request.body } : {}),
          signal: request.signal,
          redirect: 'follow',
          dispatcher: agent.compose(recordingInterceptor(record)),
        });
        // undici's Response implements the WHATWG Response the DOM types describe.
        return response as unknown as Response;
      } catch (error) {
        record.error ??= describeNodeError(error);
        endRecord(record, 'destroy');
        throw error;
      }
    },

    async detail(key: string): Promise<RequestDetail | undefined> {
      const record = records.get(key);
      if (!record) return undefined;
      return {
        ...(record.error !== undefined ? { error: record.error } : {}),
        ...(record.ip !== undefined ? { ip: record.ip } : {}),
        ...(record.stage !== undefined ? { stage: record.stage } : {}),
      };
    },

    forget(key: string): void {
      const record = records.get(key);
      if (!record) return;
      records.delete(key);
      endRecord(record, 'destroy');
    },
  };
}
