/**
 * The catalogue: everything Blockwatch probes, what counts as an answer, and how a block looks.
 * `tests/catalogue/catalogue.test.ts` holds it to `validateCatalogue`; the manifest's host
 * permissions are generated from it (`permissions.ts`).
 */
import { BLOCKPAGES } from './blockpages';
import { BOGUS_ADDRESS_RANGES } from './bogus-addresses';
import { CONTROLS } from './controls';
import { SERVICES } from './services';
import { THROUGHPUT_CONTROLS } from './throughput-controls';
import type { Catalogue } from './types';

export const CATALOGUE: Catalogue = {
  services: SERVICES,
  controls: CONTROLS,
  throughputControls: THROUGHPUT_CONTROLS,
  blockpages: BLOCKPAGES,
  bogusAddressPrefixes: BOGUS_ADDRESS_RANGES,
};
