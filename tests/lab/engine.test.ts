/**
 * The whole engine against the lab: a round (plan → probes → classification) for the real
 * catalogue, through the Node transport, with the lab playing one kind of block at a time. Every
 * state and every `how` comes out of the behaviour that should produce it, and out of no other:
 * the last test runs every behaviour and checks the whole mapping at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import type { RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import { createNodeTransport } from '../../src/cli/node-transport';
import type { ProbeTunables } from '../../src/probe/probe';
import { runRound } from '../../src/round/run-round';
import { planRound, type RoundKind } from '../../src/schedule/plan-round';
import { INITIAL_ROTATION, type Rotation } from '../../src/schedule/rotation';
import type { Behaviour, DnsBehaviour } from './behaviour';
import { createLab, type Lab } from './lab';
import { serviceAddresses } from './catalogue-hosts';

/**
 * Short timers keep rounds with silent behaviours quick; they cannot change what a behaviour shows.
 * The body timer is long enough for a throttled transfer to be timed (≥ 2 s at 128 kbit/s). The
 * header timer leaves room for a whole round's handshakes (client and lab servers share this
 * process) on a busy 2-core machine: at 6 s, one CI run in four starved a round beside the unit
 * lane, and services that were up read `connect`.
 */
const TUNABLES: Partial<ProbeTunables> = { headersTimeoutMs: 8_000, bodyTimeoutMs: 2_500, stallGapMs: 1_000 };
const SERVICE_IDS = CATALOGUE.services.map((service) => service.id);

let lab: Lab;
let roundStart = 1_000;

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

async function round(
  options: { services?: readonly string[]; throughput?: readonly string[]; country?: string | null; kind?: RoundKind; rotation?: Rotation } = {},
): Promise<RoundVerdict> {
  roundStart += 1;
  await lab.certificatesReady();
  const services = CATALOGUE.services.filter((service) => (options.services ?? SERVICE_IDS).includes(service.id));
  const country = options.country === undefined ? 'RU' : options.country;
  const { plan } = planRound({
    roundStart,
    kind: options.kind ?? 'manual',
    services,
    controls: CATALOGUE.controls,
    throughputControls: CATALOGUE.throughputControls,
    country,
    rotation: options.rotation ?? INITIAL_ROTATION,
    throughputFor: options.throughput ?? [],
  });
  const result = await runRound(plan, {
    probe: {
      transport: createNodeTransport(lab.network()),
      now: () => Date.now(),
      blockpages: CATALOGUE.blockpages,
      bogusAddressPrefixes: CATALOGUE.bogusAddressPrefixes,
      tunables: TUNABLES,
    },
    country,
  });
  return result.verdict;
}

const verdictOf = (verdict: RoundVerdict, id: string): ServiceVerdict => {
  const found = verdict.services.find((service) => service.serviceId === id);
  if (!found) throw new Error(`no verdict for ${id}`);
  return found;
};
const summary = (verdict: ServiceVerdict): string => (verdict.how ? `${verdict.state}:${verdict.how}` : verdict.state);
function hostsOf(id: string): Set<string> {
  const service = CATALOGUE.services.find((entry) => entry.id === id);
  const urls = [...(service?.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)) ?? []), ...(service?.throughput ? [service.throughput.url] : [])];
  return new Set(urls.map((url) => new URL(url).hostname));
}
/** The other services' readings, leaving out those that share a host with `except` (a block of a host blocks both). */
const others = (verdict: RoundVerdict, except: string): string[] => {
  const blocked = hostsOf(except);
  return verdict.services
    .filter((service) => service.serviceId !== except && ![...hostsOf(service.serviceId)].some((host) => blocked.has(host)))
    .map(summary);
};

describe('the network', () => {
  it('everything working: online, and every service reachable', async () => {
    const verdict = await round();
    expect(verdict.network.state).toBe('online');
    expect(verdict.services.map(summary)).toEqual(SERVICE_IDS.map(() => 'reachable'));
  });

  it('the whole network down: offline for every service, never blocked', async () => {
    lab.everything().behave('blackhole');
    const verdict = await round();
    expect(verdict.network.state).toBe('offline');
    expect(new Set(verdict.services.map(summary))).toEqual(new Set(['offline']));
  });

  it('no DNS at all: offline, not blocked by DNS', async () => {
    lab.everything().dns('nxdomain');
    const verdict = await round();
    expect(verdict.network.state).toBe('offline');
    expect(new Set(verdict.services.map(summary))).toEqual(new Set(['offline']));
  });

  it('allowlist mode: only the domestic control answers → restricted', async () => {
    lab.everything().behave('blackhole');
    lab.controls('RU').behave('ok');
    const verdict = await round();
    expect(verdict.network).toMatchObject({ state: 'restricted', intlUp: 0, domesticUp: 1 });
    expect(new Set(verdict.services.map(summary))).toEqual(new Set(['restricted']));
  });

  it('allowlist mode without a domestic control for the country reads offline', async () => {
    lab.everything().behave('blackhole');
    lab.controls('RU').behave('ok');
    expect((await round({ country: 'TM', services: ['whatsapp'] })).network.state).toBe('offline');
  });

  it('foreign controls replaced by a blockpage while the domestic one answers read as restricted', async () => {
    lab.controls('intl').behave('blockpage');
    expect((await round({ services: ['whatsapp'] })).network.state).toBe('restricted');
  });

  it('controls answering with the wrong content (a captive portal): no verdict on any service', async () => {
    lab.everything().behave('captive-portal');
    const verdict = await round({ services: ['whatsapp', 'telegram'] });
    expect(verdict.network.state).toBe('captive');
    expect(verdict.services.map(summary)).toEqual(['unknown', 'unknown']);
  });
});

describe('the path a round measured', () => {
  it('the provider\'s own network, the country control placing the client at home: direct', async () => {
    expect((await round({ services: ['whatsapp'] })).path).toEqual({ path: 'direct', signs: [], exitCountry: 'RU' });
  });

  it('a full-tunnel VPN exiting in NL for a person in RU: proxy, though the services answer', async () => {
    lab.exitCountry('NL');
    const verdict = await round({ services: ['whatsapp', 'telegram'] });
    expect(verdict.path).toEqual({ path: 'proxy', signs: ['exit-country'], exitCountry: 'NL' });
    expect(verdict.network.state).toBe('online');
    expect(verdict.services.map(summary)).toEqual(['reachable', 'reachable']);
  });

  it('without a country to compare with, an exit abroad cannot be told: direct', async () => {
    lab.exitCountry('NL');
    expect((await round({ services: ['whatsapp'], country: null })).path.path).toBe('direct');
  });
});

describe('one kind of block at a time', () => {
  it.each<[string, string, (lab: Lab) => void, string]>([
    ['WhatsApp removed from DNS (NXDOMAIN)', 'whatsapp', (l) => void l.service('whatsapp').dns('nxdomain'), 'blocked:dns'],
    ['Viber resolved to a bogus address', 'viber', (l) => void l.service('viber').dns('bogus'), 'blocked:dns'],
    ['X: the resolver never answers', 'x', (l) => void l.service('x').dns('timeout'), 'blocked:dns'],
    ['Telegram black-holed', 'telegram', (l) => void l.service('telegram').behave('blackhole'), 'blocked:connect'],
    ['Discord refused', 'discord', (l) => void l.service('discord').behave('refuse'), 'blocked:connect'],
    ['Signal reset after the ClientHello', 'signal', (l) => void l.service('signal').behave('reset-after-hello'), 'blocked:reset'],
    ['Messenger closed after the ClientHello', 'messenger', (l) => void l.service('messenger').behave('close-after-hello'), 'blocked:reset'],
    ['Instagram intercepted with a certificate for another name', 'instagram', (l) => void l.service('instagram').behave('wrong-cert:wrong-name'), 'blocked:tls'],
    ['YouTube intercepted with a self-signed certificate', 'youtube', (l) => void l.service('youtube').behave('wrong-cert:self-signed'), 'blocked:tls'],
    ['WhatsApp silent after the ClientHello', 'whatsapp', (l) => void l.service('whatsapp').behave('silence-after-hello'), 'blocked:tls'],
    ['Telegram redirected to a blockpage', 'telegram', (l) => void l.service('telegram').behave('blockpage-redirect'), 'blocked:blockpage'],
    ['Messenger down on its own side (503): reachable', 'messenger', (l) => void l.service('messenger').behave('error-5xx'), 'reachable'],
    // Interception beats plain HTTP: http://signal.org answering and the private-CA hosts' certificate
    // errors prove nothing once signal.org itself shows a certificate that is not its own.
    ['Signal: every name behind an untrusted authority (Kazakhstan 2019)', 'signal', (l) => void l.service('signal').behave('wrong-cert:self-signed'), 'blocked:tls'],
    ['Signal: every name behind a certificate for another name', 'signal', (l) => void l.service('signal').behave('wrong-cert:wrong-name'), 'blocked:tls'],
    ['WhatsApp: every name resolved to the filter server (Iran)', 'whatsapp', (l) => void l.service('whatsapp').dns('bogus'), 'blocked:dns'],
    ['Signal: every name resolved to the filter server', 'signal', (l) => void l.service('signal').dns('bogus'), 'blocked:dns'],
  ])('%s → %s', async (_name, id, scenario, expected) => {
    scenario(lab);
    const verdict = await round();
    expect(verdict.network.state).toBe('online');
    expect(summary(verdictOf(verdict, id))).toBe(expected);
    // Nothing else is touched: no other service reads as anything but reachable.
    expect(new Set(others(verdict, id))).toEqual(new Set(['reachable']));
  });

  it('an expired certificate reads as tls too, and the private-CA host\'s normal error does not', async () => {
    lab.service('discord').behave('wrong-cert:expired');
    lab.host('chat.signal.org').behave('wrong-cert:self-signed');
    const verdict = await round({ services: ['discord', 'signal'] });
    expect(summary(verdictOf(verdict, 'discord'))).toBe('blocked:tls');
    expect(summary(verdictOf(verdict, 'signal'))).toBe('reachable');
  });

  it('partial: WhatsApp\'s web client blocked, its chat and media fine', async () => {
    lab.host('web.whatsapp.com').behave('reset-after-hello');
    lab.host('www.whatsapp.com').behave('reset-after-hello');
    const verdict = verdictOf(await round({ services: ['whatsapp'] }), 'whatsapp');
    expect(summary(verdict)).toBe('partial:reset');
    expect(verdict.components.filter((component) => !component.ok).map((component) => component.componentId)).toEqual(['web']);
  });

  it('partial names the chat component\'s failure over the others', async () => {
    lab.host('web.whatsapp.com').dns('nxdomain');
    lab.host('www.whatsapp.com').dns('nxdomain');
    for (let n = 1; n <= 16; n += 1) lab.host(`e${n}.whatsapp.net`).behave('reset-after-hello');
    expect(summary(verdictOf(await round({ services: ['whatsapp'] }), 'whatsapp'))).toBe('partial:reset');
  });

  it('one WhatsApp chat host down is no block: a light round that meets it tries two of its siblings', async () => {
    lab.host('e1.whatsapp.net').behave('reset-after-hello');
    // Rotation slot 1 of WhatsApp is its chat pool, whose first host this round is e1.
    const verdict = verdictOf(await round({ services: ['whatsapp'], kind: 'regular', rotation: { ...INITIAL_ROTATION, endpoints: { whatsapp: 1 } } }), 'whatsapp');
    expect(summary(verdict)).toBe('reachable');
    const tried = Array.from({ length: 16 }, (_, index) => `e${index + 1}.whatsapp.net`).filter((host) => lab.attempts(host).length > 0);
    expect(tried).toEqual(['e1.whatsapp.net', 'e2.whatsapp.net', 'e3.whatsapp.net']);
  });

  it('YouTube throttled to 128 kbit/s: reachable by every probe, slow by throughput against the control', async () => {
    lab.service('youtube').behave('throttle');
    const verdict = verdictOf(await round({ services: ['youtube'], throughput: ['youtube'] }), 'youtube');
    expect(verdict).toMatchObject({ state: 'slow', speed: 'slow' });
    expect(verdict.how).toBeUndefined();
    expect(verdict.goodputKbps).toBeGreaterThan(0);
    expect(verdict.speedRatio).toBeLessThanOrEqual(0.1);
  });

  it('a transfer that stalls after 16 KB is slow with how=stall', async () => {
    lab.service('x').behave('stall');
    const verdict = verdictOf(await round({ services: ['x'], throughput: ['x'] }), 'x');
    expect(summary(verdict)).toBe('slow:stall');
    expect(verdict.speed).toBe('stall');
  });

  it('a fast service measured for throughput stays reachable', async () => {
    const verdict = verdictOf(await round({ services: ['youtube'], throughput: ['youtube'] }), 'youtube');
    expect(verdict).toMatchObject({ state: 'reachable', speed: 'ok' });
  });
});

describe('interception and resolver lies overrule single answers', () => {
  it('Telegram intercepted: its plain-HTTP data centres still answer, so partial by tls, never reachable', async () => {
    lab.service('telegram').behave('wrong-cert:self-signed');
    for (const dc of serviceAddresses(CATALOGUE, 'telegram')) lab.address(dc).behave('ok');
    const verdict = verdictOf(await round({ services: ['telegram'] }), 'telegram');
    expect(summary(verdict)).toBe('partial:tls');
    // t.me over plain HTTP answered, yet the links component is intercepted.
    expect(verdict.components.find((component) => component.componentId === 'links')).toMatchObject({ ok: false, how: 'tls' });
  });

  it('only signal.org intercepted: the private-CA hosts\' certificate errors no longer count as reached', async () => {
    lab.host('signal.org').behave('wrong-cert:self-signed');
    lab.host('chat.signal.org').behave('wrong-cert:self-signed');
    lab.host('storage.signal.org').behave('wrong-cert:self-signed');
    lab.host('cdn.signal.org').behave('wrong-cert:self-signed');
    lab.host('cdsi.signal.org').behave('wrong-cert:self-signed');
    lab.host('sfu.voip.signal.org').behave('wrong-cert:self-signed');
    const verdict = verdictOf(await round({ services: ['signal'] }), 'signal');
    expect(verdict.state).not.toBe('reachable');
    expect(verdict.components.find((component) => component.componentId === 'chat')).toMatchObject({ ok: false, how: 'tls' });
  });
});

describe('every behaviour maps to one reading, and every reading to its behaviours only', () => {
  it('the whole table', async () => {
    const served: readonly (Behaviour | `dns:${DnsBehaviour}`)[] = [
      'ok',
      'error-5xx',
      'reset-after-hello',
      'close-after-hello',
      'silence-after-hello',
      'wrong-cert:self-signed',
      'wrong-cert:wrong-name',
      'wrong-cert:expired',
      'blockpage-redirect',
      'refuse',
      'blackhole',
      'dns:nxdomain',
      'dns:bogus',
      'dns:timeout',
    ];
    const readings = new Map<string, string>();
    const paths = new Set<string>();
    for (const behaviour of served) {
      lab.reset();
      if (behaviour.startsWith('dns:')) lab.service('discord').dns(behaviour.slice(4) as DnsBehaviour);
      else lab.service('discord').behave(behaviour as Behaviour);
      const verdict = await round({ services: ['discord'] });
      readings.set(behaviour, summary(verdictOf(verdict, 'discord')));
      paths.add(verdict.path.path);
    }
    // No block is a VPN: every reading came on the direct path, so each one counts for confirmation.
    expect([...paths]).toEqual(['direct']);
    // The one behaviour that is a VPN: an exit abroad, with everything answering.
    lab.reset();
    lab.exitCountry('NL');
    const throughVpn = await round({ services: ['discord'] });
    readings.set('exit abroad (VPN)', `${summary(verdictOf(throughVpn, 'discord'))}@${throughVpn.path.path}`);
    expect(Object.fromEntries(readings)).toEqual({
      ok: 'reachable',
      'error-5xx': 'reachable',
      'reset-after-hello': 'blocked:reset',
      'close-after-hello': 'blocked:reset',
      'silence-after-hello': 'blocked:tls',
      'wrong-cert:self-signed': 'blocked:tls',
      'wrong-cert:wrong-name': 'blocked:tls',
      'wrong-cert:expired': 'blocked:tls',
      'blockpage-redirect': 'blocked:blockpage',
      refuse: 'blocked:connect',
      blackhole: 'blocked:connect',
      'dns:nxdomain': 'blocked:dns',
      'dns:bogus': 'blocked:dns',
      'dns:timeout': 'blocked:dns',
      'exit abroad (VPN)': 'reachable@proxy',
    });
  });

  it('the whole table for a service with private-CA hosts (Signal): a certificate error is only "reached" when nothing else was tampered with', async () => {
    const served: readonly (Behaviour | `dns:${DnsBehaviour}`)[] = [
      'ok',
      'error-5xx',
      'reset-after-hello',
      'close-after-hello',
      'silence-after-hello',
      'wrong-cert:self-signed',
      'wrong-cert:wrong-name',
      'wrong-cert:expired',
      'blockpage-redirect',
      'refuse',
      'blackhole',
      'dns:nxdomain',
      'dns:bogus',
      'dns:timeout',
    ];
    const readings = new Map<string, string>();
    for (const behaviour of served) {
      lab.reset();
      if (behaviour.startsWith('dns:')) lab.service('signal').dns(behaviour.slice(4) as DnsBehaviour);
      else lab.service('signal').behave(behaviour as Behaviour);
      readings.set(behaviour, summary(verdictOf(await round({ services: ['signal'] }), 'signal')));
    }
    expect(Object.fromEntries(readings)).toEqual({
      ok: 'reachable',
      'error-5xx': 'reachable',
      'reset-after-hello': 'blocked:reset',
      'close-after-hello': 'blocked:reset',
      'silence-after-hello': 'blocked:tls',
      'wrong-cert:self-signed': 'blocked:tls',
      'wrong-cert:wrong-name': 'blocked:tls',
      'wrong-cert:expired': 'partial:tls',
      'blockpage-redirect': 'blocked:blockpage',
      refuse: 'blocked:connect',
      blackhole: 'blocked:connect',
      'dns:nxdomain': 'blocked:dns',
      'dns:bogus': 'blocked:dns',
      'dns:timeout': 'blocked:dns',
    });
  });
});
