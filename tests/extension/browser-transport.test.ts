/**
 * The browser transport joins webRequest events to requests by URL. Events are played by hand
 * here, in the orders browsers really send them (the error may trail the fetch's rejection).
 */
import { describe, expect, it } from 'vitest';
import { createBrowserTransport, type FetchFunction, type WebRequestEvents } from '../../extension/background/browser-transport';

type Listener = (details: never) => void;

class FakeWebRequest {
  readonly listeners = new Map<string, Listener>();
  readonly events: WebRequestEvents;
  private next = 1;
  constructor() {
    const event = (name: string) => ({ addListener: (listener: Listener) => void this.listeners.set(name, listener) });
    this.events = {
      onBeforeRequest: event('onBeforeRequest'),
      onBeforeRedirect: event('onBeforeRedirect'),
      onResponseStarted: event('onResponseStarted'),
      onCompleted: event('onCompleted'),
      onErrorOccurred: event('onErrorOccurred'),
    } as unknown as WebRequestEvents;
  }
  fire(name: string, details: object): void {
    (this.listeners.get(name) as (details: object) => void)(details);
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
    const transport = createBrowserTransport('chrome', web.events, fetchFunction);
    await expect(transport.fetch('https://web.whatsapp.com/', request('k1'))).rejects.toThrow('Failed to fetch');
    expect(await transport.detail('k1')).toEqual({ error: 'net::ERR_NAME_NOT_RESOLVED' });
    transport.forget('k1');
    expect(await transport.detail('k1')).toBeUndefined();
  });

  it('joins events that arrive after the fetch already rejected, even the first one', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, async (url) => {
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
    const transport = createBrowserTransport('chrome', web.events, async (url) => {
      const id = web.begin(url);
      web.fire('onBeforeRedirect', { requestId: id, url, tabId: -1, redirectUrl: 'http://warning.rt.ru/?id=1' });
      web.fire('onErrorOccurred', { requestId: id, url: 'http://warning.rt.ru/?id=1', tabId: -1, error: 'net::ERR_FAILED' });
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('http://t.me/', request('r'))).rejects.toThrow();
    expect(await transport.detail('r')).toEqual({ error: 'net::ERR_FAILED', redirectedTo: 'http://warning.rt.ru/?id=1' });
  });

  it('records the address of an answer', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('firefox', web.events, async (url) => {
      const id = web.begin(url);
      web.fire('onResponseStarted', { requestId: id, url, tabId: -1, ip: '157.240.0.53' });
      web.fire('onCompleted', { requestId: id, url, tabId: -1, ip: '157.240.0.53' });
      return new Response(null, { status: 403 });
    });
    const response = await transport.fetch('https://web.whatsapp.com', request('k'));
    expect(response.status).toBe(403);
    expect(await transport.detail('k')).toEqual({ ip: '157.240.0.53' });
  });

  it('sends the URL unchanged, without cookies or cache', async () => {
    const web = new FakeWebRequest();
    const seen: [string, RequestInit][] = [];
    const transport = createBrowserTransport('chrome', web.events, async (url, init) => {
      seen.push([url, init]);
      return new Response('');
    });
    await transport.fetch('http://149.154.167.51:443/', { key: 'a', method: 'POST', signal: new AbortController().signal });
    expect(seen[0]?.[0]).toBe('http://149.154.167.51:443/');
    expect(seen[0]?.[1]).toMatchObject({ method: 'POST', cache: 'no-store', credentials: 'omit', redirect: 'follow', referrerPolicy: 'no-referrer' });
  });

  it('ignores requests from tabs (the person\'s own browsing is none of its business)', async () => {
    const web = new FakeWebRequest();
    const transport = createBrowserTransport('chrome', web.events, async (url) => {
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
    const transport = createBrowserTransport('chrome', web.events, async (url) => {
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
    const transport = createBrowserTransport('chrome', web.events, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(transport.fetch('https://example.org/', request('x'))).rejects.toThrow();
    expect(await transport.detail('x')).toBeUndefined();
  });
});
