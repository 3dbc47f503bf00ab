/**
 * The match patterns of every host a round may probe with these settings: the catalogue's services
 * in force, its controls, and the person's own targets. The background's webRequest listeners are
 * registered for these and nothing else, so a page the person opens elsewhere is never seen.
 */
import { hostPermissions } from '../catalogue/permissions';
import type { Catalogue } from '../catalogue/types';
import type { Settings } from '../settings/schema';
import { servicesInForce } from './services-in-force';

export function probedPatterns(catalogue: Catalogue, settings: Settings, now: () => number): string[] {
  return hostPermissions({ ...catalogue, services: servicesInForce(catalogue, settings, now) });
}
