/**
 * Host access the person has withheld. Chrome lets a person set an extension's site access to
 * "on click" or to chosen sites, and a custom target's grant can be revoked; a probe without
 * access fails exactly like a block (fetch says only "TypeError", webRequest says nothing). So a
 * service with any host withheld is not probed and reads "no access": never blocked, never
 * notified. The browser question (`permissions.contains` per origin) is an injected effect.
 */
import type { Service } from '../catalogue/types';
import { matchPatternFor } from '../catalogue/permissions';

/** Answers which of these match patterns ("https://web.whatsapp.com/*") the extension may not reach. */
export type WithheldHosts = (patterns: readonly string[]) => Promise<readonly string[]>;

/** Every match pattern a service's probes need: its endpoints and its throughput object. */
export function patternsOf(service: Service): string[] {
  const urls = [...service.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)), ...(service.throughput ? [service.throughput.url] : [])];
  return [...new Set(urls.map(matchPatternFor))];
}

/** The services (ids) that need a host the extension may not reach, asked once per pattern. */
export async function withheldServices(services: readonly Service[], withheldHosts: WithheldHosts): Promise<Set<string>> {
  const byService = new Map(services.map((service) => [service.id, patternsOf(service)]));
  const all = [...new Set([...byService.values()].flat())];
  if (all.length === 0) return new Set();
  const withheld = new Set(await withheldHosts(all));
  return new Set([...byService].filter(([, patterns]) => patterns.some((pattern) => withheld.has(pattern))).map(([id]) => id));
}
