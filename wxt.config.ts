import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { writeIcons } from './scripts/icon/generate-icons';
import { repackDeterministically } from './scripts/zip/deterministic-zip';
import { CATALOGUE } from './src/catalogue';
import { apiPermissionsFor, OPTIONAL_HOST_PERMISSIONS } from './src/catalogue/manifest-permissions';
import { hostPermissions } from './src/catalogue/permissions';
import { GECKO_ID } from './extension/shared/gecko-id';

/**
 * Firefox for Android: the oldest version with every API the extension uses, per MDN's
 * browser-compat-data (github.com/mdn/browser-compat-data, commit a0a74f9b2e8bf61b989e82cf1da618cc33791c56,
 * `firefox_android.version_added`): permissions.request 120 (webextensions/api/permissions.json) is
 * the newest; browserAction.setBadgeText/setBadgeBackgroundColor/setIcon 79, permissions.remove 79
 * (api/browserAction.json, api/permissions.json); tabs.create 54; alarms, notifications, storage.local,
 * webRequest (onBeforeRequest, onBeforeRedirect, onErrorOccurred, onCompleted…), runtime and i18n 48;
 * the `gecko_android` key itself 113 (manifest/browser_specific_settings.json). Older Android
 * versions ignore `data_collection_permissions` (142 there): we collect nothing, so nothing is lost.
 * Where an Android build still lacks an API at run time (notifications), the pages say so
 * (extension/shared/capabilities.ts).
 */
const GECKO_ANDROID_MIN_VERSION = '120.0';

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
    // Reproducible zips: WXT stamps entries with the time and lists files in file-system order; the
    // same files re-packed with one fixed date, sorted (scripts/zip/deterministic-zip.ts).
    'zip:extension:done': async (_wxt, zipPath) => repackDeterministically(zipPath),
    'zip:sources:done': async (_wxt, zipPath) => repackDeterministically(zipPath),
  },
  zip: {
    // The sources zip (for AMO's reviewers) holds the sources, never what a local run left behind
    // (git-ignored: test and bench output, coverage). WXT already leaves out node_modules, dotfiles,
    // .output and *.test.* files.
    // Nor the stores' screenshots (1.5 MB of PNG, not needed to build).
    excludeSources: ['test-results/**', 'coverage/**', 'bench-results/*.tmp', 'tests/e2e/.scratch/**', '**/*.log', 'store/screenshots/**'],
  },
  // Firefox stays on MV2: its MV3 build gets no webRequest error for a DNS failure (docs/sources.md#firefox-mv2).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [...apiPermissionsFor(browser)],
    // One source of truth: every host the catalogue probes, nothing more (no catch-all pattern).
    host_permissions: hostPermissions(CATALOGUE),
    // Custom targets ask for their own host at the moment the user adds them. Firefox's MV2 manifest
    // has no optional_host_permissions (WXT drops it there): the same patterns go in optional_permissions.
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    ...(browser === 'firefox' ? { optional_permissions: [...OPTIONAL_HOST_PERMISSIONS] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: GECKO_ID, strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
            // Firefox for Android: GECKO_ANDROID_MIN_VERSION's comment says why this version.
            gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
          },
        }
      : {}),
  }),
});
