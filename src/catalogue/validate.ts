/**
 * Checks a catalogue and returns one message per problem, each starting with the entry it is
 * about ("telegram.chat.dc2: …", "control intl.google: …"). An empty list means the catalogue is
 * fit to build: the catalogue test holds the real one to that, so a bad edit fails the build
 * instead of misleading users.
 */
import { THROUGHPUT_MAX_BYTES, THROUGHPUT_MIN_BYTES, BLOCKPAGE_SNIFF_BYTES } from '../defaults';
import { POST_CONNECT_FAILURES, isFailureCode } from '../probe/failure/codes';
import { inRange, isBogusAddress, parseRange, rangesOverlap } from '../address';
import { LAB_ADDRESS_RANGE } from './lab-range';
import { hostPermissions, isCoveredBy } from './permissions';
import type { Catalogue, ComponentRole, Endpoint, HttpMethod, Service, Source } from './types';

/** Countries whose users the design names first; each needs a domestic control (where messengers were blocked in recent years: docs/sources.md#catalogue, timeline keys). */
export const REQUIRED_DOMESTIC_REGIONS: readonly string[] = ['RU', 'IR', 'CN', 'TR'];
/** Enough unrelated international controls that one host's outage never reads as "offline". */
export const MIN_INTERNATIONAL_CONTROLS = 3;
/** Throughput needs a second yardstick for when one control network is itself slowed. */
export const MIN_THROUGHPUT_CONTROLS = 2;

/**
 * Hosts Chromium forces to https, with their subdomains (HSTS preload, docs/sources.md#hsts-preload):
 * an http:// probe to them is rewritten before it leaves the browser, so it tests nothing.
 */
const HSTS_PRELOADED = ['whatsapp.com', 'whatsapp.net', 'telegram.org', 'cp.cloudflare.com'];

const METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST'];
const ROLES: readonly ComponentRole[] = ['web', 'chat', 'media', 'registration', 'links', 'api'];
const ID = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOST = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function urlProblems(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [`url "${url}" is not a valid URL`];
  }
  const problems: string[] = [];
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') problems.push(`url "${url}" is not http(s)`);
  if (parsed.hostname === '') problems.push(`url "${url}" has no host`);
  if (parsed.hostname.includes('*')) problems.push(`url "${url}" has a wildcard host`);
  if (parsed.username !== '' || parsed.password !== '') problems.push(`url "${url}" carries credentials`);
  if (parsed.hash !== '' || url.includes('#')) problems.push(`url "${url}" has a fragment`);
  if (parsed.protocol === 'http:' && HSTS_PRELOADED.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`))) {
    problems.push(`url "${url}" is plain http on an HSTS-preloaded host: Chromium rewrites it to https`);
  }
  return problems;
}

function sourceProblems(source: Source | undefined, today: string): string[] {
  if (!source) return ['has no source'];
  const problems: string[] = [];
  if (typeof source.ref !== 'string' || source.ref.trim() === '') problems.push('source has no ref');
  const match = DAY.exec(source.checked ?? '');
  if (!match) {
    problems.push(`source date "${source.checked}" is not YYYY-MM-DD`);
  } else {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    if (isoDay(Date.UTC(year, month - 1, day)) !== source.checked) problems.push(`source date "${source.checked}" is not a real day`);
    else if (source.checked > today) problems.push(`source date "${source.checked}" is in the future`);
  }
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function endpointProblems(endpoint: Endpoint, today: string): string[] {
  const problems = [...urlProblems(endpoint.url), ...sourceProblems(endpoint.source, today)];
  if (endpoint.kind !== 'http' && endpoint.kind !== 'reach') problems.push(`kind "${String(endpoint.kind)}" is not http or reach`);
  if (!METHODS.includes(endpoint.method)) problems.push(`method "${String(endpoint.method)}" is not GET, HEAD or POST`);
  if (endpoint.rotate !== undefined && typeof endpoint.rotate !== 'boolean') problems.push('rotate is not true or false');
  if (endpoint.reachedOn !== undefined) {
    if (endpoint.kind !== 'reach') problems.push('reachedOn is only for reach endpoints');
    for (const code of endpoint.reachedOn) {
      if (!isFailureCode(code)) problems.push(`reachedOn "${String(code)}" is not a failure code`);
      else if (!POST_CONNECT_FAILURES.includes(code)) problems.push(`reachedOn "${code}" can happen without reaching the host`);
    }
  }
  if (endpoint.kind === 'reach' && (endpoint.reachedOn === undefined || endpoint.reachedOn.length === 0)) {
    problems.push('a reach endpoint needs reachedOn (else make it http)');
  }
  return problems;
}

function serviceProblems(service: Service, name: string, today: string, endpointIds: Map<string, string>): string[] {
  const problems: string[] = [];
  const say = (entry: string, problem: string) => problems.push(`${entry}: ${problem}`);
  if (!ID.test(service.id)) say(name, `id "${service.id}" is not lower-case letters, digits and . _ -`);
  if (typeof service.name !== 'string' || service.name.trim() === '') say(name, 'has no name');
  if (service.custom) say(name, 'is marked custom: user targets do not belong in the catalogue');
  if (service.components.length < 2) say(name, `has ${service.components.length} component(s), needs at least 2`);
  const chats = service.components.filter((component) => component.role === 'chat').length;
  if (chats !== 1) say(name, `has ${chats} chat components, needs exactly 1 (the part that carries messages)`);

  const componentIds = new Set<string>();
  let rotating = 0;
  for (const [index, component] of service.components.entries()) {
    const componentName = component.id ? `${service.id}.${component.id}` : `${name}.components[${index}]`;
    if (!ID.test(component.id)) say(componentName, `id "${component.id}" is not lower-case letters, digits and . _ -`);
    if (componentIds.has(component.id)) say(componentName, 'component id is used twice in this service');
    componentIds.add(component.id);
    if (!ROLES.includes(component.role)) say(componentName, `role "${String(component.role)}" is not one of ${ROLES.join(', ')}`);
    if (component.endpoints.length === 0) say(componentName, 'has no endpoints');
    for (const [endpointIndex, endpoint] of component.endpoints.entries()) {
      const endpointName = endpoint.id || `${componentName}.endpoints[${endpointIndex}]`;
      const prefix = `${service.id}.${component.id}.`;
      if (!endpoint.id.startsWith(prefix) || endpoint.id.length === prefix.length) {
        say(endpointName, `endpoint id must be "${prefix}<name>"`);
      }
      const owner = endpointIds.get(endpoint.id);
      if (owner !== undefined) say(endpointName, `endpoint id is also used in ${owner}`);
      endpointIds.set(endpoint.id, componentName);
      if (endpoint.rotate !== false) rotating += 1;
      for (const problem of endpointProblems(endpoint, today)) say(endpointName, problem);
    }
  }
  if (rotating === 0) say(name, 'has no endpoint in rotation, so light rounds never probe it');

  const throughputName = `${service.id}.throughput`;
  if (!service.throughput) {
    say(name, 'has no throughput object');
  } else {
    const { throughput } = service;
    for (const problem of urlProblems(throughput.url)) say(throughputName, problem);
    for (const problem of sourceProblems(throughput.source, today)) say(throughputName, problem);
    if (!Number.isInteger(throughput.bytes) || throughput.bytes < THROUGHPUT_MIN_BYTES || throughput.bytes > THROUGHPUT_MAX_BYTES) {
      say(throughputName, `bytes ${throughput.bytes} is not a whole number from ${THROUGHPUT_MIN_BYTES} to ${THROUGHPUT_MAX_BYTES}`);
    }
    if (typeof throughput.range !== 'boolean') say(throughputName, 'range is not true or false');
  }
  return problems;
}

/**
 * `now` is the clock that decides which source dates lie in the future (ms since the epoch);
 * tests pass a fixed one.
 */
export function validateCatalogue(catalogue: Catalogue, now: number = Date.now()): string[] {
  const today = isoDay(now);
  const problems: string[] = [];
  const say = (entry: string, problem: string) => problems.push(`${entry}: ${problem}`);

  // Services, components, endpoints.
  const serviceIds = new Set<string>();
  const endpointIds = new Map<string, string>();
  const serviceHosts = new Map<string, string>();
  for (const [index, service] of catalogue.services.entries()) {
    const name = service.id || `services[${index}]`;
    if (serviceIds.has(service.id)) say(name, 'service id is used twice');
    serviceIds.add(service.id);
    problems.push(...serviceProblems(service, name, today, endpointIds));
    for (const component of service.components) {
      if (component.pool !== undefined) {
        const { perRound } = component.pool;
        if (!Number.isInteger(perRound) || perRound < 2 || perRound > component.endpoints.length) {
          say(`${name}.${component.id}`, `pool perRound ${perRound} is not a whole number from 2 to its ${component.endpoints.length} hosts`);
        }
      }
      for (const endpoint of component.endpoints) {
        const host = hostOf(endpoint.url);
        if (host) serviceHosts.set(host, endpoint.id);
      }
    }
    const throughputHost = service.throughput ? hostOf(service.throughput.url) : undefined;
    if (throughputHost) serviceHosts.set(throughputHost, `${service.id}.throughput`);
  }

  // Controls.
  const controlIds = new Set<string>();
  const controlHosts = new Map<string, string>();
  for (const [index, control] of catalogue.controls.entries()) {
    const name = `control ${control.id || `controls[${index}]`}`;
    if (!ID.test(control.id)) say(name, `id "${control.id}" is not lower-case letters, digits and . _ -`);
    if (controlIds.has(control.id)) say(name, 'control id is used twice');
    controlIds.add(control.id);
    for (const problem of [...urlProblems(control.url), ...sourceProblems(control.source, today)]) say(name, problem);
    if (!METHODS.includes(control.method)) say(name, `method "${String(control.method)}" is not GET, HEAD or POST`);
    if (control.region !== 'intl' && !COUNTRY.test(control.region)) say(name, `region "${control.region}" is not "intl" or a country code like "RU"`);
    const expected = control.expect;
    if (expected?.status !== undefined && !(Number.isInteger(expected.status) && expected.status >= 100 && expected.status <= 599)) {
      say(name, `expected status ${expected.status} is not an HTTP status`);
    }
    if (expected?.bodyIncludes !== undefined) {
      if (expected.bodyIncludes === '') say(name, 'expected body text is empty');
      if (control.method === 'HEAD') say(name, 'expects body text but uses HEAD, which has no body');
    }
    const host = hostOf(control.url);
    if (host) {
      controlHosts.set(host, control.id);
      const service = serviceHosts.get(host);
      if (service) say(name, `host ${host} is also a service host (${service}): a control must be unrelated`);
    }
  }
  const international = catalogue.controls.filter((control) => control.region === 'intl').length;
  if (international < MIN_INTERNATIONAL_CONTROLS) {
    say('controls', `${international} international controls, needs at least ${MIN_INTERNATIONAL_CONTROLS}`);
  }
  for (const region of REQUIRED_DOMESTIC_REGIONS) {
    if (!catalogue.controls.some((control) => control.region === region)) say('controls', `no domestic control for ${region}`);
  }

  // Throughput controls.
  const throughputControlIds = new Set<string>();
  for (const [index, control] of catalogue.throughputControls.entries()) {
    const name = `throughput control ${control.id || `throughputControls[${index}]`}`;
    if (!ID.test(control.id)) say(name, `id "${control.id}" is not lower-case letters, digits and . _ -`);
    if (throughputControlIds.has(control.id) || controlIds.has(control.id)) say(name, 'id is already used by another control');
    throughputControlIds.add(control.id);
    for (const problem of [...urlProblems(control.url), ...sourceProblems(control.source, today)]) say(name, problem);
    if (!Number.isInteger(control.bytes) || control.bytes < THROUGHPUT_MIN_BYTES || control.bytes > THROUGHPUT_MAX_BYTES) {
      say(name, `bytes ${control.bytes} is not a whole number from ${THROUGHPUT_MIN_BYTES} to ${THROUGHPUT_MAX_BYTES}`);
    }
    if (typeof control.range !== 'boolean') say(name, 'range is not true or false');
    if (control.region !== 'intl' && !COUNTRY.test(control.region)) say(name, `region "${control.region}" is not "intl" or a country code`);
    const host = hostOf(control.url);
    const service = host ? serviceHosts.get(host) : undefined;
    if (service) say(name, `host ${host} is also a service host (${service}): a control must be unrelated`);
  }
  if (catalogue.throughputControls.length < MIN_THROUGHPUT_CONTROLS) {
    say('throughput controls', `${catalogue.throughputControls.length} listed, needs at least ${MIN_THROUGHPUT_CONTROLS}`);
  }

  // Blockpage fingerprints.
  const blockpageIds = new Set<string>();
  const probedHosts = new Map<string, string>([...serviceHosts, ...[...controlHosts].map(([host, id]): [string, string] => [host, `control ${id}`])]);
  for (const [index, fingerprint] of catalogue.blockpages.entries()) {
    const name = `blockpage ${fingerprint.id || `blockpages[${index}]`}`;
    if (!ID.test(fingerprint.id)) say(name, `id "${fingerprint.id}" is not lower-case letters, digits and . _ -`);
    if (blockpageIds.has(fingerprint.id)) say(name, 'blockpage id is used twice');
    blockpageIds.add(fingerprint.id);
    if (fingerprint.country !== '*' && !COUNTRY.test(fingerprint.country)) say(name, `country "${fingerprint.country}" is not "*" or a country code`);
    if (fingerprint.host === undefined && fingerprint.bodyIncludes === undefined && fingerprint.urlPrefix === undefined) {
      say(name, 'has neither a host, a URL prefix nor body text');
    }
    if (fingerprint.urlPrefix !== undefined) {
      const prefixHost = hostOf(fingerprint.urlPrefix);
      if (!prefixHost) say(name, `URL prefix "${fingerprint.urlPrefix}" is not an absolute URL`);
      else if (new URL(fingerprint.urlPrefix).pathname === '/') say(name, `URL prefix "${fingerprint.urlPrefix}" names no path: use host`);
      const owner = prefixHost ? probedHosts.get(prefixHost) : undefined;
      if (owner) say(name, `URL prefix "${fingerprint.urlPrefix}" is on a host probed as ${owner}`);
    }
    if (fingerprint.host !== undefined) {
      if (!HOST.test(fingerprint.host)) say(name, `host "${fingerprint.host}" is not a lower-case host name or address`);
      for (const [host, owner] of probedHosts) {
        const matches = fingerprint.host.startsWith('.') ? host.endsWith(fingerprint.host) : host === fingerprint.host;
        if (matches) say(name, `host "${fingerprint.host}" is probed as ${owner}: its normal answer would read as a blockpage`);
      }
    }
    if (fingerprint.bodyIncludes !== undefined) {
      if (fingerprint.bodyIncludes.trim() === '') say(name, 'body text is empty');
      if (new TextEncoder().encode(fingerprint.bodyIncludes).length > BLOCKPAGE_SNIFF_BYTES) {
        say(name, `body text is longer than the ${BLOCKPAGE_SNIFF_BYTES} bytes compared`);
      }
    }
    for (const problem of sourceProblems(fingerprint.source, today)) say(name, problem);
  }

  // Bogus address ranges.
  const cidrs = new Set<string>();
  for (const range of catalogue.bogusAddressPrefixes) {
    const name = `bogus address "${range.cidr}"`;
    if (parseRange(range.cidr) === undefined) say(name, 'is not a CIDR range written as its first address and prefix length ("10.0.0.0/8", "2001::/32")');
    else if (rangesOverlap(range.cidr, LAB_ADDRESS_RANGE)) say(name, `covers part of ${LAB_ADDRESS_RANGE}, where the labs put their hosts`);
    if (cidrs.has(range.cidr)) say(name, 'is listed twice');
    cidrs.add(range.cidr);
    if (range.what.trim() === '') say(name, 'does not say what it is');
    for (const problem of sourceProblems(range.source, today)) say(name, problem);
  }
  for (const [host, owner] of serviceHosts) {
    if (isBogusAddress(host, catalogue.bogusAddressPrefixes)) say(owner, `address ${host} is listed as bogus, so every answer would read as a DNS lie`);
    if (inRange(host, LAB_ADDRESS_RANGE)) say(owner, `address ${host} is inside ${LAB_ADDRESS_RANGE}, where the labs put host names`);
  }

  // Host permissions: every probed URL covered, nothing broader than a host.
  let patterns: string[] = [];
  try {
    patterns = hostPermissions(catalogue);
  } catch {
    say('host permissions', 'cannot be generated: some URL does not parse');
  }
  for (const pattern of patterns) {
    if (pattern === '<all_urls>' || /^[^:]*\*|:\/\/[^/]*\*/.test(pattern)) say('host permissions', `pattern "${pattern}" grants more than one host`);
  }
  if (patterns.length > 0) {
    const urls = [
      ...catalogue.services.flatMap((service) => [
        ...service.components.flatMap((component) => component.endpoints.map((endpoint): [string, string] => [endpoint.id, endpoint.url])),
        ...(service.throughput ? [[`${service.id}.throughput`, service.throughput.url] as [string, string]] : []),
      ]),
      ...catalogue.controls.map((control): [string, string] => [`control ${control.id}`, control.url]),
      ...catalogue.throughputControls.map((control): [string, string] => [`throughput control ${control.id}`, control.url]),
    ];
    for (const [owner, url] of urls) {
      if (!isCoveredBy(url, patterns)) say(owner, `url "${url}" is not covered by the host permissions`);
    }
  }

  return problems;
}
