/**
 * What a behaviour file provides: either something done to the raw connection once the client's
 * first bytes arrive (before any TLS), or an HTTP request handler that runs after the server has
 * spoken TLS (or plain HTTP) with the client.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { BlockpageContent } from '../blockpage-content';
import type { SiteContent } from '../site-content';

export interface HelloHandler {
  readonly level: 'hello';
  /** Called with the raw TCP socket after its first chunk (a ClientHello or an HTTP request) was read. */
  onHello(socket: Socket): void;
}

export interface RequestContext {
  /** The host the client asked for: the Host header's name (no port), else the TLS server name. */
  readonly host: string;
  /** Whether the request came over TLS. */
  readonly tls: boolean;
  readonly content: SiteContent;
  /** The blockpage, or why the lab has none (the catalogue lacks the fingerprints it is built from). */
  readonly blockpage: BlockpageContent | Error;
}

export interface HttpHandler {
  readonly level: 'http';
  onRequest(request: IncomingMessage, response: ServerResponse, context: RequestContext): void;
}

export type Handler = HelloHandler | HttpHandler;
