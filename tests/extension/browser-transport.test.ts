/**
 * The browser transport joins webRequest events to requests by URL. Events are played by hand
 * here, in the orders browsers really send them (the error may trail the fetch's rejection).
 */
import { describe, expect, it } from 'vitest';
import { afterEach, vi } from 'vitest';
import { createBrowserTransport, QUEUE_HOLD_LIMIT_MS, RESOLVE_WAIT_MS, type FetchFunction, type RequestFilter, type WebRequestEvents } from '../../extension/background/browser-transport';

type Listener = (details: never) => void;
interface Registered {
  readonly listener: Listener;
  readonly filter: RequestFilter;
}

/** The probed hosts' match patterns, as the background passes them (never a catch-all). */
const PATTERNS = ['https://web.whatsapp.com/*', 'http://t.me/*', 'http://149.154.167.51/*', 'https://signal.org/*'];

/** Whether a browser would deliver an event for `url` and `tabId` to a listener with `filter` (scheme://host/* patterns). */
function matches(filter: RequestFilter, url: string, tabId: number): boolean {
  const parsed = new URL(url);
  return filter.tabId === tabId && filter.urls.some((pattern) => pattern === `${parsed.protocol}//${parsed.hostname}/*`);
}

/** webRequest as a browser runs it: events go only to listeners whose filter matches. */
class FakeWebRequest {
  readonly listeners = new Map<string, Registered>();
  readonly events: WebRequestEvents;
  private next = 1;
  constructor() {
    const event = (name: string) => ({
      addListener: (listener: Listener, filter: RequestFilter) => void this.listeners.set(name, { listener, filter }),
      removeListener: (listener: Listener) => {
        if (this.listeners.get(name)?.listener === listener) this.listeners.delete(name);
      },
    });
    this.events = {
      onBeforeRequest: event('onBeforeRequest'),
      onBeforeRedirect: event('onBeforeRedirect'),
      onResponseStarted: event('onResponseStarted'),
      onCompleted: event('onCompleted'),
      onErrorOccurred: event('onErrorOccurred'),
    } as unknown as WebRequestEvents;
  }
  fire(name: string, details: { readonly url: string; readonly tabId: number; readonly [field: string]: unknown }): void {
    const registered = this.listeners.get(name);
    if (registered && matches(registered.filter, details.url, details.tabId)) (registered.listener as (details: object) => void)(details);
  }
  /** Filters in force, per event. */
  filters(): RequestFilter[] {
    return [...this.listeners.values()].map((registered) => registered.filter);
  }
  /** A request the extension's background makes (tabId -1); returns its requestId. */
  begin(url: string, tabId = -1): string {
    const requestId = String(this.next++);
    this.fire('onBeforeRequest', { requestId, url, tabId });
    return requestId;
  }
}

const request = (key: string) => ({ key, method: 'HEAD' as const, signal: new AbortController().signal });

describe('the browser transport', () => {
  it('finds the browser\'s error for a failed request, even when the event comes after the rejection', async () => {
    const web = new FakeWebRequest();
    let id = '';
    const fetchFunction: FetchFunction = async (url) => {
      id = web.begin(url);
      setTimeout(() => web.fire('onErrorOccurred', { requestId: id, url, tabId: -1, error: 'net::ERR_NAME_NOT_RESOLVED' }), 50);
      throw new TypeError('Failed to fetch');
    };
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, fetchFunction);
    await expect(transport.fetch('https://web.whatsapp.com/', request('k1'))).rejects.toThrow('Failed to fetch');
    expect(await transport.detail('k1')).toEqual({ error: 'net::ERR_NAME_NOT_RESOLVED' });
    transport.forget('k1');
    expect(await transport.detail('k1')).toBeUndefined();
  });

  it('joins events that arrive after the fetch already rejected, even the first one', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url) => {
      // Chromium can reject before the worker hears onBeforeRequest (~160 ms for an NXDOMAIN).
      setTimeout(() => {
        const id = web.begin(url);
        web.fire('onErrorOccurred', { requestId: id, url, tabId: -1, error: 'net::ERR_NAME_NOT_RESOLVED' });
      }, 100);
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('https://web.whatsapp.com/', request('late'))).rejects.toThrow();
    expect(await transport.detail('late')).toEqual({ error: 'net::ERR_NAME_NOT_RESOLVED' });
  });

  it('keeps where a redirect led, even when the browser could not follow it', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url) => {
      const id = web.begin(url);
      web.fire('onBeforeRedirect', { requestId: id, url, tabId: -1, redirectUrl: 'http://warning.rt.ru/?id=1' });
      web.fire('onErrorOccurred', { requestId: id, url: 'http://warning.rt.ru/?id=1', tabId: -1, error: 'net::ERR_FAILED' });
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('http://t.me/', request('r'))).rejects.toThrow();
    // The error names the blockpage host, which is not probed: it is not listened to (nor, without its host permission, reported at all).
    expect(await transport.detail('r')).toEqual({ redirectedTo: 'http://warning.rt.ru/?id=1' });
  });

  it('records the address of an answer', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('firefox', web.events, PATTERNS, async (url) => {
      const id = web.begin(url);
      web.fire('onResponseStarted', { requestId: id, url, tabId: -1, ip: '157.240.0.53' });
      web.fire('onCompleted', { requestId: id, url, tabId: -1, ip: '157.240.0.53' });
      return new Response(null, { status: 403 });
    });
    const response = await transport.fetch('https://web.whatsapp.com', request('k'));
    expect(response.status).toBe(403);
    expect(await transport.detail('k')).toEqual({ ip: '157.240.0.53' });
  });

  describe('Firefox: the address of a failed TLS connection, from its own resolver', () => {
    // Firefox 153's onErrorOccurred has no `ip` for a certificate error (seen in the lab's dns-lie-filter scenario).
    const certificateError = 'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.';
    const failing = (web: FakeWebRequest, error: string) => async (url: string): Promise<Response> => {
      const id = web.begin(url);
      web.fire('onErrorOccurred', { requestId: id, url, tabId: -1, error });
      throw new TypeError('NetworkError when attempting to fetch resource.');
    };

    it('a certificate error with no address gets the first address the resolver gives for the name (a filter server: the probe can tell the lie)', async () => {
      const web = new FakeWebRequest();
      const asked: string[] = [];
      const transport = createBrowserTransport('firefox', web.events, PATTERNS, failing(web, certificateError), async (hostname) => {
        asked.push(hostname);
        return ['10.10.34.34', '10.10.34.35'];
      });
      await expect(transport.fetch('https://web.whatsapp.com/', request('tls'))).rejects.toThrow();
      expect(await transport.detail('tls')).toEqual({ error: certificateError, ip: '10.10.34.34' });
      expect(asked).toEqual(['web.whatsapp.com']);
    });

    it('other failures, and Chromium, are left as the browser told them: no lookup', async () => {
      const web = new FakeWebRequest();
      const asked: string[] = [];
      const resolveHost = async (hostname: string): Promise<readonly string[]> => {
        asked.push(hostname);
        return ['10.10.34.34'];
      };
      const firefox = createBrowserTransport('firefox', web.events, PATTERNS, failing(web, 'NS_ERROR_NET_RESET'), resolveHost);
      await expect(firefox.fetch('https://web.whatsapp.com/', request('reset'))).rejects.toThrow();
      expect(await firefox.detail('reset')).toEqual({ error: 'NS_ERROR_NET_RESET' });
      const chrome = createBrowserTransport('chrome', new FakeWebRequest().events, PATTERNS, failing(web, 'net::ERR_CERT_AUTHORITY_INVALID'), resolveHost);
      await expect(chrome.fetch('https://signal.org/', request('cert'))).rejects.toThrow();
      expect(await chrome.detail('cert')).toEqual(undefined);
      expect(asked).toEqual([]);
    });

    it('a resolver that fails or never answers leaves the failure without an address', async () => {
      vi.useFakeTimers();
      const web = new FakeWebRequest();
      const silent = createBrowserTransport('firefox', web.events, PATTERNS, failing(web, certificateError), () => new Promise(() => undefined));
      await expect(silent.fetch('https://web.whatsapp.com/', request('silent'))).rejects.toThrow();
      const detail = silent.detail('silent');
      await vi.advanceTimersByTimeAsync(RESOLVE_WAIT_MS);
      expect(await detail).toEqual({ error: certificateError });
      vi.useRealTimers();
      const web2 = new FakeWebRequest();
      const broken = createBrowserTransport('firefox', web2.events, PATTERNS, failing(web2, certificateError), () => Promise.reject(new Error('NS_ERROR_UNKNOWN_HOST')));
      await expect(broken.fetch('https://web.whatsapp.com/', request('broken'))).rejects.toThrow();
      expect(await broken.detail('broken')).toEqual({ error: certificateError });
    });
  });

  it('sends the URL unchanged, without cookies or cache', async () => {
    const web = new FakeWebRequest();
    const seen: [string, RequestInit][] = [];
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url, init) => {
      seen.push([url, init]);
      return new Response('');
    });
    await transport.fetch('http://149.154.167.51:443/', { key: 'a', method: 'POST', signal: new AbortController().signal });
    expect(seen[0]?.[0]).toBe('http://149.154.167.51:443/');
    expect(seen[0]?.[1]).toMatchObject({ method: 'POST', cache: 'no-store', credentials: 'omit', redirect: 'follow', referrerPolicy: 'no-referrer' });
  });

  it('ignores requests from tabs (the person\'s own browsing is none of its business)', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url) => {
      const tab = web.begin(url, 7);
      web.fire('onErrorOccurred', { requestId: tab, url, tabId: 7, error: 'net::ERR_CONNECTION_RESET' });
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('https://signal.org/', request('s'))).rejects.toThrow();
    expect(await transport.detail('s')).toBeUndefined();
  });

  it('two probes of the same URL never overlap (the second starts once the first is forgotten), so each gets its own events', async () => {
    const web = new FakeWebRequest();
    const order: string[] = [];
    let calls = 0;
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url) => {
      calls += 1;
      const mine = calls;
      order.push(`start ${mine}`);
      const id = web.begin(url);
      await new Promise((resolve) => setTimeout(resolve, 30));
      web.fire('onErrorOccurred', { requestId: id, url, tabId: -1, error: mine === 1 ? 'net::ERR_CONNECTION_RESET' : 'net::ERR_CONNECTION_REFUSED' });
      order.push(`end ${mine}`);
      throw new TypeError('Failed to fetch');
    });
    // As a probe does: fetch, then read the detail, then forget.
    const probe = async (key: string) => {
      await transport.fetch('https://signal.org/', request(key)).catch(() => undefined);
      const detail = await transport.detail(key);
      transport.forget(key);
      return detail;
    };
    const [one, two] = await Promise.all([probe('one'), probe('two')]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    expect(one).toEqual({ error: 'net::ERR_CONNECTION_RESET' });
    expect(two).toEqual({ error: 'net::ERR_CONNECTION_REFUSED' });
  });

  it('a request the browser never reported (no host permission) has no detail', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('https://example.org/', request('x'))).rejects.toThrow();
    expect(await transport.detail('x')).toBeUndefined();
  });

  it('listens only to its own requests (no tab) to the probed hosts, never to a catch-all', () => {
    const web = new FakeWebRequest();
    createBrowserTransport('chrome', web.events, PATTERNS, async () => new Response(''));
    expect(web.filters()).toHaveLength(5);
    for (const filter of web.filters()) {
      expect(filter.tabId).toBe(-1);
      expect(filter.urls).toEqual(PATTERNS);
      expect(filter.urls.some((pattern) => /^(\*|https?):\/\/\*\//.test(pattern) || pattern === '<all_urls>')).toBe(false);
    }
  });

  it('a page the person opens, even on a probed host and during a probe of that URL, is never seen nor kept', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, async (url) => {
      // The person's tab loads the same URL while the probe runs, and fails: none of it may reach the probe.
      const tab = web.begin(url, 3);
      web.fire('onResponseStarted', { requestId: tab, url, tabId: 3, ip: '203.0.113.9' });
      web.fire('onErrorOccurred', { requestId: tab, url, tabId: 3, error: 'net::ERR_CONNECTION_RESET' });
      const own = web.begin(url);
      web.fire('onCompleted', { requestId: own, url, tabId: -1, ip: '198.18.0.7' });
      return new Response('');
    });
    await transport.fetch('https://signal.org/', request('p'));
    expect(await transport.detail('p')).toEqual({ ip: '198.18.0.7' });
  });

  it('a custom target added later is listened to from then on, and a removed one no longer', async () => {
    const web = new FakeWebRequest();
    const fail = (error: string): FetchFunction => async (url) => {
      const id = web.begin(url);
      web.fire('onErrorOccurred', { requestId: id, url, tabId: -1, error });
      throw new TypeError('Failed to fetch');
    };
    let fetchFunction = fail('net::ERR_CONNECTION_TIMED_OUT');
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, (url, init) => fetchFunction(url, init));
    await expect(transport.fetch('https://example.org/', request('before'))).rejects.toThrow();
    expect(await transport.detail('before')).toBeUndefined();
    transport.forget('before');

    transport.watch([...PATTERNS, 'https://example.org/*']);
    expect(web.filters().every((filter) => filter.urls.includes('https://example.org/*') && filter.tabId === -1)).toBe(true);
    fetchFunction = fail('net::ERR_CONNECTION_REFUSED');
    await expect(transport.fetch('https://example.org/', request('after'))).rejects.toThrow();
    expect(await transport.detail('after')).toEqual({ error: 'net::ERR_CONNECTION_REFUSED' });
    transport.forget('after');

    transport.watch(PATTERNS);
    expect(web.filters().every((filter) => !filter.urls.includes('https://example.org/*'))).toBe(true);
  });

  it('a fetch that throws at once (no request went out) does not hold its URL: the next probe of it runs', async () => {
    const web = new FakeWebRequest();
    let calls = 0;
    const transport = createBrowserTransport('chrome', web.events, PATTERNS, ((url: string) => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to construct Request');
      const id = web.begin(url);
      web.fire('onCompleted', { requestId: id, url, tabId: -1, ip: '198.18.0.9' });
      return Promise.resolve(new Response(''));
    }) as FetchFunction);
    await expect(transport.fetch('https://signal.org/', request('broken'))).rejects.toThrow('Failed to construct Request');
    // No forget('broken'): the throw already let the URL go.
    const response = await transport.fetch('https://signal.org/', request('next'));
    expect(response.status).toBe(200);
    expect(await transport.detail('next')).toEqual({ ip: '198.18.0.9' });
  });

  describe('a probe that never forgets its request', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('holds its URL no longer than QUEUE_HOLD_LIMIT_MS: the next probe of that URL then runs', async () => {
      vi.useFakeTimers();
      const web = new FakeWebRequest();
      let started = 0;
      const transport = createBrowserTransport('chrome', web.events, PATTERNS, async () => {
        started += 1;
        return new Response('');
      });
      await transport.fetch('https://signal.org/', request('forgotten'));
      const second = transport.fetch('https://signal.org/', request('second'));
      await vi.advanceTimersByTimeAsync(QUEUE_HOLD_LIMIT_MS - 1);
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await second;
      expect(started).toBe(2);
    });
  });
});
