/**
 * Browser features Blockwatch can do without, checked when used: Firefox for Android runs the
 * same build, and a browser may leave an API out (notifications, the toolbar badge) even where
 * its documentation lists it. Without notifications the options page says so, and changes show
 * only in the toolbar window and the history.
 */
import { browser } from 'wxt/browser';

interface MaybeNotifications {
  readonly notifications?: { readonly create?: unknown; readonly onClicked?: unknown };
}

export function canNotify(): boolean {
  const notifications = (browser as unknown as MaybeNotifications).notifications;
  return typeof notifications?.create === 'function' && typeof notifications.onClicked === 'object' && notifications.onClicked !== null;
}
