/** The real Connector: messaging.ts for the background, `browser.permissions` for sites. */
import { browser } from 'wxt/browser';
import { onPush, send } from '../messaging';
import type { Connector } from './connector';
import { saveFileInPage } from './save-file';

export function browserConnector(): Connector {
  return {
    send,
    onPush,
    requestOrigins: (origins) => browser.permissions.request({ origins: [...origins] }),
    removeOrigins: (origins) => browser.permissions.remove({ origins: [...origins] }).catch(() => false),
    saveFile: (file) => saveFileInPage(file),
  };
}
