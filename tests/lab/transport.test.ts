/**
 * The Node transport (src/cli/node-transport.ts) driven through the lab: real requests for the
 * catalogue's real URLs, and for each behaviour the raw error it records, the stage it reached,
 * and what Node's failure table makes of it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../../src/cli/node-transport';
import { nodeFailure } from '../../src/probe/failure/node';
import type { RequestDetail, Transport } from '../../src/probe/transport';
import { BOGUS_ADDRESS, type Behaviour } from './behaviour';
import { createLab, type Lab } from './lab';
import { STALL_AFTER_BYTES } from './servers/stall';

/** Our own timer for cases that only a timer ends (silence, black hole, a mute resolver), ms. Short: nothing will come. */
const GIVE_UP_MS = 800;
/** How long a test watches for bytes that must not come, ms; a slow machine cannot make it pass wrongly. */
const QUIET_WINDOW_MS = 400;

let lab: Lab;
let transport: Transport;
let counter = 0;

beforeAll(async () => {
  lab = await createLab();
  transport = createNodeTransport(lab.network());
});

afterEach(() => {
  expect(lab.errors()).toEqual([]);
  lab.reset();
});

afterAll(async () => {
  await lab.close();
});

interface Outcome {
  readonly status?: number;
  readonly finalUrl?: string;
  readonly body?: string;
  readonly bodyBytes?: number;
  readonly thrown?: unknown;
  readonly detail: RequestDetail | undefined;
}

/** One request through the transport, its body read to the end or until the timer fires. */
async function send(url: string, init: { method?: 'GET' | 'HEAD' | 'POST'; timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<Outcome> {
  const key = `lab-${(counter += 1)}`;
  const signal = AbortSignal.timeout(init.timeoutMs ?? 10_000);
  try {
    const response = await transport.fetch(url, { key, method: init.method ?? 'GET', signal, ...(init.headers ? { headers: init.headers } : {}) });
    let bodyBytes = 0;
    const chunks: Uint8Array[] = [];
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        bodyBytes += chunk.value.length;
        chunks.push(chunk.value);
      }
    } catch (thrown) {
      return { status: response.status, finalUrl: response.url, bodyBytes, thrown, detail: await transport.detail(key) };
    }
    const body = Buffer.concat(chunks).toString('utf8');
    return { status: response.status, finalUrl: response.url, body, bodyBytes, detail: await transport.detail(key) };
  } catch (thrown) {
    return { thrown, detail: await transport.detail(key) };
  } finally {
    transport.forget(key);
  }
}

describe('Node transport in the lab', () => {
  it('reaches the catalogue hosts as they are: https by name, plain-HTTP POST to a Telegram DC on :443', async () => {
    const web = await send('https://web.whatsapp.com/', { method: 'HEAD' });
    expect(web).toMatchObject({ status: 200, detail: { ip: lab.addressOf('web.whatsapp.com'), stage: 'http' } });
    const dc = await send('http://149.154.167.51:443/', { method: 'POST' });
    expect(dc).toMatchObject({ status: 200, detail: { ip: '149.154.167.51', stage: 'http' } });
    expect(lab.requests('149.154.167.51')).toMatchObject([{ method: 'POST', path: '/', tls: false, port: 443 }]);
  });

  it.each<[Behaviour, RegExp, string, string]>([
    ['reset-after-hello', /^ECONNRESET$/, 'tls', 'connection_reset'],
    ['close-after-hello', /^ECONNRESET: Client network socket disconnected before secure TLS connection was established$/, 'tls', 'connection_closed'],
    ['wrong-cert:self-signed', /^DEPTH_ZERO_SELF_SIGNED_CERT/, 'tls', 'tls_cert_authority'],
    ['wrong-cert:wrong-name', /^ERR_TLS_CERT_ALTNAME_INVALID/, 'tls', 'tls_cert_name'],
    ['wrong-cert:expired', /^CERT_HAS_EXPIRED/, 'tls', 'tls_cert_date'],
    ['refuse', /^ECONNREFUSED$/, 'connect', 'connect_refused'],
  ])('%s over https: raw %s at stage %s, read as %s', async (behaviour, raw, stage, failure) => {
    lab.host('web.whatsapp.com').behave(behaviour);
    const outcome = await send('https://web.whatsapp.com/');
    expect(outcome.thrown).toBeDefined();
    expect(outcome.detail?.error).toMatch(raw);
    expect(outcome.detail?.stage).toBe(stage);
    expect(outcome.detail?.ip).toBe(lab.addressOf('web.whatsapp.com'));
    expect(nodeFailure(outcome.detail?.error ?? '')).toBe(failure);
  });

  it('reset-after-hello over plain HTTP: the request is reset', async () => {
    lab.address('149.154.167.51').behave('reset-after-hello');
    const outcome = await send('http://149.154.167.51:443/', { method: 'POST' });
    expect(nodeFailure(outcome.detail?.error ?? '')).toBe('connection_reset');
  });

  it('close-after-hello over plain HTTP: undici says the other side closed', async () => {
    lab.address('149.154.167.51').behave('close-after-hello');
    const outcome = await send('http://149.154.167.51/', { method: 'POST' });
    expect(outcome.detail?.error).toMatch(/^UND_ERR_SOCKET/);
    expect(nodeFailure(outcome.detail?.error ?? '')).toBe('connection_closed');
  });

  it.each<[string, string, Behaviour | 'dns-timeout']>([
    ['silence after the ClientHello', 'tls', 'silence-after-hello'],
    ['a black hole', 'connect', 'blackhole'],
    ['a resolver that never answers', 'dns', 'dns-timeout'],
  ])('%s ends only by our timer, at stage %s', async (_label, stage, scenario) => {
    if (scenario === 'dns-timeout') lab.dns('signal.org', 'timeout');
    else lab.host('signal.org').behave(scenario);
    const outcome = await send('https://signal.org/', { timeoutMs: GIVE_UP_MS });
    expect((outcome.thrown as Error).name).toBe('TimeoutError');
    expect(outcome.detail?.error).toMatch(/^TimeoutError/);
    expect(outcome.detail?.stage).toBe(stage);
    if (scenario === 'blackhole') expect(lab.connections('signal.org')).toBe(0);
  });

  it.each([
    ['nxdomain', /^ENOTFOUND$/, 'dns_nxdomain'],
    ['servfail', /^EAI_AGAIN$/, 'dns_nxdomain'],
  ] as const)('DNS %s: raw %s, no address, stage dns', async (dns, raw, failure) => {
    lab.dns('web.whatsapp.com', dns);
    const outcome = await send('https://web.whatsapp.com/');
    expect(outcome.detail).toMatchObject({ stage: 'dns' });
    expect(outcome.detail?.error).toMatch(raw);
    expect(outcome.detail?.ip).toBeUndefined();
    expect(nodeFailure(outcome.detail?.error ?? '')).toBe(failure);
  });

  it('a DNS lie on an https URL: the blockpage server at 10.10.34.34 fails the name check', async () => {
    lab.dns('www.instagram.com', 'bogus');
    const outcome = await send('https://www.instagram.com/');
    expect(outcome.detail).toMatchObject({ ip: BOGUS_ADDRESS, stage: 'tls' });
    expect(nodeFailure(outcome.detail?.error ?? '')).toBe('tls_cert_name');
  });

  it('a DNS lie on a plain-HTTP URL: the blockpage, from 10.10.34.34', async () => {
    lab.dns('t.me', 'bogus');
    const outcome = await send('http://t.me/');
    expect(outcome).toMatchObject({ status: 200, detail: { ip: BOGUS_ADDRESS } });
    expect(outcome.body).toContain(lab.blockpage.marker);
  });

  it('blockpage: a 200 whose body carries the marker', async () => {
    lab.service('signal').behave('blockpage');
    const outcome = await send('https://signal.org/');
    expect(outcome.status).toBe(200);
    expect(outcome.body).toContain(lab.blockpage.marker);
    expect(outcome.detail?.error).toBeUndefined();
  });

  it('blockpage-redirect: followed to the blockpage host', async () => {
    lab.host('x.com').behave('blockpage-redirect');
    const outcome = await send('https://x.com/');
    expect(outcome.status).toBe(200);
    expect(new URL(outcome.finalUrl ?? '').hostname).toBe(lab.blockpage.redirectHost);
    expect(outcome.body).toContain(lab.blockpage.marker);
  });

  it('stall: headers, then exactly 16 KiB, then nothing until the caller gives up', async () => {
    lab.host('i.ytimg.com').behave('stall');
    const key = `lab-${(counter += 1)}`;
    const controller = new AbortController();
    const response = await transport.fetch('https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg', { key, method: 'GET', signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body?.getReader();
    let bytes = 0;
    while (reader && bytes < STALL_AFTER_BYTES) {
      const chunk = await reader.read();
      if (chunk.done) break;
      bytes += chunk.value.length;
    }
    expect(bytes).toBe(STALL_AFTER_BYTES);
    const next = await Promise.race([
      reader?.read().then(
        () => 'more',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('quiet'), QUIET_WINDOW_MS)),
    ]);
    expect(next).toBe('quiet');
    controller.abort(new DOMException('the test gave up', 'TimeoutError'));
    expect(await transport.detail(key)).toMatchObject({ stage: 'http', error: 'TimeoutError: the test gave up' });
    transport.forget(key);
  });

  it('error-5xx: an answer, with no error recorded', async () => {
    lab.host('web.telegram.org').behave('error-5xx');
    const outcome = await send('https://web.telegram.org/', { method: 'HEAD' });
    expect(outcome.status).toBe(503);
    expect(outcome.detail?.error).toBeUndefined();
  });

  it('a throughput object comes whole through the working lab, and the lab counts its bytes', async () => {
    const outcome = await send('https://speed.cloudflare.com/__down?bytes=65536', { headers: { range: 'bytes=0-65535' } });
    expect(outcome.status).toBe(206);
    expect(outcome.bodyBytes).toBe(65_536);
    expect(lab.bytes('speed.cloudflare.com')).toBeGreaterThan(65_536);
    expect(lab.connections('speed.cloudflare.com')).toBe(1);
  });
});
