import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { writeIcons } from './scripts/icon/generate-icons';
import { CATALOGUE } from './src/catalogue';
import { hostPermissions } from './src/catalogue/permissions';

/** Firefox needs an id for storage and notifications of a temporary add-on too. */
const GECKO_ID = 'blockwatch@blockwatch.invalid';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'extension',
  publicDir: 'assets',
  outDir: '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Icons are rendered from their SVG sources (scripts/icon/svg/) at every build; `icon/<size>.png`
    // also becomes the manifest's icons by WXT's naming rule.
    'build:publicAssets': async (wxt, files) => {
      for (const icon of await writeIcons(resolve(wxt.config.wxtDir, 'icons'))) files.push({ absoluteSrc: icon.absolute, relativeDest: icon.relative });
    },
  },
  // Firefox stays on MV2: its MV3 build gets no webRequest error for a DNS failure (research/wxt.md).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'storage', 'notifications', 'webRequest'],
    // One source of truth: every host the catalogue probes, nothing more (no catch-all pattern).
    host_permissions: hostPermissions(CATALOGUE),
    // Custom targets ask for their own host at the moment the user adds them. Firefox's MV2 manifest
    // has no optional_host_permissions (WXT drops it there): the same patterns go in optional_permissions.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
