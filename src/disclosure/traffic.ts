/**
 * What Blockwatch puts on the wire, computed from the catalogue and the settings in force (never
 * a hand-written list): the hosts it contacts, which of them in plain HTTP, and how often. The
 * welcome page and the options' privacy section show this, so what they say is what the probes do.
 */
import type { Catalogue, CountryCode } from '../catalogue/types';
import { dayBytes, estimateDay } from '../schedule/day-estimate';
import { controlsInForce } from '../schedule/plan-round';
import { CONFIRMATION_SPACING_MS, SPEED_SAMPLE_MAX_AGE_MIN, SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN } from '../defaults';
import { servicesInForce } from '../runtime/services-in-force';
import type { Settings } from '../settings/schema';

export interface HostsOf {
  /** A service's brand name. */
  readonly name: string;
  /** Host names (with the port when it is not the scheme's own), in catalogue order, each once. */
  readonly hosts: readonly string[];
}

export interface TrafficDisclosure {
  /** Minutes between regular rounds. */
  readonly intervalMin: number;
  /** Seconds after a suspicious round before it is checked again. */
  readonly confirmAfterSec: number;
  readonly services: readonly HostsOf[];
  /** International test sites (controls and speed references). */
  readonly intlControls: readonly string[];
  /** Domestic test sites for the country, empty with no country. */
  readonly domesticControls: readonly string[];
  readonly country: CountryCode | null;
  /** Hosts contacted in plain HTTP: the request (host, path, headers) travels readable by anyone on the path. */
  readonly plainHttp: readonly string[];
  /** Speed tests: null when turned off. */
  /**
   * Unattended speed samples: each service at least every `everyMin`, `throttledEveryMin` where it
   * was throttled before in the country; also on every manual check. `stopsBeforeMidnight`: the
   * budget is spent before the day is out at these settings, so some samples would not run.
   */
  readonly speed: { readonly everyMin: number; readonly throttledEveryMin: number; readonly budgetBytesPerDay: number; readonly stopsBeforeMidnight: boolean } | null;
  /** A quiet day's bytes in all at these settings, speed samples included, by the extension's own estimate (`estimateDay`). */
  readonly bytesPerDay: number;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function distinct(urls: readonly string[]): string[] {
  return [...new Set(urls.map(hostOf).filter((host): host is string => host !== null))];
}

export function describeTraffic(catalogue: Catalogue, settings: Settings, now: () => number): TrafficDisclosure {
  const services = servicesInForce(catalogue, settings, now);
  const serviceUrls = services.map((service) => [
    ...service.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)),
    ...(settings.throughputEnabled && service.throughput ? [service.throughput.url] : []),
  ]);
  const inRegion = (region: 'intl' | CountryCode): boolean => region === 'intl' || region === settings.country;
  const inForce = controlsInForce(catalogue.controls, settings.country);
  const controls = [...inForce.intl, ...inForce.countryControls, ...inForce.domestic];
  const speedControls = settings.throughputEnabled ? catalogue.throughputControls.filter((control) => inRegion(control.region)) : [];
  const intl = [...controls, ...speedControls].filter((control) => control.region === 'intl').map((control) => control.url);
  const domestic = [...controls, ...speedControls].filter((control) => control.region !== 'intl').map((control) => control.url);
  const everyUrl = [...serviceUrls.flat(), ...intl, ...domestic];
  // Every day has the same rounds; the zone only places midnight, so UTC serves.
  const day = estimateDay({ catalogue, settings, day: now(), utcOffsetMin: 0 });
  return {
    intervalMin: settings.intervalMin,
    confirmAfterSec: CONFIRMATION_SPACING_MS / 1000,
    services: services.map((service, index) => ({ name: service.name, hosts: distinct(serviceUrls[index] ?? []) })),
    intlControls: distinct(intl),
    domesticControls: distinct(domestic),
    country: settings.country,
    plainHttp: distinct(everyUrl.filter((url) => url.startsWith('http:'))),
    speed: settings.throughputEnabled
      ? {
          everyMin: SPEED_SAMPLE_MAX_AGE_MIN,
          throttledEveryMin: SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN,
          budgetBytesPerDay: settings.dataBudgetBytesPerDay,
          stopsBeforeMidnight: day.samplesHeldBack > 0,
        }
      : null,
    bytesPerDay: dayBytes(day),
  };
}
