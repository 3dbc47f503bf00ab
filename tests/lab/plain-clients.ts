/**
 * Plain Node clients for the lab's self-tests: they see each behaviour the way an ordinary
 * program does, with no Blockwatch code in between.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate } from 'node:tls';

export interface Exchange {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface Target {
  readonly port: number;
  /** TLS server name (and Host header); omitted for an IP literal. */
  readonly servername?: string;
  /** Trusted CA, PEM. */
  readonly ca?: string;
  readonly tls: boolean;
  readonly rejectUnauthorized?: boolean;
}

/** One request on a fresh connection to 127.0.0.1:port, read to the end. */
export function exchange(
  target: Target,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const common = {
      host: '127.0.0.1',
      port: target.port,
      method: options.method ?? 'GET',
      path: options.path ?? '/',
      agent: false as const,
      headers: { ...(target.servername ? { host: target.servername } : {}), ...options.headers },
    };
    const request = target.tls
      ? httpsRequest({
          ...common,
          ...(target.servername ? { servername: target.servername } : {}),
          ...(target.ca ? { ca: target.ca } : {}),
          rejectUnauthorized: target.rejectUnauthorized ?? true,
        })
      : httpRequest(common);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

export interface Window {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Body bytes received while the window was open. */
  readonly bytes: number;
  /** From the response headers to the end of the window (or of the body), ms, measured here. */
  readonly elapsedMs: number;
  /** Whether the body ended within the window. */
  readonly ended: boolean;
  /** Whether the connection was still open when the window closed. */
  readonly open: boolean;
}

/**
 * A GET whose body is watched for `windowMs`, then abandoned. The window opens when the headers
 * arrive, or once `afterBytes` body bytes are in (however long that takes), so a slow machine can
 * only see fewer bytes in it, never more.
 */
export function watchBody(
  target: Target,
  path: string,
  windowMs: number,
  options: { headers?: Record<string, string>; afterBytes?: number } = {},
): Promise<Window> {
  return new Promise((resolve, reject) => {
    const common = {
      host: '127.0.0.1',
      port: target.port,
      path,
      agent: false as const,
      headers: { ...(target.servername ? { host: target.servername } : {}), ...options.headers },
    };
    const request = target.tls
      ? httpsRequest({ ...common, ...(target.servername ? { servername: target.servername } : {}), ...(target.ca ? { ca: target.ca } : {}) })
      : httpRequest(common);
    request.on('response', (response) => {
      let started = performance.now();
      let bytes = 0;
      let ended = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        const open = !response.socket.destroyed && !ended;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes, elapsedMs: performance.now() - started, ended, open });
        request.destroy();
      };
      const openWindow = (): void => {
        started = performance.now();
        timer = setTimeout(finish, windowMs);
      };
      if ((options.afterBytes ?? 0) === 0) openWindow();
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (timer === undefined && bytes >= (options.afterBytes ?? 0)) openWindow();
      });
      response.on('end', () => {
        ended = true;
        finish();
      });
      response.on('error', () => undefined);
    });
    request.on('error', reject);
    request.end();
  });
}

export interface HandshakeResult {
  readonly authorized: boolean;
  /** The verification error (Node's code), when the certificate was not accepted. */
  readonly verifyError?: string;
  /** The socket error's code, when the handshake did not complete. */
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly certificate?: PeerCertificate;
}

/** Node types `authorizationError` as an Error, but hands over the verify code as a string. */
function codeOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(value);
}

/**
 * A TLS handshake with 127.0.0.1:port. The certificate is checked as Node's https checks it:
 * against `ca`, then its names against `checkName` (default: the server name sent).
 */
export function handshake(port: number, options: { servername?: string; ca?: string; checkName?: string }): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port,
      ...(options.servername ? { servername: options.servername } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
      rejectUnauthorized: false,
      // The chain only: names are checked below, against the name the test means.
      checkServerIdentity: () => undefined,
    });
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      const name = options.checkName ?? options.servername;
      const nameError = name ? (checkServerIdentity(name, certificate) as (Error & { code?: string }) | undefined) : undefined;
      const verifyError = socket.authorized ? (nameError ? codeOf(nameError) : undefined) : codeOf(socket.authorizationError);
      socket.destroy();
      resolve({ authorized: verifyError === undefined, ...(verifyError ? { verifyError } : {}), certificate });
    });
    socket.once('error', (error: Error & { code?: string }) => {
      resolve({ authorized: false, ...(error.code ? { errorCode: error.code } : {}), errorMessage: error.message });
    });
  });
}

export interface RawOutcome {
  /** Bytes the server sent back. */
  readonly received: number;
  /** The server closed with a FIN. */
  readonly ended: boolean;
  /** The socket error's code (ECONNRESET for a RST, ECONNREFUSED for a refusal). */
  readonly errorCode?: string;
  /** Whether the connection was still open when the window closed. */
  readonly open: boolean;
}

/** Connects to 127.0.0.1:port over plain TCP, sends `bytes`, and watches for `windowMs` (or until the connection ends). */
export function rawExchange(port: number, bytes: Buffer | string, windowMs: number): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: '127.0.0.1', port });
    let received = 0;
    let ended = false;
    let errorCode: string | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const open = !socket.destroyed && !ended && errorCode === undefined;
      socket.destroy();
      resolve({ received, ended, ...(errorCode ? { errorCode } : {}), open });
    };
    const timer = setTimeout(finish, windowMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    socket.on('end', () => {
      ended = true;
    });
    socket.on('error', (error: Error & { code?: string }) => {
      errorCode = error.code ?? error.message;
      finish();
    });
    socket.on('close', finish);
  });
}
