/**
 * The API permissions in the manifest (wxt.config.ts reads them from here), so that the stores'
 * justifications (store/permissions.md, scripts/store/permission-justifications.ts) cover exactly
 * what the extension asks for.
 */
export const API_PERMISSIONS = ['alarms', 'storage', 'notifications', 'webRequest', 'declarativeNetRequestWithHostAccess', 'webRequestBlocking', 'dns'] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

/**
 * What each build asks for. Both strip the `Origin` header from the extension's own probes
 * (extension/background/no-origin.ts), each the way its browser allows: Chrome (MV3) with a
 * declarativeNetRequest session rule (`WithHostAccess`: only on hosts it may already reach, no
 * extra install warning), Firefox (MV2) with a blocking webRequest listener. Firefox also gets
 * `dns`: its webRequest gives no address for a failed TLS connection, so the address comes from
 * its own resolver (extension/background/browser-transport.ts), to tell a lie to a filter server
 * from interception.
 */
const COMMON: readonly ApiPermission[] = ['alarms', 'storage', 'notifications', 'webRequest'];
export function apiPermissionsFor(browser: string): readonly ApiPermission[] {
  return browser === 'firefox' ? [...COMMON, 'webRequestBlocking', 'dns'] : [...COMMON, 'declarativeNetRequestWithHostAccess'];
}

/** Asked for at the moment a person adds their own target, for that host only. */
export const OPTIONAL_HOST_PERMISSIONS = ['http://*/*', 'https://*/*'] as const;
