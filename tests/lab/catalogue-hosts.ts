/**
 * The hosts the catalogue sends probes to, read from the catalogue at run time so the lab never
 * drifts from it: all of them, a service's, and the controls of a region.
 */
import { isIP } from 'node:net';
import { catalogueUrls } from '../../src/catalogue/permissions';
import type { Catalogue, CountryCode } from '../../src/catalogue/types';
import { normalizeHost } from './addresses';

export interface HostPort {
  /** Normalized host name or IP literal. */
  readonly host: string;
  readonly port: number;
}

export function hostPortOf(url: string): HostPort {
  const parsed = new URL(url);
  const port = parsed.port !== '' ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { host: normalizeHost(parsed.hostname), port };
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Every host and port the catalogue probes, without duplicates. */
export function catalogueHostPorts(catalogue: Catalogue): HostPort[] {
  const seen = new Map<string, HostPort>();
  for (const url of catalogueUrls(catalogue)) {
    const hostPort = hostPortOf(url);
    seen.set(`${hostPort.host}:${hostPort.port}`, hostPort);
  }
  return [...seen.values()];
}

/** Host names (not IP literals) the catalogue probes, sorted: the order addresses are assigned in. */
export function catalogueNames(catalogue: Catalogue): string[] {
  return unique(catalogueHostPorts(catalogue).map((hp) => hp.host).filter((host) => isIP(host) === 0));
}

/** Hosts (names and IP literals) of one service's endpoints and throughput object. */
export function serviceHosts(catalogue: Catalogue, serviceId: string): string[] {
  const service = catalogue.services.find((candidate) => candidate.id === serviceId);
  if (!service) {
    const known = catalogue.services.map((candidate) => candidate.id).join(', ');
    throw new Error(`lab: no service "${serviceId}" in the catalogue (it has: ${known || 'none'})`);
  }
  const urls = service.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url));
  if (service.throughput) urls.push(service.throughput.url);
  return unique(urls.map((url) => hostPortOf(url).host));
}

/** Hosts of the controls (and throughput controls) of a region: `intl` or a country code. */
export function controlHosts(catalogue: Catalogue, region: 'intl' | CountryCode): string[] {
  const wanted = region === 'intl' ? 'intl' : region.toUpperCase();
  const urls = [...catalogue.controls, ...catalogue.throughputControls]
    .filter((control) => control.region === wanted)
    .map((control) => control.url);
  if (urls.length === 0) {
    const known = unique([...catalogue.controls, ...catalogue.throughputControls].map((control) => control.region)).join(', ');
    throw new Error(`lab: the catalogue has no controls for "${region}" (it has: ${known || 'none'})`);
  }
  return unique(urls.map((url) => hostPortOf(url).host));
}

/** The IP literals one service is probed at (Telegram's data centres), from the catalogue. */
export function serviceAddresses(catalogue: Catalogue, serviceId: string): string[] {
  return serviceHosts(catalogue, serviceId).filter((host) => isIP(host) !== 0);
}
