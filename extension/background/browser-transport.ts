/**
 * The engine's transport in a browser: `fetch` from the background, and the browser's own words
 * for each request from `webRequest` (fetch itself only ever says "TypeError"). Requests are found
 * again by URL — the URL goes out unchanged, with no marker a filter could read — so two probes of
 * the same URL never run at once: the second waits until the first is forgotten.
 *
 * The browser's events may come late: a fetch can reject before the worker even hears of the
 * request (measured in Chromium: ~160 ms for an NXDOMAIN). So a request stays joinable until the
 * probe forgets it, and `detail` waits a little for its events.
 */
import type { Environment, RequestDetail, Transport, TransportRequest } from '../../src/probe/transport';

/** How long to wait, after a request settled, for the browser's event about it, ms: events are dispatched asynchronously and may trail the fetch's promise. */
export const DETAIL_WAIT_MS = 1_500;

interface Details {
  readonly requestId: string;
  readonly url: string;
  readonly tabId: number;
}
interface Listenable<D> {
  addListener(listener: (details: D) => void, filter: { urls: string[] }): void;
}

/** The part of `webRequest` the transport listens to (both browsers have it). */
export interface WebRequestEvents {
  readonly onBeforeRequest: Listenable<Details>;
  readonly onBeforeRedirect: Listenable<Details & { readonly redirectUrl: string }>;
  readonly onResponseStarted: Listenable<Details & { readonly ip?: string }>;
  readonly onCompleted: Listenable<Details & { readonly ip?: string }>;
  readonly onErrorOccurred: Listenable<Details & { readonly error: string; readonly ip?: string }>;
}

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

interface Pending {
  readonly url: string;
  requestId?: string;
  detail: { error?: string; ip?: string; redirectedTo?: string };
  /** Lets the next probe of the same URL start. */
  release: () => void;
  /** Set once the browser said the request completed or failed. */
  settled: boolean;
  wake?: () => void;
}

/** Only the extension's own requests (no tab) to http(s) URLs. */
const FILTER = { urls: ['http://*/*', 'https://*/*'] };
const EXTENSION_REQUEST = -1;

function normalize(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function createBrowserTransport(environment: Environment, events: WebRequestEvents, fetchFunction: FetchFunction): Transport {
  const byKey = new Map<string, Pending>();
  /** The request now in flight for a URL, waiting for its webRequest id. */
  const unbound = new Map<string, Pending>();
  const byRequestId = new Map<string, Pending>();
  /** The last request per URL: the next one to that URL waits for it. */
  const queue = new Map<string, Promise<unknown>>();

  const settle = (pending: Pending): void => {
    pending.settled = true;
    pending.wake?.();
  };

  events.onBeforeRequest.addListener((details) => {
    if (details.tabId !== EXTENSION_REQUEST) return;
    const pending = unbound.get(normalize(details.url));
    if (!pending || pending.requestId !== undefined) return;
    pending.requestId = details.requestId;
    unbound.delete(pending.url);
    byRequestId.set(details.requestId, pending);
  }, FILTER);
  events.onBeforeRedirect.addListener((details) => {
    const pending = byRequestId.get(details.requestId);
    if (pending) pending.detail.redirectedTo = details.redirectUrl;
  }, FILTER);
  events.onResponseStarted.addListener((details) => {
    const pending = byRequestId.get(details.requestId);
    if (pending && details.ip) pending.detail.ip = details.ip;
  }, FILTER);
  events.onCompleted.addListener((details) => {
    const pending = byRequestId.get(details.requestId);
    if (!pending) return;
    if (details.ip) pending.detail.ip = details.ip;
    settle(pending);
  }, FILTER);
  events.onErrorOccurred.addListener((details) => {
    const pending = byRequestId.get(details.requestId);
    if (!pending) return;
    pending.detail.error = details.error;
    if (details.ip) pending.detail.ip = details.ip;
    settle(pending);
  }, FILTER);

  return {
    environment,

    async fetch(url: string, request: TransportRequest): Promise<Response> {
      const normalized = normalize(url);
      const before = queue.get(normalized) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const turn = before.then(() => mine);
      queue.set(normalized, turn);
      await before;

      const pending: Pending = {
        url: normalized,
        detail: {},
        settled: false,
        release: () => {
          release();
          if (queue.get(normalized) === turn) queue.delete(normalized);
        },
      };
      byKey.set(request.key, pending);
      unbound.set(normalized, pending);
      return fetchFunction(url, {
        method: request.method,
        ...(request.headers ? { headers: request.headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: request.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      });
    },

    async detail(key: string): Promise<RequestDetail | undefined> {
      const pending = byKey.get(key);
      if (!pending) return undefined;
      // Not settled yet, or not even heard of yet: its events are on their way (or never come, for
      // a host without permission).
      if (!pending.settled) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, DETAIL_WAIT_MS);
          pending.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const { error, ip, redirectedTo } = pending.detail;
      if (error === undefined && ip === undefined && redirectedTo === undefined) return undefined;
      return { ...(error !== undefined ? { error } : {}), ...(ip !== undefined ? { ip } : {}), ...(redirectedTo !== undefined ? { redirectedTo } : {}) };
    },

    forget(key: string): void {
      const pending = byKey.get(key);
      if (!pending) return;
      byKey.delete(key);
      if (pending.requestId !== undefined) byRequestId.delete(pending.requestId);
      if (unbound.get(pending.url) === pending) unbound.delete(pending.url);
      pending.release();
    },
  };
}
