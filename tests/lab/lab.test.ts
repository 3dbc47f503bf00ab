/**
 * The lab's network: DNS for the catalogue's real names, routing of their addresses to behaviour
 * servers, scenario helpers, counters and logs, and reuse by plain Node clients through
 * `lab.network()`.
 */
import { isIP } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { classifyAddress } from '../../src/address';
import type { Route } from '../../src/cli/node-network';
import { createAddressBook, isLabAddress } from './addresses';
import { BOGUS_ADDRESS } from './behaviour';
import { createLab, type Lab } from './lab';
import { exchange, handshake, rawExchange } from './plain-clients';
import { REFUSED_PORT } from './servers/refuse';

let lab: Lab;

beforeAll(async () => {
  lab = await createLab();
});

afterEach(() => {
  expect(lab.errors()).toEqual([]);
  lab.reset();
});

afterAll(async () => {
  await lab.close();
});

/** Every host the catalogue sends a probe to, read straight from its URLs. */
function catalogueHosts(): string[] {
  const urls = [
    ...CATALOGUE.services.flatMap((service) => [
      ...service.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)),
      ...(service.throughput ? [service.throughput.url] : []),
    ]),
    ...CATALOGUE.controls.map((control) => control.url),
    ...CATALOGUE.throughputControls.map((control) => control.url),
  ];
  return [...new Set(urls.map((url) => new URL(url).hostname))];
}

function hostsOfService(serviceId: string): string[] {
  const service = CATALOGUE.services.find((candidate) => candidate.id === serviceId);
  const urls = service
    ? [...service.components.flatMap((c) => c.endpoints.map((e) => e.url)), ...(service.throughput ? [service.throughput.url] : [])]
    : [];
  return [...new Set(urls.map((url) => new URL(url).hostname))];
}

function routed(route: Route): { host: string; port: number } {
  if (route === 'blackhole') throw new Error('expected a route to a server, got a black hole');
  return route;
}

/** An HTTPS request for `name` through the lab's own resolver and router, as a plain client. */
async function getThroughLab(name: string, path = '/', options: { tls?: boolean; method?: string } = {}) {
  const tls = options.tls ?? true;
  const [address] = await lab.network().resolve(name);
  const route = routed(lab.network().route(address ?? '', tls ? 443 : 80));
  return exchange({ port: route.port, servername: name, ca: lab.ca.certificatePem, tls }, { path, method: options.method ?? 'GET' });
}

describe('DNS', () => {
  it("resolves every catalogue host name to its own address in the labs' block, never a bogus one, and IP literals to themselves", async () => {
    const hosts = catalogueHosts();
    expect(hosts.length).toBeGreaterThan(20);
    const seen = new Map<string, string>();
    for (const host of hosts) {
      const answer = await lab.network().resolve(host);
      expect(answer).toHaveLength(1);
      const address = answer[0] ?? '';
      if (isIP(host) !== 0) {
        expect(address).toBe(host);
      } else {
        expect(isLabAddress(address), `${host} → ${address}`).toBe(true);
        expect(classifyAddress(address, CATALOGUE.bogusAddressPrefixes), `${host} → ${address}`).toBe('public');
        expect(seen.get(address), `${host} shares ${address}`).toBeUndefined();
      }
      seen.set(address, host);
    }
  });

  it('gives the same addresses to every lab, and to a browser lab that builds its own address book', async () => {
    const other = await createLab({ spareListeners: 0 });
    try {
      for (const host of ['web.whatsapp.com', 'signal.org', 'ya.ru']) {
        expect(await other.network().resolve(host)).toEqual(await lab.network().resolve(host));
      }
    } finally {
      await other.close();
    }
    const book = createAddressBook(catalogueHosts().filter((host) => isIP(host) === 0).sort());
    expect(book.addressOf('web.whatsapp.com')).toBe(lab.addressOf('web.whatsapp.com'));
  });

  it('resolves names outside the catalogue too, case and trailing dot aside', async () => {
    const [address] = await lab.network().resolve('Example.ORG.');
    expect(isLabAddress(address ?? '')).toBe(true);
    expect(await lab.network().resolve('example.org')).toEqual([address]);
  });

  it('nxdomain rejects as Node does, with code ENOTFOUND', async () => {
    lab.dns('web.whatsapp.com', 'nxdomain');
    await expect(lab.network().resolve('web.whatsapp.com')).rejects.toMatchObject({ code: 'ENOTFOUND', hostname: 'web.whatsapp.com' });
    // Other names are untouched.
    expect(await lab.network().resolve('www.whatsapp.com')).toEqual([lab.addressOf('www.whatsapp.com')]);
  });

  it('servfail rejects with EAI_AGAIN', async () => {
    lab.dns('t.me', 'servfail');
    await expect(lab.network().resolve('t.me')).rejects.toMatchObject({ code: 'EAI_AGAIN' });
  });

  it('bogus answers the blockpage address 10.10.34.34', async () => {
    lab.dns('www.instagram.com', 'bogus');
    expect(await lab.network().resolve('www.instagram.com')).toEqual([BOGUS_ADDRESS]);
  });

  it('timeout never settles', async () => {
    lab.dns('signal.org', 'timeout');
    const outcome = await Promise.race([
      lab.network().resolve('signal.org').then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(outcome).toBe('still waiting');
  });

  it('logs every query with what the resolver did', async () => {
    lab.dns('vk.com', 'nxdomain');
    await lab.network().resolve('vk.com').catch(() => undefined);
    await lab.network().resolve('ya.ru');
    expect(lab.dnsQueries().map((query) => [query.name, query.behaviour])).toEqual([
      ['vk.com', 'nxdomain'],
      ['ya.ru', 'answer'],
    ]);
    expect(lab.dnsQueries('VK.com')).toHaveLength(1);
  });
});

describe('routing', () => {
  it('routes a working address to a lab server on loopback that answers for the real name', async () => {
    const answer = await getThroughLab('web.whatsapp.com');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toContain('web.whatsapp.com works');
  });

  it('takes plain HTTP on port 443, as Telegram data centres do', async () => {
    const route = routed(lab.network().route('149.154.167.51', 443));
    const answer = await exchange({ port: route.port, servername: '149.154.167.51', tls: false }, { method: 'POST', body: 'x' });
    expect(answer.status).toBe(200);
  });

  it('gives an IP literal without SNI a certificate for that IP', async () => {
    const route = routed(lab.network().route('149.154.167.51', 443));
    const result = await handshake(route.port, { ca: lab.ca.certificatePem, checkName: '149.154.167.51' });
    expect(result.authorized).toBe(true);
  });

  it('answers the catalogue controls with what they expect, so a working lab is not a captive portal', async () => {
    const controls = CATALOGUE.controls.filter((control) => control.expect !== undefined);
    expect(controls.length).toBeGreaterThan(0);
    for (const control of controls) {
      const url = new URL(control.url);
      const answer = await getThroughLab(url.hostname, url.pathname, { tls: url.protocol === 'https:', method: control.method });
      if (control.expect?.status !== undefined) expect(answer.status, control.id).toBe(control.expect.status);
      if (control.expect?.bodyIncludes !== undefined) expect(answer.body.toString(), control.id).toContain(control.expect.bodyIncludes);
    }
  });

  it('refuse routes to the closed port; blackhole never connects', async () => {
    lab.host('web.whatsapp.com').behave('refuse');
    const refused = routed(lab.network().route(lab.addressOf('web.whatsapp.com'), 443));
    expect(refused.port).toBe(REFUSED_PORT);
    expect((await rawExchange(refused.port, 'x', 1_000)).errorCode).toBe('ECONNREFUSED');

    lab.host('web.whatsapp.com').behave('blackhole');
    expect(lab.network().route(lab.addressOf('web.whatsapp.com'), 443)).toBe('blackhole');
    expect(lab.connections('web.whatsapp.com')).toBe(0);
    expect(lab.attempts('web.whatsapp.com').map((attempt) => attempt.behaviour)).toEqual(['refuse', 'blackhole']);
  });

  it('a port-specific rule wins over the address, and a whole-address rule replaces it', () => {
    const address = '149.154.167.51';
    lab.address(address, 443).behave('blackhole');
    expect(lab.network().route(address, 443)).toBe('blackhole');
    expect(lab.network().route(address, 80)).not.toBe('blackhole');
    lab.address(address).behave('ok');
    expect(lab.network().route(address, 443)).not.toBe('blackhole');
  });

  it('a connection already routed meets the behaviour in force when it arrives', async () => {
    const route = routed(lab.network().route(lab.addressOf('signal.org'), 443));
    lab.host('signal.org').behave('reset-after-hello');
    expect((await handshake(route.port, { servername: 'signal.org', ca: lab.ca.certificatePem })).errorCode).toBe('ECONNRESET');
  });

  it('serves the blockpage at the bogus address, with a certificate that does not match the name asked', async () => {
    lab.dns('www.instagram.com', 'bogus');
    const page = await getThroughLab('www.instagram.com', '/', { tls: false });
    expect(page.body.toString()).toContain(lab.blockpage.marker);
    expect(lab.requests(BOGUS_ADDRESS).map((request) => request.host)).toEqual(['www.instagram.com']);

    const route = routed(lab.network().route(BOGUS_ADDRESS, 443));
    const result = await handshake(route.port, { servername: 'www.instagram.com', ca: lab.ca.certificatePem });
    expect(result.verifyError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('serves the blockpage at the redirect fingerprint host', async () => {
    const page = await getThroughLab(lab.blockpage.redirectHost, '/?id=17', { tls: false });
    expect(page.body.toString()).toContain(lab.blockpage.marker);
  });

  it('routes addresses outside the catalogue through spare listeners, as many as asked for', async () => {
    for (let i = 0; i < 24; i += 1) {
      const name = `extra-${i}.example.net`;
      const answer = await getThroughLab(name);
      expect(answer.status).toBe(200);
    }
  });
});

describe('scenarios', () => {
  it('service() covers every host of the service in the catalogue', () => {
    const scope = lab.service('whatsapp');
    const expected = hostsOfService('whatsapp');
    expect(expected.length).toBeGreaterThan(2);
    expect([...scope.names].sort()).toEqual(expected.filter((host) => isIP(host) === 0).sort());
    scope.behave('reset-after-hello');
    for (const host of expected) {
      expect(lab.model().routes[lab.addressOf(host)]).toBe('reset-after-hello');
    }
    expect(lab.model().routes[lab.addressOf('signal.org')]).toBeUndefined();
  });

  it('service() reaches the IP literals of a service too', () => {
    const literals = hostsOfService('telegram').filter((host) => isIP(host) !== 0);
    expect(literals.length).toBeGreaterThan(0);
    lab.service('telegram').behave('blackhole');
    for (const literal of literals) expect(lab.network().route(literal, 443)).toBe('blackhole');
  });

  it('a DNS scenario on a service reaches each of its names', async () => {
    lab.service('whatsapp').dns('nxdomain');
    for (const host of hostsOfService('whatsapp')) {
      await expect(lab.network().resolve(host)).rejects.toMatchObject({ code: 'ENOTFOUND' });
    }
    expect(await lab.network().resolve('t.me')).toHaveLength(1);
  });

  it('names unknown services and regions in its error', () => {
    expect(() => lab.service('icq')).toThrow(/no service "icq" in the catalogue \(it has: whatsapp, /);
    expect(() => lab.controls('XX')).toThrow(/no controls for "XX" \(it has: /);
    expect(() => lab.address('web.whatsapp.com')).toThrow(/not an IP address/);
    expect(() => lab.host('149.154.167.51')).toThrow(/is an address/);
    expect(() => lab.address('149.154.167.51').dns('nxdomain')).toThrow(/no host names/);
  });

  it('allowlist mode: everything black-holed, then the domestic controls carved out', async () => {
    lab.everything().behave('blackhole');
    lab.controls('RU').behave('ok');
    const ruControl = CATALOGUE.controls.find((control) => control.region === 'RU');
    const intlControl = CATALOGUE.controls.find((control) => control.region === 'intl');
    expect(ruControl && intlControl).toBeTruthy();
    const ruHost = new URL(ruControl?.url ?? '').hostname;
    const intlHost = new URL(intlControl?.url ?? '').hostname;
    expect(lab.network().route(lab.addressOf(ruHost), 443)).not.toBe('blackhole');
    expect(lab.network().route(lab.addressOf(intlHost), 443)).toBe('blackhole');
    expect(lab.network().route(lab.addressOf('web.whatsapp.com'), 443)).toBe('blackhole');
    expect((await getThroughLab(ruHost)).status).toBe(200);
  });

  it('everything() replaces narrower rules, for routes and for DNS', async () => {
    lab.host('web.whatsapp.com').behave('stall');
    lab.dns('t.me', 'bogus');
    lab.everything().behave('refuse').dns('timeout');
    expect(lab.model()).toMatchObject({ routes: {}, defaultRoute: 'refuse', dns: {}, defaultDns: 'timeout' });
  });

  it('reset() brings back the working network and clears counters and logs', async () => {
    lab.everything().behave('blackhole');
    lab.dns('ya.ru', 'nxdomain');
    lab.reset();
    const answer = await getThroughLab('ya.ru');
    expect(answer.status).toBe(200);
    expect(lab.connections()).toBe(1);
    lab.reset();
    expect(lab.model()).toMatchObject({ dns: {}, defaultDns: 'answer', defaultRoute: 'ok' });
    expect([lab.connections(), lab.bytes(), lab.requests().length, lab.attempts().length, lab.dnsQueries().length]).toEqual([0, 0, 0, 0, 0]);
  });

  it('the model is plain data', () => {
    lab.host('web.whatsapp.com', 443).behave('wrong-cert:expired');
    lab.dns('t.me', 'servfail');
    const model = lab.model();
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.routes[`${lab.addressOf('web.whatsapp.com')}:443`]).toBe('wrong-cert:expired');
    expect(model.dns['t.me']).toBe('servfail');
    // A copy: changing it changes nothing in the lab.
    (model.routes as Record<string, string>)[lab.addressOf('signal.org')] = 'blackhole';
    expect(lab.network().route(lab.addressOf('signal.org'), 443)).not.toBe('blackhole');
  });

  it('rejects behaviours it does not know, whatever the caller typed', () => {
    expect(() => lab.host('t.me').behave('drop' as never)).toThrow(/unknown behaviour "drop"/);
    expect(() => lab.host('t.me').dns('lie' as never)).toThrow(/unknown DNS behaviour "lie"/);
  });
});

describe('counters', () => {
  it('counts bytes and connections per host, for that host only', async () => {
    await getThroughLab('signal.org', '/__object/20000');
    expect(lab.connections('signal.org')).toBe(1);
    expect(lab.bytes('signal.org')).toBeGreaterThan(20_000);
    expect(lab.bytes(lab.addressOf('signal.org'))).toBe(lab.bytes('signal.org'));
    expect(lab.connections('t.me')).toBe(0);
    expect(lab.bytes()).toBe(lab.bytes('signal.org'));
    expect(lab.traffic('signal.org').bytesWritten).toBeGreaterThan(lab.traffic('signal.org').bytesRead);
  });

  it('logs each request with its host, path, method and time', async () => {
    const before = Date.now();
    await getThroughLab('discord.com', '/api/v10/gateway');
    const [request] = lab.requests('discord.com');
    expect(request).toMatchObject({ host: 'discord.com', path: '/api/v10/gateway', method: 'GET', tls: true, sni: 'discord.com', behaviour: 'ok', port: 443 });
    expect(request?.address).toBe(lab.addressOf('discord.com'));
    expect(request?.at).toBeGreaterThanOrEqual(before);
  });
});
