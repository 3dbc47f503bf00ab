/**
 * The browser lab: the Node lab's simulated network (`../lab.ts`: the catalogue's names, their
 * 45.67.0.0/16 addresses, the behaviour servers, the CA, the behaviour model) made real inside
 * a network namespace, so an unmodified Chromium meets it through its own resolver and sockets:
 *
 * - every lab address sits on loopback; a connection to `address:80` or `:443` is DNAT-ed to the
 *   Node lab's listener for that address, which looks up its behaviour per connection;
 * - `blackhole` and `refuse` are packet rules (nftables): SYNs dropped, or answered with a RST;
 * - a DNS server on 127.0.0.53 (the namespace's resolv.conf) answers from the same model;
 * - Chromium trusts the lab CA through an NSS database in a throwaway HOME (`browserHome`);
 * - a proxy app with fake-IP DNS (`proxyApp(true)`): the resolver answers every lab name with an
 *   address of its own in 198.18.0.0/15, as Clash/Mihomo, sing-box and v2rayN do, and each fake
 *   address leads to that name's server — never black-holed or refused, as a proxy's far end is
 *   past the provider's filters (the server still plays the name's behaviour, `ok` unless a
 *   scenario set another);
 * - a full-tunnel VPN abroad (`exitCountry('NL')`): the country control says `loc=NL`.
 *
 * Scenarios read as sentences and take effect for the next connection or lookup:
 *   await lab.dns('web.whatsapp.com').nxdomain();
 *   await lab.host('web.whatsapp.com').reset();          // RST after the ClientHello
 *   await lab.address('149.154.167.51').blackhole();
 *   await lab.service('telegram').blackhole();
 *   await lab.controls('intl').blackhole();
 *   await lab.everything().down();                       // no DNS answer, every SYN dropped
 *   await lab.reset();                                   // a working network again
 * Connections Chromium already holds keep the behaviour they were opened with (as a real DPI box's
 * new rule spares established flows), and Chromium caches DNS answers: a scenario that wants the
 * next probe to meet a change at once calls the browser's `closeIdleSockets()` / `clearHostCache()`.
 *
 * Must run inside a lab namespace (`run-in-namespace.ts`); `startBrowserLab` refuses otherwise.
 */
import { mkdir, rm } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../../../src/catalogue';
import type { Catalogue, CountryCode } from '../../../src/catalogue/types';
import { BOGUS_ADDRESS, type Behaviour, type DnsBehaviour, type WrongCert } from '../behaviour';
import { catalogueHostPorts } from '../catalogue-hosts';
import { createLab, type Lab, type LabScope } from '../lab';
import { behaviourAt, dnsBehaviourOf } from '../model';
import { BROWSER_HOME_DIR, createBrowserHome } from './browser-home';
import { startDnsServer, type DnsDecision, type DnsQueryRecord, type DnsServer } from './dns-server';
import { applyFirewallRules, installFirewall, readTraffic, removeFirewall, resetTrafficCounters, type PortRule, type PortTraffic } from './firewall';
import { proveIsolation } from './isolation';
import { LAB_NAMESERVER, ONLINE_LINK, RUN_DIR_ENV, requireLabNamespace } from './namespace';
import { runCommand } from './run-command';

/** Where a proxy app's fake-IP answers start: 198.18.0.0/15 (src/catalogue/proxy-fake-ip.ts); .0 is skipped. */
const FAKE_IP_FIRST = ((198 << 24) | (18 << 16) | 1) >>> 0;

function fakeAddress(index: number): string {
  const value = (FAKE_IP_FIRST + index) >>> 0;
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

/** Ports every lab address answers on, whatever the catalogue asks of it: a URL with a default port always reaches the lab. */
const SERVED_PORTS = [80, 443] as const;
const DNS_PORT = 53;

/**
 * Names Chromium looks up on its own, even with background networking off (docs/sources.md#lab-offline;
 * seen again here). They get NXDOMAIN like every name outside the lab; the traffic check allows them.
 */
export const CHROMIUM_OWN_NAMES: readonly string[] = ['accounts.google.com', 'clients2.google.com', 'update.googleapis.com'];

/**
 * Names Firefox ESR looks up on its own with the lab's quiet preferences
 * (tests/e2e/firefox/launch-firefox.ts), seen in this lab: its remote-settings server, and the
 * machine's own host name. Each gets NXDOMAIN; the traffic check allows them.
 */
export const FIREFOX_OWN_NAMES: readonly string[] = ['firefox.settings.services.mozilla.com', hostname()];

export interface BrowserLabOptions {
  readonly catalogue?: Catalogue;
  readonly blockpageCountry?: CountryCode;
}

/** What a scope's DNS does. Each returns when the change is in force. */
export interface DnsControls {
  /** The lab address (the working network). */
  answer(): Promise<void>;
  nxdomain(): Promise<void>;
  /** A lie: the blockpage address 10.10.34.34. */
  bogus(): Promise<void>;
  servfail(): Promise<void>;
  /** No answer at all. */
  silent(): Promise<void>;
}

/** A set of hosts and what their connections meet. Each verb returns when the change is in force. */
export interface BrowserLabScope {
  readonly names: readonly string[];
  readonly addresses: readonly string[];
  ok(): Promise<void>;
  /** RST after the client's first bytes (the TLS ClientHello). */
  reset(): Promise<void>;
  /** FIN after the client's first bytes. */
  close(): Promise<void>;
  /** Accept, read, never answer. */
  silence(): Promise<void>;
  wrongCert(kind: WrongCert): Promise<void>;
  /** 200 with the lab's blockpage. */
  blockpage(): Promise<void>;
  /** 302 to the blockpage host. */
  redirectToBlockpage(): Promise<void>;
  /** Headers and 16 KiB of body, then nothing. */
  stall(): Promise<void>;
  /** Bodies paced at 128 kbit/s. */
  throttle(): Promise<void>;
  /** 503: the service is down but reachable. */
  serverError(): Promise<void>;
  /** A RST to the SYN. */
  refuse(): Promise<void>;
  /** SYNs dropped. */
  blackhole(): Promise<void>;
  /** Nothing answers: DNS silent and SYNs dropped. */
  down(): Promise<void>;
  /** Any behaviour of the Node lab's vocabulary. */
  behave(behaviour: Behaviour): Promise<void>;
  dns(): DnsControls;
}

export interface TrafficCheck {
  /** True when nothing left the lab: no leaked packet, no name or address outside it. */
  readonly clean: boolean;
  readonly leakedPackets: number;
  /** Names queried that are neither lab names nor Chromium's own. */
  readonly foreignNames: readonly string[];
  /** Chromium's own lookups (allowed; each got NXDOMAIN). */
  readonly chromiumOwnQueries: number;
  /** Destinations the browser sent packets to that are not lab addresses. */
  readonly foreignDestinations: readonly PortTraffic[];
  /** What went to each lab address and port (SYNs, bytes both ways, headers included), with the name living there. */
  readonly destinations: readonly (PortTraffic & { readonly host?: string })[];
}

export interface BrowserLab {
  /** The Node lab underneath: its model, CA, blockpage, request log and per-host byte counters. */
  readonly node: Lab;
  readonly namespace: string;
  /** Chromium's HOME: its NSS database trusts the lab CA. `launchBrowser` uses it by default. */
  readonly browserHome: string;
  /** Host name → lab address, for every name the lab serves. */
  readonly names: ReadonlyMap<string, string>;
  addressOf(host: string): string;
  dns(name: string): DnsControls;
  host(name: string, port?: number): BrowserLabScope;
  address(ip: string, port?: number): BrowserLabScope;
  service(serviceId: string): BrowserLabScope;
  controls(region: 'intl' | CountryCode): BrowserLabScope;
  everything(): BrowserLabScope;
  /**
   * A proxy app with fake-IP DNS switched on (true) or off: every lab name resolves to its own
   * address in 198.18.0.0/15, which leads to the name's server past the provider's filters.
   */
  proxyApp(on: boolean): Promise<void>;
  /** The country the country control places the client in (a full-tunnel VPN's exit, e.g. `NL`); `reset()` brings back RU. */
  exitCountry(country: CountryCode): void;
  /** The device loses its network: the online link goes down and nothing connects or resolves; Chromium says ERR_INTERNET_DISCONNECTED. */
  offline(): Promise<void>;
  online(): Promise<void>;
  /** A working network again; counters and logs cleared. */
  reset(): Promise<void>;
  dnsQueries(): readonly DnsQueryRecord[];
  checkTraffic(): Promise<TrafficCheck>;
  /** Problems the servers met; a healthy lab has none. */
  errors(): readonly Error[];
  close(): Promise<void>;
}

export async function startBrowserLab(options: BrowserLabOptions = {}): Promise<BrowserLab> {
  const namespace = await requireLabNamespace();
  const runDir = process.env[RUN_DIR_ENV];
  if (!runDir) throw new Error(`lab: ${RUN_DIR_ENV} is not set; start through run-in-namespace.ts`);
  await proveIsolation();

  const catalogue = options.catalogue ?? CATALOGUE;
  const plan = servedPlan(catalogue);
  // Every planned address and port gets a listener. The Node lab starts its own for the
  // catalogue's hosts and ports and the blockpage servers; the rest come from its spare pool,
  // sized for them (a pool too small fails loudly below, at "no free listener").
  const node = await createLab({
    catalogue,
    ...(options.blockpageCountry ? { blockpageCountry: options.blockpageCountry } : {}),
    spareListeners: plan.length - catalogueHostPorts(catalogue).length + SERVED_PORTS.length,
  });
  const cleanups: (() => Promise<unknown>)[] = [() => node.close()];
  // Last made, first undone; each once, however often close() is called.
  const undo = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const names = new Map<string, string>();
    for (const name of node.everything().names) names.set(name, node.addressOf(name));
    const redirectHost = safeRedirectHost(node);
    if (redirectHost) {
      names.set(redirectHost, node.addressOf(redirectHost));
      for (const port of SERVED_PORTS) plan.push({ host: redirectHost, port });
    }

    const nameAt = new Map([...names].map(([name, address]) => [address, name]));
    // A proxy app's fake addresses: one per name, in a fixed order.
    const fakeOf = new Map([...names.keys()].sort().map((name, i) => [name, fakeAddress(i)]));
    for (const [name, fake] of fakeOf) nameAt.set(fake, name);
    let proxyOn = false;

    // Where each planned address:port is served, asked once while the network is the working one.
    const listenerPorts = new Map<string, number>();
    const addresses = new Set<string>();
    for (const { host, port } of plan) {
      const address = isIP(host) !== 0 ? host : node.addressOf(host);
      addresses.add(address);
      const route = node.network().route(address, port);
      if (route === 'blackhole') throw new Error(`lab: ${address}:${port} is black-holed in a working network`);
      listenerPorts.set(`${address}:${port}`, route.port);
    }
    // Each fake address:port reaches the listener of its name's address and port.
    const fakePorts = new Map<string, number>();
    for (const [name, fake] of fakeOf) {
      const address = names.get(name) ?? '';
      for (const [key, listenerPort] of listenerPorts) if (key.startsWith(`${address}:`)) fakePorts.set(`${fake}:${key.slice(address.length + 1)}`, listenerPort);
    }
    for (const fake of fakeOf.values()) addresses.add(fake);
    // Those route() calls were set-up, not traffic.
    node.reset();

    await runCommand(['ip', '-batch', '-'], [...addresses].map((address) => `address add ${address}/32 dev lo`).join('\n') + '\n');
    cleanups.push(() => runCommand(['ip', '-batch', '-'], [...addresses].map((address) => `address del ${address}/32 dev lo`).join('\n') + '\n'));

    await installFirewall();
    cleanups.push(removeFirewall);
    let offline = false;
    const syncRules = async (): Promise<void> => {
      const model = node.model();
      const rules: PortRule[] = [];
      for (const [key, listenerPort] of listenerPorts) {
        const [address = '', port = ''] = key.split(':');
        const behaviour = behaviourAt(model, address, Number(port));
        rules.push({
          address,
          port: Number(port),
          verdict: behaviour === 'blackhole' || behaviour === 'refuse' ? behaviour : { route: { host: '127.0.0.1', port: listenerPort } },
        });
      }
      for (const [key, listenerPort] of fakePorts) {
        const [address = '', port = ''] = key.split(':');
        rules.push({ address, port: Number(port), verdict: { route: { host: '127.0.0.1', port: listenerPort } } });
      }
      await applyFirewallRules(rules, offline);
    };
    await syncRules();

    const dnsServer: DnsServer = await startDnsServer({
      address: LAB_NAMESERVER,
      port: DNS_PORT,
      decide: (name) => {
        const fake = proxyOn ? fakeOf.get(name) : undefined;
        return fake !== undefined ? { address: fake } : decideDns(node, names, name);
      },
    });
    cleanups.push(() => dnsServer.close());

    const browserHome = join(runDir, BROWSER_HOME_DIR);
    await rm(browserHome, { recursive: true, force: true });
    await mkdir(browserHome, { recursive: true });
    await createBrowserHome(browserHome, node.ca.certificatePem);
    cleanups.push(() => rm(browserHome, { recursive: true, force: true }));

    const dnsControls = (scope: () => LabScope): DnsControls => {
      const set = async (behaviour: DnsBehaviour) => {
        scope().dns(behaviour);
      };
      return {
        answer: () => set('answer'),
        nxdomain: () => set('nxdomain'),
        bogus: () => set('bogus'),
        servfail: () => set('servfail'),
        silent: () => set('timeout'),
      };
    };

    const wrap = (scope: () => LabScope): BrowserLabScope => {
      const behave = async (behaviour: Behaviour) => {
        scope().behave(behaviour);
        await Promise.all([syncRules(), node.certificatesReady()]);
      };
      const first = scope();
      return {
        names: first.names,
        addresses: first.addresses,
        ok: () => behave('ok'),
        reset: () => behave('reset-after-hello'),
        close: () => behave('close-after-hello'),
        silence: () => behave('silence-after-hello'),
        wrongCert: (kind) => behave(`wrong-cert:${kind}`),
        blockpage: () => behave('blockpage'),
        redirectToBlockpage: () => behave('blockpage-redirect'),
        stall: () => behave('stall'),
        throttle: () => behave('throttle'),
        serverError: () => behave('error-5xx'),
        refuse: () => behave('refuse'),
        blackhole: () => behave('blackhole'),
        async down() {
          if (scope().names.length > 0) scope().dns('timeout');
          await behave('blackhole');
        },
        behave,
        dns: () => dnsControls(scope),
      };
    };

    // Chromium learns of the link from netlink (and rewrites failures to ERR_INTERNET_DISCONNECTED);
    // the packet rules make every connection and lookup fail, as they do on a device without a network.
    const setOffline = async (value: boolean): Promise<void> => {
      offline = value;
      await syncRules();
      await runCommand(['ip', 'link', 'set', ONLINE_LINK, value ? 'down' : 'up']);
    };

    const lab: BrowserLab = {
      node,
      namespace,
      browserHome,
      names,
      addressOf: (host) => node.addressOf(host),
      dns: (name) => dnsControls(() => node.host(name)),
      host: (name, port) => wrap(() => node.host(name, port)),
      address: (ip, port) => wrap(() => node.address(ip, port)),
      service: (serviceId) => wrap(() => node.service(serviceId)),
      controls: (region) => wrap(() => node.controls(region)),
      everything: () => wrap(() => node.everything()),
      async proxyApp(on) {
        proxyOn = on;
      },
      exitCountry(country) {
        node.exitCountry(country);
      },
      offline: () => setOffline(true),
      online: () => setOffline(false),
      async reset() {
        node.reset();
        proxyOn = false;
        dnsServer.clearLog();
        await setOffline(false);
        await resetTrafficCounters();
      },
      dnsQueries: () => dnsServer.queries(),
      async checkTraffic() {
        const counted = await readTraffic();
        const queried = dnsServer.queries();
        const foreignNames = [...new Set(queried.map((query) => query.name))].filter(
          (name) => !names.has(name) && !CHROMIUM_OWN_NAMES.includes(name) && !FIREFOX_OWN_NAMES.includes(name),
        );
        const foreignDestinations = counted.ports.filter((port) => !addresses.has(port.address));
        return {
          clean: counted.leakedPackets === 0 && foreignNames.length === 0 && foreignDestinations.length === 0,
          leakedPackets: counted.leakedPackets,
          foreignNames,
          chromiumOwnQueries: queried.filter((query) => CHROMIUM_OWN_NAMES.includes(query.name)).length,
          foreignDestinations,
          destinations: counted.ports
            .filter((port) => addresses.has(port.address))
            .map((port) => {
              const host = nameAt.get(port.address);
              return host !== undefined ? { ...port, host } : port;
            }),
        };
      },
      errors: () => [...node.errors(), ...dnsServer.errors()],
      close: undo,
    };
    return lab;
  } catch (error) {
    await undo();
    throw error;
  }
}

/**
 * What the lab serves: every catalogue host and port, every catalogue name and IP literal on 80
 * and 443 too, and the address a DNS lie points to. (The blockpage redirect's host is added once
 * the Node lab has named it.)
 */
function servedPlan(catalogue: Catalogue): { host: string; port: number }[] {
  const plan = new Map<string, { host: string; port: number }>();
  const add = (host: string, port: number) => plan.set(`${host}:${port}`, { host, port });
  for (const { host, port } of catalogueHostPorts(catalogue)) {
    add(host, port);
    for (const served of SERVED_PORTS) add(host, served);
  }
  for (const port of SERVED_PORTS) add(BOGUS_ADDRESS, port);
  return [...plan.values()];
}

function safeRedirectHost(node: Lab): string | undefined {
  try {
    return node.blockpage.redirectHost;
  } catch {
    // No blockpage fingerprints: the lab runs without a blockpage (its servers answer 500 saying why).
    return undefined;
  }
}

/** The lab's DNS answer for a name, from the Node lab's model; names outside the lab do not exist. */
function decideDns(node: Lab, names: ReadonlyMap<string, string>, name: string): DnsDecision {
  const model = node.model();
  const address = names.get(name);
  const behaviour: DnsBehaviour =
    address !== undefined ? dnsBehaviourOf(model, name) : model.defaultDns === 'answer' ? 'nxdomain' : model.defaultDns;
  switch (behaviour) {
    case 'answer':
      return address !== undefined ? { address } : 'nxdomain';
    case 'bogus':
      return { address: BOGUS_ADDRESS };
    case 'nxdomain':
      return 'nxdomain';
    case 'servfail':
      return 'servfail';
    case 'timeout':
      return 'silent';
  }
}
