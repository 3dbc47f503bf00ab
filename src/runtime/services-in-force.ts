/**
 * The services a round probes: the catalogue's, minus those the user turned off, plus the user's
 * own targets (re-parsed from what they typed, so a target is always built by the current parser).
 */
import { parseCustomTarget } from '../catalogue/custom-target';
import type { Catalogue, Service } from '../catalogue/types';
import type { Settings } from '../settings/schema';

export function servicesInForce(catalogue: Catalogue, settings: Settings, now: () => number): Service[] {
  const disabled = new Set(settings.disabledServices);
  const services: Service[] = catalogue.services.filter((service) => !disabled.has(service.id));
  for (const target of settings.customTargets) {
    if (disabled.has(target.id)) continue;
    const parsed = parseCustomTarget(target.input, [], now);
    if (parsed.ok && !services.some((service) => service.id === parsed.service.id)) services.push(parsed.service);
  }
  return services;
}

/** Every service the user could enable: the catalogue's and their own, with whether it is on. */
export function allServices(catalogue: Catalogue, settings: Settings, now: () => number): { service: Service; enabled: boolean }[] {
  const disabled = new Set(settings.disabledServices);
  const all: { service: Service; enabled: boolean }[] = catalogue.services.map((service) => ({ service, enabled: !disabled.has(service.id) }));
  for (const target of settings.customTargets) {
    const parsed = parseCustomTarget(target.input, [], now);
    if (parsed.ok) all.push({ service: parsed.service, enabled: !disabled.has(target.id) });
  }
  return all;
}
