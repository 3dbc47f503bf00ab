/** Locale words and time formats for the background (notifications, tooltip). */
import { browser } from 'wxt/browser';
import { formatDuration } from '../../src/format/duration';
import type { Translate } from '../../src/i18n/translate';

export const translate: Translate = (key, substitutions) =>
  // The key set is checked by the locale test; the browser returns '' for an unknown key.
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions === undefined ? undefined : [...(typeof substitutions === 'string' ? [substitutions] : substitutions)]);

const timeFormat = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' });

export function timeOfDay(ms: number): string {
  return timeFormat.format(new Date(ms));
}

export function duration(ms: number): string {
  return formatDuration(ms, browser.i18n.getUILanguage());
}
