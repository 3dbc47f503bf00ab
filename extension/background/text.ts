/** Locale words and time formats for the background (notifications, tooltip). */
import { browser } from 'wxt/browser';
import { formatDuration } from '../../src/format/duration';

const timeFormat = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' });

export function timeOfDay(ms: number): string {
  return timeFormat.format(new Date(ms));
}

export function duration(ms: number): string {
  return formatDuration(ms, browser.i18n.getUILanguage());
}
