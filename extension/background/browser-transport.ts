/**
 * The engine's transport in a browser: `fetch` from the background, and the browser's own words
 * for each request from `webRequest` (fetch itself only ever says "TypeError"). Requests are found
 * again by URL — the URL goes out unchanged, with no marker a filter could read — so two probes of
 * the same URL never run at once: the second waits until the first is forgotten (or, should a
 * probe never forget it, until QUEUE_HOLD_LIMIT_MS have passed).
 *
 * The listeners see only Blockwatch's own requests: no tab (`tabId: -1`) and only the hosts it
 * probes (the catalogue's and the person's own targets, `watch()` when they change), never a page
 * the person opens. Nothing of what they see is kept beyond the probe that asked.
 *
 * The browser's events may come late: a fetch can reject before the worker even hears of the
 * request (measured in Chromium: ~160 ms for an NXDOMAIN). So a request stays joinable until the
 * probe forgets it, and `detail` waits a little for its events.
 */
import { isIpLiteral } from '../../src/address';
import { firefoxFailure } from '../../src/probe/failure/firefox';
import type { Environment, RequestDetail, Transport, TransportRequest } from '../../src/probe/transport';

/** How long to wait, after a request settled, for the browser's event about it, ms: events are dispatched asynchronously and may trail the fetch's promise. */
export const DETAIL_WAIT_MS = 1_500;
/**
 * How long one probe may hold its URL before the next probe of that URL goes ahead anyway, ms:
 * longer than any probe lasts (15 s for headers + 10 s for a body + DETAIL_WAIT_MS, src/probe), so
 * only a probe that never called `forget` (a bug, a thrown error) is cut short, and a URL is
 * never blocked for good.
 */
export const QUEUE_HOLD_LIMIT_MS = 60_000;

/**
 * How long the address of a failed TLS connection may be looked up, ms: the browser's resolver
 * answers from its cache at once (it resolved the name a moment ago); a resolver gone silent must
 * not hold the probe much past its own timers.
 */
export const RESOLVE_WAIT_MS = 1_000;

/** The browser's own resolver (Firefox: `dns.resolve`): a name's addresses, in the order it dials them. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** `tabId` of a request no tab made: the extension's own. */
export const EXTENSION_REQUEST = -1;

interface Details {
  readonly requestId: string;
  readonly url: string;
  readonly tabId: number;
}

/** What the listeners are registered for: the extension's own requests to the probed hosts only. */
export interface RequestFilter {
  readonly urls: string[];
  readonly tabId: number;
}

interface Listenable<D> {
  addListener(listener: (details: D) => void, filter: RequestFilter): void;
  removeListener(listener: (details: D) => void): void;
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

export interface BrowserTransport extends Transport {
  /** Listen for these match patterns from now on (the probed hosts changed: a custom target added or removed). */
  watch(patterns: readonly string[]): void;
}

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

function normalize(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Whether the browser's words for a failure are a TLS failure (after DNS and connect succeeded). Only Firefox's words are read: only Firefox has a resolver API. */
function isTlsFailure(environment: Environment, raw: string): boolean {
  return environment === 'firefox' && (firefoxFailure(raw) ?? '').startsWith('tls_');
}

/** The first address the browser's resolver gives for `url`'s host, within RESOLVE_WAIT_MS; undefined for an IP literal, a failed or slow lookup. */
async function firstAddress(resolveHost: ResolveHost, url: string): Promise<string | undefined> {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return undefined;
  }
  if (isIpLiteral(hostname)) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), RESOLVE_WAIT_MS);
  });
  try {
    return await Promise.race([resolveHost(hostname).then((addresses) => addresses[0]), late]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `patterns`: the match patterns of every probed host (never a catch-all).
 *
 * `resolveHost` (Firefox): Firefox's webRequest gives no `ip` for a request whose TLS handshake
 * failed (the channel learns its peer only after it), so a certificate from a filter server a
 * lying resolver sent us to looks like interception. For such a failure the transport asks the
 * browser's own resolver, which answers from the cache the request just used, and reports its
 * first address (the one Firefox dials first) as `ip`: the probe then tells a lie to a bogus
 * address (`dns_bogus`) from interception on a real one (src/probe/bogus-address.ts).
 */
export function createBrowserTransport(
  environment: Environment,
  events: WebRequestEvents,
  patterns: readonly string[],
  fetchFunction: FetchFunction,
  resolveHost?: ResolveHost,
): BrowserTransport {
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

  const onBeforeRequest = (details: Details): void => {
    // The filter already says so; kept in case a browser ignores the filter's tabId.
    if (details.tabId !== EXTENSION_REQUEST) return;
    const pending = unbound.get(normalize(details.url));
    if (!pending || pending.requestId !== undefined) return;
    pending.requestId = details.requestId;
    unbound.delete(pending.url);
    byRequestId.set(details.requestId, pending);
  };
  const onBeforeRedirect = (details: Details & { readonly redirectUrl: string }): void => {
    const pending = byRequestId.get(details.requestId);
    if (pending) pending.detail.redirectedTo = details.redirectUrl;
  };
  const onResponseStarted = (details: Details & { readonly ip?: string }): void => {
    const pending = byRequestId.get(details.requestId);
    if (pending && details.ip) pending.detail.ip = details.ip;
  };
  const onCompleted = (details: Details & { readonly ip?: string }): void => {
    const pending = byRequestId.get(details.requestId);
    if (!pending) return;
    if (details.ip) pending.detail.ip = details.ip;
    settle(pending);
  };
  const onErrorOccurred = (details: Details & { readonly error: string; readonly ip?: string }): void => {
    const pending = byRequestId.get(details.requestId);
    if (!pending) return;
    pending.detail.error = details.error;
    if (details.ip) pending.detail.ip = details.ip;
    settle(pending);
  };

  function forgetPending(key: string): void {
    const pending = byKey.get(key);
    if (!pending) return;
    byKey.delete(key);
    if (pending.requestId !== undefined) byRequestId.delete(pending.requestId);
    if (unbound.get(pending.url) === pending) unbound.delete(pending.url);
    pending.release();
  }

  let watched: readonly string[] = [];
  const listen = (urls: readonly string[]): void => {
    const filter: RequestFilter = { urls: [...urls], tabId: EXTENSION_REQUEST };
    events.onBeforeRequest.addListener(onBeforeRequest, filter);
    events.onBeforeRedirect.addListener(onBeforeRedirect, filter);
    events.onResponseStarted.addListener(onResponseStarted, filter);
    events.onCompleted.addListener(onCompleted, filter);
    events.onErrorOccurred.addListener(onErrorOccurred, filter);
    watched = [...urls];
  };
  const unlisten = (): void => {
    events.onBeforeRequest.removeListener(onBeforeRequest);
    events.onBeforeRedirect.removeListener(onBeforeRedirect);
    events.onResponseStarted.removeListener(onResponseStarted);
    events.onCompleted.removeListener(onCompleted);
    events.onErrorOccurred.removeListener(onErrorOccurred);
  };
  // No host at all would make the filter match nothing in one browser and everything in another: listen to none then.
  if (patterns.length > 0) listen(patterns);

  return {
    environment,

    watch(next) {
      const sorted = [...new Set(next)].sort();
      if (sorted.length === watched.length && sorted.every((pattern, index) => pattern === watched[index])) return;
      unlisten();
      watched = [];
      if (sorted.length > 0) listen(sorted);
    },

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

      // A probe that never forgets its request still lets the next one of this URL go, in time.
      const holdLimit = setTimeout(() => release(), QUEUE_HOLD_LIMIT_MS);
      const pending: Pending = {
        url: normalized,
        detail: {},
        settled: false,
        release: () => {
          clearTimeout(holdLimit);
          release();
          if (queue.get(normalized) === turn) queue.delete(normalized);
        },
      };
      byKey.set(request.key, pending);
      unbound.set(normalized, pending);
      const init: RequestInit = {
        method: request.method,
        ...(request.headers ? { headers: request.headers } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        signal: request.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      };
      try {
        return fetchFunction(url, init);
      } catch (error) {
        // Thrown before any request went out (a bad URL or init): no event will come, let the URL go now.
        forgetPending(request.key);
        throw error;
      }
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
      if (resolveHost && pending.detail.error !== undefined && pending.detail.ip === undefined && isTlsFailure(environment, pending.detail.error)) {
        const resolved = await firstAddress(resolveHost, pending.url);
        if (resolved !== undefined) pending.detail.ip = resolved;
      }
      const { error, ip, redirectedTo } = pending.detail;
      if (error === undefined && ip === undefined && redirectedTo === undefined) return undefined;
      return { ...(error !== undefined ? { error } : {}), ...(ip !== undefined ? { ip } : {}), ...(redirectedTo !== undefined ? { redirectedTo } : {}) };
    },

    forget: forgetPending,
  };
}
