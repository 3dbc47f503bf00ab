/**
 * The toolbar button: the number of blocked services on the badge (empty when none), a colour
 * that says how bad, a tooltip with a one-line summary.
 */
import { browser } from 'wxt/browser';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { isBadState } from '../../src/states';
import { TOOLBAR_ICON_PATHS, toolbarIconFor } from '../shared/ui/icons';
import { browserTranslate as translate } from '../shared/browser-translate';
import { timeOfDay } from './text';

/** Red for blocked, as browsers' own warnings; never the only signal (the number and tooltip say it too). */
const BLOCKED_COLOUR = '#b3261e';
const GREY = '#5f6368';

type ToolbarAction = Partial<Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle' | 'setIcon'>>;

/**
 * `action` in Chrome MV3, `browserAction` in Firefox MV2. Firefox for Android puts the button in
 * its menu and may lack a badge or icon call: each call is made only where the browser has it.
 */
function toolbarAction(): ToolbarAction {
  return (browser.action as ToolbarAction | undefined) ?? (browser as unknown as { browserAction?: ToolbarAction }).browserAction ?? {};
}

export function tooltipOf(snapshot: Snapshot): string {
  const name = translate('extName');
  if (snapshot.paused) {
    return `${name}: ${snapshot.paused.until === null ? translate('toolbar_paused_until_resumed') : translate('toolbar_paused_until', timeOfDay(snapshot.paused.until))}`;
  }
  if (snapshot.network.state === 'offline') return `${name}: ${translate('state_offline')}`;
  if (snapshot.network.restricted) return `${name}: ${translate('state_restricted')}`;
  const bad = snapshot.services.filter((service) => isBadState(service.state));
  if (bad.length === 0) return snapshot.services.length > 0 && snapshot.services.every((service) => service.state === 'unknown') ? name : `${name}: ${translate('toolbar_all_reachable')}`;
  return `${name}: ${bad.map((service) => `${service.name} — ${translate(`state_${service.state}`)}`).join('; ')}`;
}

export async function showOnToolbar(snapshot: Snapshot): Promise<void> {
  const action = toolbarAction();
  // The badge counts blocked services and is empty otherwise; offline and "only domestic sites"
  // show in the icon and the tooltip.
  // Paused says so on the badge itself: the count would be stale, and no check runs.
  const text = snapshot.paused ? translate('toolbar_paused_badge') : snapshot.blockedCount > 0 ? String(snapshot.blockedCount) : '';
  await action.setBadgeText?.({ text });
  await action.setBadgeBackgroundColor?.({ color: !snapshot.paused && snapshot.blockedCount > 0 ? BLOCKED_COLOUR : GREY });
  await action.setTitle?.({ title: tooltipOf(snapshot) });
  await action.setIcon?.({ path: { ...TOOLBAR_ICON_PATHS[toolbarIconFor(snapshot)] } });
}
