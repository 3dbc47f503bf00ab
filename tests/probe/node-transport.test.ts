/**
 * The Node transport against real servers on loopback, driven through the real probes: every
 * kind of failure a censor can cause, seen the way Node sees it, recorded and normalized.
 * Host names resolve through a test `NodeNetwork` to 45.67.0.x addresses (the labs' public-looking
 * block, `src/catalogue/lab-range.ts`), which it routes to the loopback servers (or into a black hole).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeTransport, type NodeTransportOptions } from '../../src/cli/node-transport';
import type { NodeNetwork, Route } from '../../src/cli/node-network';
import { probeAnswer } from '../../src/probe/answer';
import type { Observation } from '../../src/probe/observation';
import type { HttpTask, ProbeContext, ProbeTunables, ThroughputTask } from '../../src/probe/probe';
import { measureThroughput } from '../../src/probe/throughput';
import type { RequestDetail, Transport } from '../../src/probe/transport';
import { GOOD_HOST, GOOD_IP, makeCertificates, type TestCertificates } from './certificates';
import { FINGERPRINTS, BOGUS_PREFIXES } from './context';
import { closedPort, httpServer, httpsServer, tcpServer, type Loopback } from './loopback-servers';

const KIB = 1024;
/** Generous, so a loaded machine never fails a case that should answer; hang cases shorten them. */
const ANSWERING: Partial<ProbeTunables> = { headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000 };
const HANGING: Partial<ProbeTunables> = { headersTimeoutMs: 400, bodyTimeoutMs: 400, stallGapMs: 200 };

let certs: TestCertificates;
const servers: Record<string, Loopback> = {};
let refusedPort = 0;

/** What each test's network does: names → answers, addresses → routes. */
let names = new Map<string, () => Promise<string[]>>();
let routes = new Map<string, Route>();

const network: NodeNetwork = {
  resolve: (hostname) => {
    const answer = names.get(hostname);
    if (answer) return answer();
    return Promise.reject(Object.assign(new Error(`queryA ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  },
  route: (address, port) => routes.get(`${address}:${port}`) ?? 'blackhole',
  get ca() {
    return [certs.caPem];
  },
};

function toLoopback(server: Loopback): Route {
  return { host: '127.0.0.1', port: server.port };
}

/** `name` resolves to `address`, and `address:port` leads to `route`. */
function place(name: string, address: string, port: number, route: Route): void {
  names.set(name, async () => [address]);
  routes.set(`${address}:${port}`, route);
}

/** Probes through a fresh transport; returns the observation and what the transport recorded. */
async function probe(
  task: HttpTask,
  tunables: Partial<ProbeTunables> = ANSWERING,
  options: NodeTransportOptions = {},
): Promise<{ observation: Observation; detail: RequestDetail | undefined }> {
  const inner = createNodeTransport(network, options);
  let detail: RequestDetail | undefined;
  const transport: Transport = {
    ...inner,
    detail: async (url) => (detail = await inner.detail(url)),
  };
  const observation = await probeAnswer(task, context(transport, tunables));
  return { observation, detail };
}

function context(transport: Transport, tunables: Partial<ProbeTunables>): ProbeContext {
  return { transport, now: () => Date.now(), blockpages: FINGERPRINTS, bogusAddressPrefixes: BOGUS_PREFIXES, tunables };
}

function get(url: string, method: HttpTask['method'] = 'GET'): HttpTask {
  return { kind: 'http', roundStart: 1, target: { type: 'control', controlId: 'test' }, url, method };
}

beforeAll(async () => {
  certs = makeCertificates();
  const page = (body: string, status = 200) => (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };
  servers.plain = await httpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/missing') return page('<html>no such page</html>', 404)(req, res);
    if (path === '/to-blockpage') {
      res.writeHead(302, { location: 'http://warning.rt.ru/?from=plain' });
      return res.end();
    }
    if (path === '/object') {
      // 256 KiB of a deterministic pattern, honouring "Range: bytes=a-b".
      const size = 256 * KIB;
      const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const start = range ? Number(range[1]) : 0;
      const end = range ? Math.min(Number(range[2]), size - 1) : size - 1;
      const body = Buffer.alloc(end - start + 1, 0x61);
      res.writeHead(range ? 206 : 200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      return res.end(body);
    }
    if (path === '/stall') {
      // Headers and 16 KiB, then silence with the connection kept open.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.write(Buffer.alloc(16 * KIB, 0x62));
    }
    return page(`<html>${req.method} answered</html>`)(req, res);
  });
  servers.blockpage = await httpServer(page('<html><title>Доступ ограничен</title></html>'));
  servers.good = await httpsServer(certs.good, page('<html>lab</html>'));
  servers.selfSigned = await httpsServer(certs.selfSigned, page('never seen'));
  servers.wrongName = await httpsServer(certs.wrongName, page('never seen'));
  servers.expired = await httpsServer(certs.expired, page('never seen'));
  servers.resetAfterHello = await tcpServer((socket) => socket.resetAndDestroy());
  servers.finAfterHello = await tcpServer((socket) => socket.end());
  servers.silenceAfterHello = await tcpServer(() => undefined);
  servers.notHttp = await tcpServer((socket) => socket.end('HELLO NOT HTTP\r\n\r\n'));
  refusedPort = await closedPort();
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
  certs?.remove();
});

beforeEach(() => {
  names = new Map();
  routes = new Map();
});

describe('Node transport: answers', () => {
  it('a 200 over plain HTTP, with the address from DNS and the http stage', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    const { observation, detail } = await probe(get('http://plain.test/'));
    expect(observation).toMatchObject({ ok: true, status: 200, ip: '45.67.0.1', reached: { headers: true } });
    expect(observation.failure).toBeUndefined();
    expect(detail).toMatchObject({ ip: '45.67.0.1', stage: 'http' });
  });

  it('a 404 is an answer', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    const { observation } = await probe(get('http://plain.test/missing'));
    expect(observation).toMatchObject({ ok: true, status: 404 });
  });

  it('HTTPS with the test CA trusted, SNI and checks for the URL’s host although routed to loopback', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers.good!));
    const { observation, detail } = await probe(get(`https://${GOOD_HOST}/`, 'HEAD'));
    expect(observation).toMatchObject({ ok: true, status: 200, ip: '45.67.0.2' });
    expect(detail?.stage).toBe('http');
  });

  it('an IP-literal URL skips DNS and checks the certificate against that IP', async () => {
    routes.set(`${GOOD_IP}:443`, toLoopback(servers.good!));
    const { observation } = await probe(get(`https://${GOOD_IP}/`));
    expect(observation).toMatchObject({ ok: true, status: 200, ip: GOOD_IP });
  });

  it('a plain-HTTP POST to a data-centre address, as Telegram’s are probed', async () => {
    routes.set('149.154.167.51:80', toLoopback(servers.plain!));
    const { observation } = await probe(get('http://149.154.167.51/', 'POST'));
    expect(observation).toMatchObject({ ok: true, status: 200 });
  });

  it('follows a redirect to a blockpage host and recognises the page', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    place('warning.rt.ru', '45.67.0.9', 80, toLoopback(servers.blockpage!));
    const { observation } = await probe(get('http://plain.test/to-blockpage'));
    expect(observation).toMatchObject({ ok: false, status: 200, blockpage: 'ru-rtk-redirect', finalUrl: 'http://warning.rt.ru/?from=plain' });
  });

  it('opens a fresh connection for every request and lets each go afterwards', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    const before = servers.plain!.connections();
    await probe(get('http://plain.test/'));
    await probe(get('http://plain.test/'));
    expect(servers.plain!.connections() - before).toBe(2);
    await servers.plain!.drained(); // hangs (and the test times out) if a connection were kept alive
  });
});

describe('Node transport: failures', () => {
  it('a closed port is connect_refused', async () => {
    place('plain.test', '45.67.0.1', 80, { host: '127.0.0.1', port: refusedPort });
    const { observation, detail } = await probe(get('http://plain.test/'));
    expect(observation).toMatchObject({ ok: false, failure: 'connect_refused', raw: 'ECONNREFUSED', ip: '45.67.0.1' });
    expect(detail?.stage).toBe('connect');
  });

  it('a reset after the ClientHello is connection_reset at the TLS stage', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers.resetAfterHello!));
    const { observation, detail } = await probe(get(`https://${GOOD_HOST}/`));
    expect(observation).toMatchObject({ ok: false, failure: 'connection_reset', raw: 'ECONNRESET', reached: { headers: false, bytes: 0 } });
    expect(detail?.stage).toBe('tls');
  });

  it('a FIN after the ClientHello is connection_closed', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers.finAfterHello!));
    const { observation, detail } = await probe(get(`https://${GOOD_HOST}/`));
    expect(observation).toMatchObject({ ok: false, failure: 'connection_closed' });
    expect(observation.raw).toMatch(/^ECONNRESET: Client network socket disconnected before secure TLS connection/);
    expect(detail?.stage).toBe('tls');
  });

  it('a FIN instead of an HTTP answer is connection_closed', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.finAfterHello!));
    const { observation } = await probe(get('http://plain.test/'));
    expect(observation).toMatchObject({ ok: false, failure: 'connection_closed', raw: 'UND_ERR_SOCKET: other side closed' });
  });

  it('a non-HTTP answer is http_protocol', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.notHttp!));
    const { observation } = await probe(get('http://plain.test/'));
    expect(observation).toMatchObject({ ok: false, failure: 'http_protocol' });
    // undici names this one by its class only (no HPE_ code).
    expect(observation.raw).toMatch(/^(HPE_\w+|HTTPParserError): /);
  });

  it('plain HTTP spoken to a TLS port is tls_protocol', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers.plain!));
    const { observation } = await probe(get(`https://${GOOD_HOST}/`));
    expect(observation).toMatchObject({ ok: false, failure: 'tls_protocol' });
  });

  it.each([
    ['self-signed', 'selfSigned', 'tls_cert_authority', /^DEPTH_ZERO_SELF_SIGNED_CERT/],
    ['for another name', 'wrongName', 'tls_cert_name', /^ERR_TLS_CERT_ALTNAME_INVALID/],
    ['expired', 'expired', 'tls_cert_date', /^CERT_HAS_EXPIRED/],
  ])('a certificate %s is %s', async (_name, server, failure, raw) => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers[server]!));
    const { observation, detail } = await probe(get(`https://${GOOD_HOST}/`));
    expect(observation).toMatchObject({ ok: false, failure, ip: '45.67.0.2' });
    expect(observation.raw).toMatch(raw);
    expect(detail?.stage).toBe('tls');
  });

  it('the same wrong certificate from a DNS lie to a private address is dns_bogus', async () => {
    place(GOOD_HOST, '10.10.34.34', 443, toLoopback(servers.wrongName!));
    const { observation } = await probe(get(`https://${GOOD_HOST}/`));
    expect(observation).toMatchObject({ ok: false, failure: 'dns_bogus', ip: '10.10.34.34' });
    expect(observation.raw).toMatch(/^ERR_TLS_CERT_ALTNAME_INVALID/);
  });

  it('NXDOMAIN from the resolver is dns_nxdomain, with no address', async () => {
    const { observation, detail } = await probe(get('https://web.whatsapp.com/'));
    expect(observation).toMatchObject({ ok: false, failure: 'dns_nxdomain', raw: 'ENOTFOUND', reached: { headers: false, bytes: 0 } });
    expect(observation.ip).toBeUndefined();
    expect(detail?.stage).toBe('dns');
  });

  it('a resolver that never answers is dns_timeout when our timer fires', async () => {
    names.set('web.whatsapp.com', () => new Promise<string[]>(() => undefined));
    const { observation } = await probe(get('https://web.whatsapp.com/'), HANGING);
    expect(observation).toMatchObject({ ok: false, failure: 'dns_timeout', reached: { headers: false, bytes: 0 } });
    expect(observation.raw).toMatch(/^TimeoutError/);
  });

  it('a black-holed address is connect_timeout when our timer fires', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, 'blackhole');
    const { observation, detail } = await probe(get(`https://${GOOD_HOST}/`), HANGING);
    expect(observation).toMatchObject({ ok: false, failure: 'connect_timeout', ip: '45.67.0.2' });
    expect(detail?.stage).toBe('connect');
  });

  it('silence after the ClientHello is tls_timeout when our timer fires', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, toLoopback(servers.silenceAfterHello!));
    // A backstop far beyond the test's own time limit: only the abort itself can close the socket.
    const { observation } = await probe(get(`https://${GOOD_HOST}/`), HANGING, { connectTimeoutMs: 3_600_000 });
    expect(observation).toMatchObject({ ok: false, failure: 'tls_timeout' });
    // The half-made connection is closed by the abort, not left to the transport's backstop.
    await servers.silenceAfterHello!.drained();
  });

  it('the transport’s own backstop ends a black hole for a caller without a timer', async () => {
    place(GOOD_HOST, '45.67.0.2', 443, 'blackhole');
    const transport = createNodeTransport(network, { connectTimeoutMs: 200 });
    const url = `https://${GOOD_HOST}/`;
    const key = 'k1';
    await expect(transport.fetch(url, { key, method: 'GET', signal: new AbortController().signal })).rejects.toThrow('fetch failed');
    expect(await transport.detail(key)).toMatchObject({ stage: 'connect', ip: '45.67.0.2' });
    expect((await transport.detail(key))?.error).toMatch(/^UND_ERR_CONNECT_TIMEOUT/);
    transport.forget(key);
    expect(await transport.detail(key)).toBeUndefined();
  });
});

describe('Node transport: throughput', () => {
  const throughput = (path: string): ThroughputTask => ({
    kind: 'throughput',
    roundStart: 1,
    target: { type: 'throughput-control', controlId: 'test' },
    url: `http://plain.test${path}`,
    method: 'GET',
    bytes: 64 * KIB,
    range: true,
  });

  it('reads the first 64 KiB of a ranged object', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    const observation = await measureThroughput(throughput('/object'), context(createNodeTransport(network), ANSWERING));
    expect(observation).toMatchObject({ ok: true, status: 206, reached: { headers: true, bytes: 64 * KIB } });
    expect(observation.transfer).toMatchObject({ complete: false, stalled: false });
  });

  it('a body that freezes after 16 KiB is a stall that keeps its bytes', async () => {
    place('plain.test', '45.67.0.1', 80, toLoopback(servers.plain!));
    const observation = await measureThroughput(throughput('/stall'), context(createNodeTransport(network), HANGING));
    expect(observation).toMatchObject({ ok: true, status: 200, reached: { headers: true, bytes: 16 * KIB } });
    expect(observation.failure).toBeUndefined();
    expect(observation.transfer?.stalled).toBe(true);
    // The frozen connection is let go once the probe gave up on it.
    await servers.plain!.drained();
  });
});
