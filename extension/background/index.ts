/**
 * The background: wires browser APIs into the engine's monitor (`src/runtime/monitor.ts`).
 * Listeners are registered synchronously (MV3 delivers the waking event only to listeners that
 * exist when `main` returns); everything else waits on one `ready` promise.
 */
import { browser } from 'wxt/browser';
import { canNotify } from '../shared/capabilities';
import { defineBackground } from 'wxt/utils/define-background';
import { CATALOGUE } from '../../src/catalogue';
import type { Environment } from '../../src/probe/transport';
import { createMonitor, type AlarmName, type Monitor } from '../../src/runtime/monitor';
import { reopeningConnection, reopeningHistoryPort } from '../../src/runtime/reopening-history-port';
import { guessCountry } from '../../src/settings/country';
import { defaultSettings, type Settings } from '../../src/settings/schema';
import type { SettingsStore } from '../../src/settings/settings-store';
import { openHistory } from '../../src/store/open';
import { handle, push } from '../shared/messaging';
import { createBrowserTransport, type WebRequestEvents } from './browser-transport';
import { removeOriginWithListener, removeOriginWithSessionRule, type BeforeSendHeaders, type SessionRules } from './no-origin';
import { hostPermissions } from '../../src/catalogue/permissions';
import { migrateSettings } from '../../src/settings/migrate';
import { loadSettings } from '../../src/settings/settings-store';
import { probedPatterns } from '../../src/runtime/probed-patterns';
import { createHandlers } from './handlers';
import { incidentPagePath, WELCOME_PAGE_PATH } from '../shared/ui/page-paths';
import { browserTranslate } from '../shared/browser-translate';
import { duration, timeOfDay } from './text';
import { showOnToolbar } from './toolbar';
import { withheldHosts } from './host-access';

const ALARMS: readonly AlarmName[] = ['round', 'confirm', 'watchdog', 'resume'];
const SETTINGS_KEY = 'settings';

/** Which failure table applies: Firefox's webRequest speaks NS_ERROR_*, Chrome's net::ERR_*. */
function environment(): Environment {
  return extensionUrl('/').startsWith('moz-extension:') ? 'firefox' : 'chrome';
}

const settingsStore: SettingsStore = {
  async load() {
    return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  },
  async save(settings) {
    await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  },
};

/** A set of match patterns as one comparable string, whatever their order. */
function patternsKey(patterns: readonly string[]): string {
  return JSON.stringify([...patterns].sort());
}

/** "whatsapp|blocked|1700000000000" (a notification's id) → the history page at that incident. */
function historyUrlFor(notificationId: string): string {
  const [subject = '', , start = ''] = notificationId.split('|');
  return extensionUrl(incidentPagePath(subject, Number(start)));
}

/** A URL inside the extension (WXT types `getURL` to known entrypoints only; icons are generated). */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (path: string) => string)(path);
}

/** Firefox's `dns` API (MV2, the `dns` permission): the browser's own resolver and cache. */
interface FirefoxDns {
  resolve(hostname: string): Promise<{ readonly addresses: readonly string[] }>;
}

export default defineBackground({
  type: 'module',
  main() {
    const failed = (what: string) => (error: unknown): void => console.error(`[blockwatch] ${what} failed`, error);
    // Listeners first, for the catalogue's hosts; the person's own targets join once the settings are read.
    const inBrowser = environment();
    // Firefox's own resolver (the `dns` permission), for the address of a failed TLS connection; absent where a build lacks the API.
    const firefoxDns = inBrowser === 'firefox' ? (browser as unknown as { dns?: FirefoxDns }).dns : undefined;
    const resolveHost = firefoxDns ? async (hostname: string) => (await firefoxDns.resolve(hostname)).addresses : undefined;
    const transport = createBrowserTransport(inBrowser, browser.webRequest as unknown as WebRequestEvents, hostPermissions(CATALOGUE), (url, init) => fetch(url, init), resolveHost);
    const originRemoval =
      inBrowser === 'firefox'
        ? removeOriginWithListener((browser.webRequest as unknown as { onBeforeSendHeaders: BeforeSendHeaders }).onBeforeSendHeaders, extensionUrl('/'), hostPermissions(CATALOGUE))
        : null;
    // Chrome: the rule must be in force before the first probe, so `ready` waits for it.
    const originRuleSet: Promise<void> =
      inBrowser === 'firefox' ? Promise.resolve() : removeOriginWithSessionRule(browser.declarativeNetRequest as unknown as SessionRules, browser.runtime.id);
    const defaults = defaultSettings(guessCountry(Intl.DateTimeFormat().resolvedOptions().timeZone, [browser.i18n.getUILanguage(), ...navigator.languages]));
    const now = (): number => Date.now();
    const utcOffsetMin = (): number => -new Date().getTimezoneOffset();
    // The listeners are registered again only when the probed hosts change, not on every settings write.
    let watched = patternsKey(hostPermissions(CATALOGUE));
    const watchProbedHosts = (settings: Settings): void => {
      const patterns = probedPatterns(CATALOGUE, settings, now);
      const key = patternsKey(patterns);
      if (key === watched) return;
      watched = key;
      transport.watch(patterns);
      originRemoval?.watch(patterns);
    };
    const watching = loadSettings(settingsStore, defaults).then(watchProbedHosts).catch(failed('watching the probed hosts'));

    const ready: Promise<{ monitor: Monitor; handlers: ReturnType<typeof createHandlers> }> = Promise.all([openHistory(indexedDB), originRuleSet, watching]).then(([db]) => {
      // A database deleted or closed under a running background is opened again for the next round
      // and the next page request: the monitor and the handlers share one such connection.
      const history = reopeningConnection(() => openHistory(indexedDB), db);
      const monitor = createMonitor({
        catalogue: CATALOGUE,
        history: reopeningHistoryPort(history),
        settings: settingsStore,
        defaultSettings: defaults,
        transport,
        clock: { now, utcOffsetMin, random: Math.random },
        effects: {
          async armAlarm(name, at) {
            if (at === null) await browser.alarms.clear(name);
            else await browser.alarms.create(name, { when: at });
          },
          async armRepeating(name, periodMin) {
            await browser.alarms.create(name, { periodInMinutes: periodMin });
          },
          async alarmAt(name) {
            return (await browser.alarms.get(name))?.scheduledTime ?? null;
          },
          async notify(id, text) {
            // Firefox for Android may have no notifications: the change still shows on the toolbar and in the history.
            if (!canNotify()) return;
            await browser.notifications.create(id, { type: 'basic', iconUrl: extensionUrl('/icon/128.png'), title: text.title, message: text.message });
          },
          showState: showOnToolbar,
          publish: (snapshot) => push({ type: 'snapshot', snapshot }),
          log: (message) => console.warn(`[blockwatch] ${message}`),
          withheldHosts: withheldHosts,
        },
        text: { t: browserTranslate, time: timeOfDay, duration },
      });
      return { monitor, handlers: createHandlers({ history, monitor, settings: settingsStore, defaults, now, utcOffsetMin }) };
    });

    handle(ready.then(({ handlers }) => handlers));

    browser.alarms.onAlarm.addListener((alarm) => {
      const name = ALARMS.find((known) => known === alarm.name);
      if (name) ready.then(({ monitor }) => monitor.onAlarm(name)).catch(failed(`alarm ${alarm.name}`));
    });
    // A custom target added or removed: listen to exactly the hosts probed now (read from the change, not from storage again).
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
      try {
        watchProbedHosts(migrateSettings(changes[SETTINGS_KEY]?.newValue, defaults));
      } catch (error) {
        failed('watching the probed hosts')(error);
      }
    });
    browser.runtime.onInstalled.addListener((details) => {
      // A new install says first what Blockwatch sends and who can see it, with a Pause button.
      if (details.reason === 'install') browser.tabs.create({ url: extensionUrl(WELCOME_PAGE_PATH) }).catch(failed('opening the welcome page'));
      ready.then(({ monitor }) => monitor.start(details.reason === 'install' ? 'install' : 'startup')).catch(failed('install'));
    });
    browser.runtime.onStartup.addListener(() => {
      ready.then(({ monitor }) => monitor.start('startup')).catch(failed('start-up'));
    });
    if (canNotify()) {
      browser.notifications.onClicked.addListener((id) => {
        browser.tabs.create({ url: historyUrlFor(id) }).catch(failed('opening the history'));
        browser.notifications.clear(id).catch(() => undefined);
      });
    }

    // Every wake-up: show what a killed worker left unshown, and make sure the schedule is armed.
    ready.then(({ monitor }) => monitor.start('wake')).catch(failed('wake-up'));
  },
});
