/**
 * The extension's icon files, rendered at build from SVG sources (`scripts/icon/svg/<state>.svg`):
 * the manifest icons, and a variant per toolbar state for `action.setIcon({ path })`.
 *
 *   normal      icon/16.png, icon/32.png (the manifest's own), icon/48.png, icon/128.png
 *   offline     icon/offline-16.png, icon/offline-32.png
 *   restricted  icon/restricted-16.png, icon/restricted-32.png
 *   blocked     icon/blocked-16.png, icon/blocked-32.png
 *
 * The background can call `action.setIcon({ path: TOOLBAR_ICON_PATHS[toolbarIconFor(snapshot)] })`.
 */
import type { Snapshot } from '../../../src/snapshot/snapshot';

/** Sizes the manifest lists: toolbar (16, 32), extensions page (48), store and notifications (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;
/** Toolbar sizes: 16 px at 100 % and 32 px on high-density screens. */
export const TOOLBAR_SIZES = [16, 32] as const;

export type ToolbarIcon = 'normal' | 'offline' | 'restricted' | 'blocked';
export type ToolbarSize = (typeof TOOLBAR_SIZES)[number];

export const TOOLBAR_ICON_PATHS: Readonly<Record<ToolbarIcon, Readonly<Record<ToolbarSize, string>>>> = {
  normal: { 16: '/icon/16.png', 32: '/icon/32.png' },
  offline: { 16: '/icon/offline-16.png', 32: '/icon/offline-32.png' },
  restricted: { 16: '/icon/restricted-16.png', 32: '/icon/restricted-32.png' },
  blocked: { 16: '/icon/blocked-16.png', 32: '/icon/blocked-32.png' },
};

/** The toolbar variant for a snapshot: the connection first (offline, only domestic), then any blocked service. */
export function toolbarIconFor(snapshot: Pick<Snapshot, 'network' | 'blockedCount'>): ToolbarIcon {
  if (snapshot.network.state === 'offline') return 'offline';
  if (snapshot.network.restricted) return 'restricted';
  return snapshot.blockedCount > 0 ? 'blocked' : 'normal';
}
