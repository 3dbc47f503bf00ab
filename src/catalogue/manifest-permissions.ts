/**
 * The API permissions in the manifest (wxt.config.ts reads them from here), so that the stores'
 * justifications (store/permissions.md, scripts/store/permission-justifications.ts) cover exactly
 * what the extension asks for.
 */
export const API_PERMISSIONS = ['alarms', 'storage', 'notifications', 'webRequest'] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

/** Asked for at the moment a person adds their own target, for that host only. */
export const OPTIONAL_HOST_PERMISSIONS = ['http://*/*', 'https://*/*'] as const;
