import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpTask } from '../../src/probe/probe';
import { probeAnswer } from '../../src/probe/answer';
import type { RequestDetail } from '../../src/probe/transport';
import { context, settle, T0 } from './context';
import { FakeTransport, text, type Behaviour } from './fake-transport';

const ROUND = T0;
const task = (overrides: Partial<HttpTask> = {}): HttpTask => ({
  kind: 'http',
  roundStart: ROUND,
  target: { type: 'endpoint', serviceId: 'whatsapp', componentId: 'web', endpointId: 'whatsapp.web.home' },
  url: 'https://web.whatsapp.com/',
  method: 'GET',
  ...overrides,
});

async function run(environment: 'chrome' | 'firefox' | 'node', behaviour: Behaviour, t = task(), tunables = {}) {
  const transport = new FakeTransport(environment, behaviour);
  const observation = await settle(probeAnswer(t, context(transport, tunables)));
  return { observation, transport };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('http probe: answers', () => {
  it('counts a 403 as an answer, with status, address and its own request key', async () => {
    const { observation, transport } = await run('chrome', {
      type: 'answer',
      status: 403,
      headers: { 'content-type': 'text/html' },
      chunks: [{ afterMs: 20, bytes: '<html>Forbidden</html>' }],
      afterMs: 120,
      detail: { ip: '157.240.0.53' },
    });
    expect(observation).toMatchObject({
      ok: true,
      status: 403,
      ip: '157.240.0.53',
      url: 'https://web.whatsapp.com/',
      kind: 'http',
      method: 'GET',
      at: T0,
      reached: { headers: true, bytes: 22 },
    });
    expect(observation.failure).toBeUndefined();
    expect(observation.finalUrl).toBeUndefined();
    expect(observation.ms).toBe(140);
    // One request, sent to the URL exactly as written (no marker on the wire), then looked up and
    // forgotten under its own key.
    const [sent] = transport.sent;
    expect(sent?.url).toBe('https://web.whatsapp.com/');
    expect(sent?.key).toMatch(new RegExp(`^${ROUND}-\\d+$`));
    expect(transport.detailAsked).toEqual([sent?.key]);
    expect(transport.forgotten).toEqual([sent?.key]);
    expect(observation.wireBytes).toBeGreaterThan(22);
  });

  it('gives every request its own key, even for the same URL', async () => {
    const transport = new FakeTransport('chrome', { type: 'answer' }, { type: 'answer' });
    const ctx = context(transport);
    await settle(Promise.all([probeAnswer(task(), ctx), probeAnswer(task(), ctx)]));
    const [a, b] = transport.sent.map((s) => s.key);
    expect(a).not.toBe(b);
    expect(transport.sent.map((s) => s.url)).toEqual(['https://web.whatsapp.com/', 'https://web.whatsapp.com/']);
  });

  it('keeps the rest of the URL intact and sends POSTs without a body', async () => {
    const { transport } = await run('chrome', { type: 'answer', status: 411 }, task({ url: 'http://149.154.167.51/?a=b%20c#x', method: 'POST' }));
    expect(transport.sent[0]?.url).toBe('http://149.154.167.51/?a=b%20c#x');
    expect(transport.sent[0]?.method).toBe('POST');
    expect(transport.sent[0]?.body).toBeUndefined();
  });

  it('reads no body for HEAD', async () => {
    const { observation } = await run('chrome', { type: 'answer', status: 200, headers: { 'content-type': 'text/html' } }, task({ method: 'HEAD' }));
    expect(observation).toMatchObject({ ok: true, status: 200, reached: { headers: true, bytes: 0 } });
  });

  it('does not read a binary body', async () => {
    const { observation } = await run('chrome', {
      type: 'answer',
      headers: { 'content-type': 'image/png' },
      chunks: [{ bytes: 'Доступ ограничен' }],
    });
    expect(observation).toMatchObject({ ok: true, reached: { headers: true, bytes: 0 } });
    expect(observation.blockpage).toBeUndefined();
  });
});

describe('http probe: blockpages', () => {
  it('flags a redirect to a blockpage host, keeping the final URL', async () => {
    const { observation } = await run('chrome', {
      type: 'answer',
      status: 200,
      finalUrl: 'http://warning.rt.ru/?id=17',
      headers: { 'content-type': 'text/html' },
      chunks: [{ bytes: '<html>…</html>' }],
    });
    expect(observation).toMatchObject({ ok: false, status: 200, blockpage: 'ru-rtk-redirect', finalUrl: 'http://warning.rt.ru/?id=17' });
    expect(observation.failure).toBeUndefined();
  });

  it('matches a host suffix fingerprint', async () => {
    const { observation } = await run('chrome', { type: 'answer', finalUrl: 'https://stop.blocked.example/', headers: { 'content-type': 'text/plain' } }, task({ method: 'HEAD' }));
    expect(observation).toMatchObject({ ok: false, blockpage: 'ru-suffix-redirect' });
  });

  it('flags a body marker in the first bytes, in UTF-8 or in the page’s windows-1251', async () => {
    const utf8 = await run('chrome', {
      type: 'answer',
      headers: { 'content-type': 'text/html; charset=utf-8' },
      chunks: [{ bytes: '<html><title>Доступ ограничен</title>' }, { bytes: '</html>' }],
    });
    expect(utf8.observation).toMatchObject({ ok: false, status: 200, blockpage: 'ru-marker' });

    // "Доступ ограничен" in windows-1251, declared in a <meta> tag only.
    const cp1251 = Uint8Array.from([0xc4, 0xee, 0xf1, 0xf2, 0xf3, 0xef, 0x20, 0xee, 0xe3, 0xf0, 0xe0, 0xed, 0xe8, 0xf7, 0xe5, 0xed]);
    const meta = text('<html><head><meta charset="windows-1251"></head><body>');
    const legacy = await run('firefox', { type: 'answer', headers: { 'content-type': 'text/html' }, chunks: [{ bytes: meta }, { bytes: cp1251 }] });
    expect(legacy.observation).toMatchObject({ ok: false, blockpage: 'ru-marker' });
  });

  it('reads only the first sniff bytes, then lets the rest go', async () => {
    const page = '<html>' + 'x'.repeat(100) + 'peyvandha.ir</html>';
    const { observation } = await run('chrome', { type: 'answer', headers: { 'content-type': 'text/html' }, chunks: [{ bytes: page }], end: 'hang' }, task(), {
      sniffBytes: 50,
    });
    expect(observation.blockpage).toBeUndefined();
    expect(observation.ok).toBe(true);
    expect(observation.reached.bytes).toBe(text(page).byteLength);
    expect(observation.failure).toBeUndefined();
  });

  it('an ordinary page is not a blockpage', async () => {
    const { observation } = await run('chrome', { type: 'answer', headers: { 'content-type': 'text/html' }, chunks: [{ bytes: '<html>WhatsApp Web</html>' }] });
    expect(observation.ok).toBe(true);
    expect(observation.blockpage).toBeUndefined();
  });
});

describe('http probe: failures', () => {
  it('a request that never answers times out at the headers timer with nothing reached', async () => {
    const { observation } = await run('chrome', { type: 'hang', detail: { error: 'net::ERR_ABORTED' } }, task(), { headersTimeoutMs: 300 });
    expect(observation).toMatchObject({ ok: false, failure: 'timeout', raw: 'net::ERR_ABORTED', reached: { headers: false, bytes: 0 }, ms: 300 });
    expect(observation.status).toBeUndefined();
  });

  it('a transport that ignores its signal still cannot hang the probe', async () => {
    const { observation } = await run('chrome', { type: 'deaf' }, task(), { headersTimeoutMs: 200 });
    expect(observation).toMatchObject({ ok: false, failure: 'timeout', raw: 'TimeoutError: no response headers within 200 ms', ms: 200 });
  });

  const REJECTIONS: readonly (readonly [string, 'chrome' | 'firefox' | 'node', RequestDetail, string])[] = [
    ['DNS NXDOMAIN', 'chrome', { error: 'net::ERR_NAME_NOT_RESOLVED' }, 'dns_nxdomain'],
    ['refused', 'chrome', { error: 'net::ERR_CONNECTION_REFUSED' }, 'connect_refused'],
    ['reset', 'chrome', { error: 'net::ERR_CONNECTION_RESET', ip: '157.240.0.53' }, 'connection_reset'],
    ['interception', 'chrome', { error: 'net::ERR_CERT_AUTHORITY_INVALID', ip: '157.240.0.53' }, 'tls_cert_authority'],
    ['offline', 'chrome', { error: 'net::ERR_INTERNET_DISCONNECTED' }, 'offline'],
    ['Firefox reset', 'firefox', { error: 'NS_ERROR_NET_RESET', ip: '157.240.0.53' }, 'connection_reset'],
    ['Firefox expired', 'firefox', { error: 'Peer’s Certificate has expired.', ip: '157.240.0.53' }, 'tls_cert_date'],
    ['Node close in TLS', 'node', { error: 'ECONNRESET: Client network socket disconnected before secure TLS connection was established', stage: 'tls' }, 'connection_closed'],
    ['Node unknown', 'node', { error: 'EWHATEVER: odd' }, 'error'],
    ['no detail at all', 'chrome', {}, 'error'],
  ];

  it.each(REJECTIONS)('%s → its failure, raw words kept', async (_name, environment, detail, failure) => {
    const { observation } = await run(environment, { type: 'reject', detail, afterMs: 40 });
    expect(observation).toMatchObject({ ok: false, failure, reached: { headers: false, bytes: 0 }, ms: 40 });
    expect(observation.raw).toBe(detail.error ?? 'TypeError: Failed to fetch');
    if (detail.ip) expect(observation.ip).toBe(detail.ip);
  });

  it('an answer whose body breaks off still counts, and says how it broke', async () => {
    const { observation } = await run('chrome', {
      type: 'answer',
      headers: { 'content-type': 'text/html' },
      chunks: [{ bytes: '<html>' }],
      end: { error: new TypeError('network error'), afterMs: 10 },
      detail: { error: 'net::ERR_CONNECTION_RESET' },
    });
    expect(observation).toMatchObject({ ok: true, status: 200, failure: 'connection_reset', raw: 'net::ERR_CONNECTION_RESET', reached: { headers: true, bytes: 6 } });
  });

  it('a body that stalls ends at the body timer as a timeout after the headers', async () => {
    const { observation } = await run(
      'firefox',
      { type: 'answer', headers: { 'content-type': 'text/html' }, chunks: [{ bytes: '<html>' }], end: 'hang', detail: { error: 'NS_BINDING_ABORTED' } },
      task(),
      { bodyTimeoutMs: 250 },
    );
    expect(observation).toMatchObject({ ok: true, failure: 'timeout', reached: { headers: true, bytes: 6 }, ms: 250 });
  });

  it('a bad URL is an observation, not a crash', async () => {
    const transport = new FakeTransport('chrome', { type: 'reject', thrown: new TypeError('Failed to parse URL from not a url') });
    const observation = await settle(probeAnswer(task({ url: 'not a url' }), context(transport)));
    expect(observation).toMatchObject({ ok: false, failure: 'error', wireBytes: 0 });
  });
});

describe('http probe: DNS lies', () => {
  it('a failure after connecting to a bogus address is dns_bogus, raw kept', async () => {
    const { observation } = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_CERT_COMMON_NAME_INVALID', ip: '10.10.34.34' } });
    expect(observation).toMatchObject({ ok: false, failure: 'dns_bogus', raw: 'net::ERR_CERT_COMMON_NAME_INVALID', ip: '10.10.34.34' });
  });

  it('an IPv4-mapped bogus address counts too', async () => {
    const { observation } = await run('node', { type: 'reject', detail: { error: 'ECONNREFUSED', ip: '::ffff:127.0.0.1', stage: 'connect' } });
    expect(observation.failure).toBe('dns_bogus');
  });

  it('a blockpage from a bogus address stays a blockpage', async () => {
    const { observation } = await run('chrome', {
      type: 'answer',
      headers: { 'content-type': 'text/html' },
      chunks: [{ bytes: 'peyvandha.ir' }],
      detail: { ip: '10.10.34.34' },
    }, task({ url: 'http://telegram.me/' }));
    expect(observation).toMatchObject({ ok: false, blockpage: 'ir-marker', ip: '10.10.34.34' });
    expect(observation.failure).toBeUndefined();
  });

  it('an answer from a private address for a public name is not the service: a DNS lie', async () => {
    const { observation } = await run('chrome', { type: 'answer', detail: { ip: '10.10.34.34' } });
    expect(observation).toMatchObject({ ok: false, status: 200, ip: '10.10.34.34', failure: 'dns_bogus' });
  });

  it('the user\'s own target on a local name may answer from a private address', async () => {
    const target = { type: 'endpoint', serviceId: 'custom:router.lan', componentId: 'web', endpointId: 'custom:router.lan.web' } as const;
    const { observation } = await run('chrome', { type: 'answer', detail: { ip: '192.168.1.1' } }, task({ url: 'http://router.lan/', target }));
    expect(observation).toMatchObject({ ok: true, ip: '192.168.1.1' });
    expect(observation.failure).toBeUndefined();
  });

  it('a redirect the browser could not follow (no permission for the blockpage host) is still a blockpage', async () => {
    const { observation } = await run('chrome', {
      type: 'reject',
      thrown: new TypeError('Failed to fetch'),
      detail: { redirectedTo: 'http://warning.rt.ru/?id=17', error: 'net::ERR_BLOCKED_BY_CLIENT' },
    }, task({ url: 'http://t.me/' }));
    expect(observation).toMatchObject({ ok: false, blockpage: 'ru-rtk-redirect' });
  });

  it('an IP-literal URL has no resolver to lie', async () => {
    const { observation } = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_CONNECTION_REFUSED', ip: '192.168.1.1' } }, task({ url: 'http://192.168.1.1/' }));
    expect(observation.failure).toBe('connect_refused');
  });

  it('a local failure is never blamed on DNS', async () => {
    const { observation } = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_BLOCKED_BY_CLIENT', ip: '127.0.0.1' } });
    expect(observation.failure).toBe('client_blocked');
  });
});

describe('http probe: controls', () => {
  const control = (expect: HttpTask['expect']): HttpTask =>
    task({ target: { type: 'control', controlId: 'mozilla' }, url: 'http://detectportal.firefox.com/success.txt', expect });

  it('the expected answer is contentOk', async () => {
    const { observation } = await run('chrome', { type: 'answer', headers: { 'content-type': 'text/plain' }, chunks: [{ bytes: 'success\n' }] }, control({ status: 200, bodyIncludes: 'success' }));
    expect(observation).toMatchObject({ ok: true, contentOk: true });
  });

  it('a captive portal’s page is an answer with the wrong content', async () => {
    const { observation } = await run(
      'chrome',
      { type: 'answer', headers: { 'content-type': 'text/html' }, chunks: [{ bytes: '<html>Hotel Wi-Fi login</html>' }] },
      control({ bodyIncludes: 'success' }),
    );
    expect(observation).toMatchObject({ ok: true, contentOk: false });
  });

  it('a wrong status is wrong content, even for a body the probe would not read', async () => {
    const { observation } = await run('chrome', { type: 'answer', status: 302, headers: { 'content-type': 'image/gif' } }, control({ status: 204 }));
    expect(observation).toMatchObject({ ok: true, status: 302, contentOk: false });
  });

  it('reads a body the control expects text in, whatever its type', async () => {
    const { observation } = await run('chrome', { type: 'answer', headers: { 'content-type': 'application/octet-stream' }, chunks: [{ bytes: 'success' }] }, control({ bodyIncludes: 'success' }));
    expect(observation.contentOk).toBe(true);
  });

  it('a body that broke off leaves the content unjudged', async () => {
    const { observation } = await run(
      'chrome',
      { type: 'answer', headers: { 'content-type': 'text/plain' }, chunks: [{ bytes: 'suc' }], end: { error: new TypeError('network error') } },
      control({ status: 200, bodyIncludes: 'success' }),
    );
    expect(observation.ok).toBe(true);
    expect(observation.contentOk).toBeUndefined();
  });

  it('a failed control has no content verdict', async () => {
    const { observation } = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_NAME_NOT_RESOLVED' } }, control({ bodyIncludes: 'success' }));
    expect(observation.contentOk).toBeUndefined();
  });
});
