/**
 * The Node censorship lab: a simulated network for the catalogue's real host names and addresses,
 * on loopback only. `lab.network()` is a `NodeNetwork` (src/cli/node-network.ts): the Node
 * transport sends the engine's real requests for real URLs (`https://web.whatsapp.com/`,
 * `http://149.154.167.51:443/`) into it, and TLS still names the real host.
 *
 * - DNS: every name resolves to its lab address in 45.67.0.0/16 (`addresses.ts`), unless a test
 *   says `nxdomain`, `bogus` (→ 10.10.34.34, where a blockpage server answers), `servfail` or
 *   `timeout`.
 * - Routing: each address (and port) is played by a behaviour (`behaviour.ts`); `refuse` goes to a
 *   closed port, `blackhole` never connects. Every address and port has its own listener, so the
 *   lab knows which address a connection was for even without SNI.
 * - Scenarios read as sentences: `lab.host('web.whatsapp.com').behave('reset-after-hello')`,
 *   `lab.service('whatsapp').dns('nxdomain')`, `lab.controls('intl').behave('blackhole')`,
 *   `lab.everything().behave('blackhole')` then `lab.controls('RU').behave('ok')`, `lab.reset()`.
 * - Counters: bytes on the wire and connections per host, connection attempts, DNS queries and
 *   a request log, so tests can assert what was asked and what it cost.
 */
import { isIP } from 'node:net';
import { CATALOGUE } from '../../src/catalogue';
import type { Catalogue, CountryCode } from '../../src/catalogue/types';
import type { NodeNetwork, Route } from '../../src/cli/node-network';
import { createAddressBook, normalizeHost, type AddressBook } from './addresses';
import { BOGUS_ADDRESS, isBehaviour, isDnsBehaviour, wrongCertOf, type Behaviour, type DnsBehaviour } from './behaviour';
import { blockpageContent, type BlockpageContent } from './blockpage-content';
import { labCa, type LabCa } from './ca';
import { catalogueHostPorts, catalogueNames, controlHosts, serviceHosts } from './catalogue-hosts';
import { behaviourAt, dnsBehaviourOf, routeKey, workingNetwork, type LabModel } from './model';
import { REFUSED_HOST, REFUSED_PORT } from './servers/refuse';
import { startLabServer, type Exchange, type LabServer, type ServedRequest, type Traffic } from './servers/lab-server';
import { catalogueContent } from './site-content';

/** Listeners kept ready for addresses outside the catalogue; a route must be answered synchronously, and a listener cannot be. */
const DEFAULT_SPARE_LISTENERS = 16;
/** Where every lab listener binds. */
const LOOPBACK = '127.0.0.1';
/** Ports the blockpage servers listen on: plain HTTP (redirects lead there) and HTTPS (DNS lies on https URLs). */
const BLOCKPAGE_PORTS = [80, 443] as const;

export interface LabOptions {
  /** Default: the real catalogue. */
  readonly catalogue?: Catalogue;
  /** Whose blockpage fingerprints the blockpage is built from. Default RU. */
  readonly blockpageCountry?: CountryCode;
  /** Listeners ready for addresses and ports outside the catalogue. Default 16. */
  readonly spareListeners?: number;
  /** The country the lab's country control places the client in. Default RU, where the scenarios live. */
  readonly exitCountry?: CountryCode;
}

/** A set of hosts a scenario is applied to. */
export interface LabScope {
  /** Host names in the scope (DNS behaviours apply to them). */
  readonly names: readonly string[];
  /** Their lab addresses, and IP literals (connection behaviours apply to them). */
  readonly addresses: readonly string[];
  /** What connections to these addresses meet (on one port, when the scope names one). */
  behave(behaviour: Behaviour): LabScope;
  /** What the resolver says for these names. */
  dns(behaviour: DnsBehaviour): LabScope;
}

export interface LabRequest extends ServedRequest {
  /** The address the client meant to reach (its lab address, an IP literal, or the bogus address). */
  readonly address: string;
  readonly port: number;
}

export interface LabExchange extends Exchange {
  readonly address: string;
  readonly port: number;
}

export interface LabConnectionAttempt {
  readonly at: number;
  readonly address: string;
  readonly port: number;
  /** The host name living at the address, when it is a lab address. */
  readonly name?: string;
  readonly behaviour: Behaviour;
}

export interface LabDnsQuery {
  readonly at: number;
  readonly name: string;
  readonly behaviour: DnsBehaviour;
}

export interface Lab {
  readonly ca: LabCa;
  readonly catalogue: Catalogue;
  /** The blockpage the lab serves; throws when the catalogue's fingerprints cannot make one. */
  readonly blockpage: BlockpageContent;
  /** The network the Node transport uses: `createNodeTransport(lab.network())`. */
  network(): NodeNetwork;
  /** A name's lab address (an IP literal is its own). */
  addressOf(host: string): string;
  host(name: string, port?: number): LabScope;
  address(ip: string, port?: number): LabScope;
  /** Every host of a catalogue service (endpoints and throughput object). */
  service(serviceId: string): LabScope;
  /** The controls of a region: `intl` or a country code. */
  controls(region: 'intl' | CountryCode): LabScope;
  /** The whole network; a rule set here replaces every narrower rule (set it first, then carve exceptions). */
  everything(): LabScope;
  dns(name: string, behaviour: DnsBehaviour): Lab;
  /** The country the country control now says the client is in (a full-tunnel VPN's exit abroad: `NL`). */
  exitCountry(country: CountryCode): Lab;
  /** Back to a working network (exit in the lab's own country), with counters and logs cleared. */
  reset(): void;
  /**
   * Resolves once every certificate a `wrong-cert:*` behaviour set so far will present exists.
   * Setting the behaviour starts making them (openssl calls); a round started before they exist
   * has its handshakes wait on openssl, which on a busy machine outlasted the probes' 6 s timer
   * (an engine-table row read a timeout where it should have read the wrong certificate).
   */
  certificatesReady(): Promise<void>;
  /** The behaviour model now, as plain data. */
  model(): LabModel;
  /** Bytes on the wire both ways (TLS and headers included), in all or for one host (all its ports). */
  bytes(hostOrAddress?: string): number;
  traffic(hostOrAddress?: string): Traffic;
  /** Connections the lab's servers accepted. */
  connections(hostOrAddress?: string): number;
  /** Per request, the bytes it cost on the wire both ways (TLS included), with the address and port it went to. */
  exchanges(): readonly LabExchange[];
  /** Every TLS session ticket issued so far stops working (a ticket lifetime running out): the next handshakes are full ones. */
  forgetSessions(): void;
  /** Connection attempts the network routed (including refused and black-holed ones). */
  attempts(hostOrAddress?: string): readonly LabConnectionAttempt[];
  dnsQueries(name?: string): readonly LabDnsQuery[];
  /** HTTP requests served: all, those for one address (given an IP), or those naming one host. */
  requests(hostOrAddress?: string): readonly LabRequest[];
  /** Problems the servers met; a healthy lab has none. */
  errors(): readonly Error[];
  close(): Promise<void>;
}

interface Listener {
  readonly server: LabServer;
  /** The address and port it plays; unset while it waits in the spare pool. */
  slot?: { readonly address: string; readonly port: number };
}

interface MutableModel {
  dns: Record<string, DnsBehaviour>;
  defaultDns: DnsBehaviour;
  routes: Record<string, Behaviour>;
  defaultRoute: Behaviour;
}

function copyModel(model: LabModel): MutableModel {
  return { dns: { ...model.dns }, defaultDns: model.defaultDns, routes: { ...model.routes }, defaultRoute: model.defaultRoute };
}

function dnsError(code: 'ENOTFOUND' | 'EAI_AGAIN', hostname: string): Error {
  // The shape Node's own resolver gives (dns.lookup → getaddrinfo).
  return Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, syscall: 'getaddrinfo', hostname });
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

export async function createLab(options: LabOptions = {}): Promise<Lab> {
  const catalogue = options.catalogue ?? CATALOGUE;
  const ca = await labCa();
  // Certificates for every catalogue name up front (once per process): made on first use, dozens of
  // handshakes at the start of a round would wait for openssl and time out.
  await Promise.all(catalogueNames(catalogue).map((name) => ca.certificateFor(name)));
  const book: AddressBook = createAddressBook(catalogueNames(catalogue));
  const homeCountry = options.exitCountry ?? 'RU';
  let exitCountry = homeCountry;
  const content = catalogueContent(catalogue, () => exitCountry);

  let blockpage: BlockpageContent | Error;
  try {
    blockpage = blockpageContent(catalogue.blockpages, options.blockpageCountry ?? 'RU');
  } catch (error) {
    blockpage = asError(error);
  }
  const blockpageHostAddress = blockpage instanceof Error ? undefined : book.addressOf(blockpage.redirectHost);
  const initial = workingNetwork(blockpageHostAddress);

  let model = copyModel(initial);
  let attemptLog: LabConnectionAttempt[] = [];
  let dnsLog: LabDnsQuery[] = [];
  let requestLog: LabRequest[] = [];
  const assigned = new Map<string, Listener>();
  const spare: Listener[] = [];
  const starting = new Set<Promise<void>>();
  const startErrors: Error[] = [];
  let closed = false;

  const startListener = async (): Promise<Listener> => {
    // The slot is filled in when the listener is given an address; the server reads it per connection.
    const cell: { slot?: Listener['slot'] } = {};
    const server = await startLabServer({
      ca,
      host: LOOPBACK,
      port: 0,
      // Unassigned listeners are never routed to; refusing is the safe answer if one is reached anyway.
      behaviour: () => (cell.slot ? behaviourAt(model, cell.slot.address, cell.slot.port) : 'refuse'),
      identity: () => cell.slot?.address,
      // A valid certificate only for names whose DNS answer is this address: a lie gets a mismatch.
      servesName: (name) => cell.slot !== undefined && book.addressOf(name) === cell.slot.address,
      content,
      blockpage,
      onRequest: (request) => {
        if (cell.slot) requestLog.push({ ...request, address: cell.slot.address, port: cell.slot.port });
      },
    });
    return Object.assign(cell, { server });
  };

  const assign = (listener: Listener, address: string, port: number): Listener => {
    listener.slot = { address, port };
    assigned.set(routeKey(address, port), listener);
    return listener;
  };

  const topUp = (): void => {
    const run = startListener().then(
      async (listener) => {
        if (closed) await listener.server.close();
        else spare.push(listener);
      },
      (error: unknown) => {
        startErrors.push(asError(error));
      },
    );
    starting.add(run);
    void run.finally(() => starting.delete(run));
  };

  // Listeners for everything the catalogue probes, the blockpage servers, and a spare pool.
  const wanted = new Map<string, { address: string; port: number }>();
  for (const { host, port } of catalogueHostPorts(catalogue)) {
    const address = book.addressOf(host);
    wanted.set(routeKey(address, port), { address, port });
  }
  for (const address of [BOGUS_ADDRESS, ...(blockpageHostAddress ? [blockpageHostAddress] : [])]) {
    for (const port of BLOCKPAGE_PORTS) wanted.set(routeKey(address, port), { address, port });
  }
  const started = await Promise.allSettled([
    ...[...wanted.values()].map(async ({ address, port }) => assign(await startListener(), address, port)),
    ...Array.from({ length: options.spareListeners ?? DEFAULT_SPARE_LISTENERS }, async () => {
      const listener = await startListener();
      spare.push(listener);
      return listener;
    }),
  ]);
  // And for every address a listener plays, the certificate a client without SNI (or with a name
  // the address does not serve) gets: made lazily, the first round's dozens of handshakes would
  // queue behind openssl.
  await Promise.all([...new Set([...wanted.values()].map(({ address }) => address))].map((address) => ca.certificateFor(address)));
  const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) {
    await Promise.all([...assigned.values(), ...spare].map((listener) => listener.server.close()));
    throw asError(failed.reason);
  }

  const listenerFor = (address: string, port: number): Listener => {
    const existing = assigned.get(routeKey(address, port));
    if (existing) return existing;
    const next = spare.shift();
    if (!next) {
      throw new Error(`lab: no free listener for ${address}:${port}; create the lab with more spareListeners`);
    }
    topUp();
    return assign(next, address, port);
  };

  const addressArg = (hostOrAddress: string): string => book.addressOf(hostOrAddress);

  const knownAddresses = (): string[] => [
    ...new Set([...book.entries().map(([, address]) => address), ...[...assigned.values()].flatMap((l) => (l.slot ? [l.slot.address] : []))]),
  ];

  /** Certificates being made for wrong-cert behaviours: what `certificatesReady` waits for. */
  const certificatesMade = new Set<Promise<unknown>>();
  const makeCertificatesFor = (behaviour: Behaviour, identities: readonly string[]): void => {
    const kind = wrongCertOf(behaviour);
    if (!kind) return;
    // A failure is the server's to report when a handshake asks for the certificate again.
    const run = Promise.all(identities.map((identity) => ca.certificateFor(identity, kind))).catch(() => undefined);
    certificatesMade.add(run);
    void run.finally(() => certificatesMade.delete(run));
  };

  const makeScope = (label: string, names: readonly string[], addresses: readonly string[], port?: number): LabScope => {
    const scope: LabScope = {
      names,
      addresses,
      behave(behaviour) {
        if (!isBehaviour(behaviour)) throw new Error(`lab: unknown behaviour "${String(behaviour)}"`);
        makeCertificatesFor(behaviour, [...names, ...addresses]);
        for (const address of addresses) {
          if (port === undefined) {
            // The whole address: drop port-specific rules, which would otherwise still win.
            for (const key of Object.keys(model.routes)) if (key.startsWith(`${address}:`)) delete model.routes[key];
          }
          model.routes[routeKey(address, port)] = behaviour;
        }
        return scope;
      },
      dns(behaviour) {
        if (!isDnsBehaviour(behaviour)) throw new Error(`lab: unknown DNS behaviour "${String(behaviour)}"`);
        if (names.length === 0) throw new Error(`lab: ${label} has no host names (IP literals are never looked up)`);
        for (const name of names) model.dns[name] = behaviour;
        return scope;
      },
    };
    return scope;
  };

  const scopeOfHosts = (label: string, hosts: readonly string[], port?: number): LabScope => {
    const normalized = hosts.map(normalizeHost);
    const names = normalized.filter((host) => isIP(host) === 0);
    const addresses = [...new Set(normalized.map((host) => book.addressOf(host)))];
    return makeScope(label, names, addresses, port);
  };

  const listenersOf = (hostOrAddress?: string): Listener[] => {
    const all = [...assigned.values()];
    if (hostOrAddress === undefined) return all;
    const address = addressArg(hostOrAddress);
    return all.filter((listener) => listener.slot?.address === address);
  };

  const traffic = (hostOrAddress?: string): Traffic => {
    let connections = 0;
    let bytesRead = 0;
    let bytesWritten = 0;
    for (const listener of listenersOf(hostOrAddress)) {
      const counted = listener.server.traffic();
      connections += counted.connections;
      bytesRead += counted.bytesRead;
      bytesWritten += counted.bytesWritten;
    }
    return { connections, bytesRead, bytesWritten };
  };

  const network: NodeNetwork = {
    resolve(hostname) {
      const name = normalizeHost(hostname);
      if (isIP(name) !== 0) return Promise.resolve([name]);
      const behaviour = dnsBehaviourOf(model, name);
      dnsLog.push({ at: Date.now(), name, behaviour });
      switch (behaviour) {
        case 'answer':
          return Promise.resolve([book.addressOf(name)]);
        case 'bogus':
          return Promise.resolve([BOGUS_ADDRESS]);
        case 'nxdomain':
          return Promise.reject(dnsError('ENOTFOUND', name));
        case 'servfail':
          return Promise.reject(dnsError('EAI_AGAIN', name));
        case 'timeout':
          // Never settles; holds no timer or socket, so it keeps nothing alive.
          return new Promise<string[]>(() => undefined);
      }
    },
    route(rawAddress, port): Route {
      const address = normalizeHost(rawAddress);
      const behaviour = behaviourAt(model, address, port);
      const name = book.nameAt(address);
      attemptLog.push({ at: Date.now(), address, port, ...(name !== undefined ? { name } : {}), behaviour });
      if (behaviour === 'blackhole') return 'blackhole';
      if (behaviour === 'refuse') return { host: REFUSED_HOST, port: REFUSED_PORT };
      return { host: LOOPBACK, port: listenerFor(address, port).server.port };
    },
    ca: [ca.certificatePem],
  };

  const lab: Lab = {
    ca,
    catalogue,
    get blockpage(): BlockpageContent {
      if (blockpage instanceof Error) throw blockpage;
      return blockpage;
    },
    network: () => network,
    addressOf: (host) => book.addressOf(host),
    host: (name, port) => {
      if (isIP(normalizeHost(name)) !== 0) throw new Error(`lab: "${name}" is an address; use lab.address()`);
      return scopeOfHosts(`host ${name}`, [name], port);
    },
    address: (ip, port) => {
      if (isIP(normalizeHost(ip)) === 0) throw new Error(`lab: "${ip}" is not an IP address; use lab.host()`);
      return scopeOfHosts(`address ${ip}`, [ip], port);
    },
    service: (serviceId) => scopeOfHosts(`service ${serviceId}`, serviceHosts(catalogue, serviceId)),
    controls: (region) => scopeOfHosts(`controls ${region}`, controlHosts(catalogue, region)),
    everything: () => {
      const scope: LabScope = {
        names: book.entries().map(([name]) => name),
        addresses: knownAddresses(),
        behave(behaviour) {
          if (!isBehaviour(behaviour)) throw new Error(`lab: unknown behaviour "${String(behaviour)}"`);
          makeCertificatesFor(behaviour, [...scope.names, ...scope.addresses]);
          model.routes = {};
          model.defaultRoute = behaviour;
          return scope;
        },
        dns(behaviour) {
          if (!isDnsBehaviour(behaviour)) throw new Error(`lab: unknown DNS behaviour "${String(behaviour)}"`);
          model.dns = {};
          model.defaultDns = behaviour;
          return scope;
        },
      };
      return scope;
    },
    dns(name, behaviour) {
      lab.host(name).dns(behaviour);
      return lab;
    },
    exitCountry(country) {
      exitCountry = country;
      return lab;
    },
    reset() {
      model = copyModel(initial);
      exitCountry = homeCountry;
      attemptLog = [];
      dnsLog = [];
      requestLog = [];
      for (const listener of assigned.values()) listener.server.resetTraffic();
    },
    model: () => copyModel(model),
    bytes: (hostOrAddress) => {
      const counted = traffic(hostOrAddress);
      return counted.bytesRead + counted.bytesWritten;
    },
    traffic,
    connections: (hostOrAddress) => traffic(hostOrAddress).connections,
    exchanges: () =>
      [...assigned.values()].flatMap(({ server, slot }) => (slot ? server.exchanges().map((exchange) => ({ ...exchange, address: slot.address, port: slot.port })) : [])),
    forgetSessions: () => {
      for (const listener of [...assigned.values(), ...spare]) listener.server.forgetSessions();
    },
    attempts: (hostOrAddress) =>
      hostOrAddress === undefined ? [...attemptLog] : attemptLog.filter((attempt) => attempt.address === addressArg(hostOrAddress)),
    dnsQueries: (name) => (name === undefined ? [...dnsLog] : dnsLog.filter((query) => query.name === normalizeHost(name))),
    requests: (hostOrAddress) => {
      if (hostOrAddress === undefined) return [...requestLog];
      const wantedHost = normalizeHost(hostOrAddress);
      return isIP(wantedHost) !== 0
        ? requestLog.filter((request) => request.address === wantedHost)
        : requestLog.filter((request) => request.host === wantedHost);
    },
    errors: () => [...startErrors, ...[...assigned.values(), ...spare].flatMap((listener) => listener.server.errors())],
    async certificatesReady() {
      await Promise.all([...certificatesMade]);
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...starting]);
      await Promise.all([...assigned.values(), ...spare.splice(0)].map((listener) => listener.server.close()));
    },
  };
  return lab;
}
