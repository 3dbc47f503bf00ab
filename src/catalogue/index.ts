import type { Catalogue } from './types';

export const CATALOGUE: Catalogue = {
  services: [],
  controls: [],
  throughputControls: [],
  blockpages: [],
  bogusAddressPrefixes: [],
};
