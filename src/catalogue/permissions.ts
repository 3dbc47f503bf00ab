/**
 * The manifest's host permissions, generated from the catalogue: one match pattern per origin
 * the catalogue probes (scheme and host; ports are not part of a match pattern).
 */
import type { Catalogue } from './types';

export function matchPatternFor(url: string): string {
  const parsed = new URL(url);
  // Match patterns take a bare host; IPv6 literals keep their brackets.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

export function catalogueUrls(catalogue: Catalogue): string[] {
  const urls: string[] = [];
  for (const service of catalogue.services) {
    for (const component of service.components) for (const endpoint of component.endpoints) urls.push(endpoint.url);
    if (service.throughput) urls.push(service.throughput.url);
  }
  for (const control of catalogue.controls) urls.push(control.url);
  for (const control of catalogue.throughputControls) urls.push(control.url);
  return urls;
}

/** Sorted, without duplicates, so the manifest is stable from build to build. */
export function hostPermissions(catalogue: Catalogue): string[] {
  return [...new Set(catalogueUrls(catalogue).map(matchPatternFor))].sort();
}

/** Whether `patterns` grant access to `url` (exact scheme and host, as generated above). */
export function isCoveredBy(url: string, patterns: readonly string[]): boolean {
  return patterns.includes(matchPatternFor(url));
}
