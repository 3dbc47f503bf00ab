/**
 * Small servers on 127.0.0.1 for the Node transport tests, one behaviour each, all closable
 * without leaking sockets. They count the connections they accept.
 */
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { KeyPair } from './certificates';

export interface Loopback {
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Resolves when every accepted connection has closed. */
  drained(): Promise<void>;
  close(): Promise<void>;
}

async function start(server: Server): Promise<Loopback> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let waiters: (() => void)[] = [];
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) {
        for (const wake of waiters) wake();
        waiters = [];
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    connections: () => accepted,
    drained: () => (sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export function httpServer(handler: Handler): Promise<Loopback> {
  return start(createHttpServer(handler));
}

export function httpsServer(pair: KeyPair, handler: Handler): Promise<Loopback> {
  return start(createHttpsServer({ key: pair.key, cert: pair.cert }, handler));
}

/** A raw TCP server: `onData` sees the client's first bytes (a ClientHello, or an HTTP request). */
export function tcpServer(onData: (socket: Socket, data: Buffer) => void): Promise<Loopback> {
  const server = createNetServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (data) => onData(socket, data));
  });
  return start(server);
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
