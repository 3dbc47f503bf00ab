/**
 * The production build of Blockwatch in a lab Chromium, driven the way a person and the browser
 * drive it: messages from one of its own pages (`src/protocol.ts`), the toolbar badge and tooltip,
 * system notifications, the popup and history pages. Everything is read from the real extension;
 * nothing here knows how the product computes a state.
 *
 * Notifications: Chromium keeps a shown notification until it is closed, and showing one again
 * with the same id replaces it, so `getAll()` alone cannot tell "shown once" from "shown twice".
 * `notifications.collect()` therefore reads and closes them (as a person dismissing them would),
 * and keeps every id it saw: a notification shown again appears in the log again. (Headless Firefox
 * closes each one itself as soon as it is shown; there the browser reports each close.)
 *
 * Which browser: Chromium (the MV3 build), or Firefox ESR (the MV2 build) when
 * `BLOCKWATCH_BROWSER=firefox` (`tests/e2e/firefox/run-scenarios.ts`). Everything below works in
 * both; the browser's own differences live in its `LabBrowser`.
 */
import { resolve } from 'node:path';
import type { RequestName, RequestOf, ResponseEnvelope, ResponseOf } from '../../../src/protocol';
import type { Snapshot } from '../../../src/snapshot/snapshot';
import type { WithChrome } from './extension-apis';
import { launchFirefoxLabBrowser } from '../firefox/firefox-lab-browser';
import type { ExtensionPage } from './extension-page';
import { launchBrowser, type LabBrowser, type LaunchOptions, type RelaunchOptions } from './launch-browser';

/** The browser the scenarios run in: `BLOCKWATCH_BROWSER=firefox` for Firefox ESR, Chromium otherwise. */
export const BROWSER: 'chromium' | 'firefox' = process.env.BLOCKWATCH_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** The build under test: `npm run build` writes both; BLOCKWATCH_EXTENSION_DIR points elsewhere. */
export const EXTENSION_DIR = resolve(process.env.BLOCKWATCH_EXTENSION_DIR ?? (BROWSER === 'firefox' ? '.output/firefox-mv2' : '.output/chrome-mv3'));

/**
 * How long a round may take before a wait gives up, ms. A round where everything is black-holed
 * ends at the 15 s header timer (HEADERS_TIMEOUT_MS); a throughput round adds the 10 s body timer
 * and a control. This is a deadline for a hung product, not a measurement.
 */
export const ROUND_DEADLINE_MS = 90_000;
/** How often a wait asks again, ms. */
const POLL_MS = 200;

/** The page messages are sent from: an extension document with no script of its own, so it adds nothing to what is measured. */
const CONTROL_PAGE = 'manifest.json';

export interface ToolbarView {
  readonly badge: string;
  readonly title: string;
}

export interface ShownNotification {
  readonly id: string;
  /** A service id or `@network`. */
  readonly subject: string;
  /** `blocked`, `unblocked`, `restricted`… (src/notify/decide.ts). */
  readonly kind: string;
}

export interface NotificationLog {
  /** Reads the notifications on screen, closes them, and returns the ones new since the last call. */
  collect(): Promise<readonly ShownNotification[]>;
  /** Every notification collected so far, in order. */
  readonly shown: readonly ShownNotification[];
}

export interface Blockwatch {
  readonly browser: LabBrowser;
  send<K extends RequestName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  snapshot(): Promise<Snapshot>;
  /** "Check now" by message; resolves with the snapshot once the round is stored. */
  checkNow(): Promise<Snapshot>;
  /** One on-demand throughput measurement; resolves with the snapshot after it. */
  measureSpeed(serviceId: string): Promise<Snapshot>;
  /** Waits until a round that ended after `after` (ms) is stored and nothing runs. */
  roundAfter(after: number, deadlineMs?: number): Promise<Snapshot>;
  setCountry(country: string | null): Promise<void>;
  readonly notifications: NotificationLog;
  toolbar(): Promise<ToolbarView>;
  /** Forgets the browser's DNS answers and idle connections, so the next round meets the lab as it is now. */
  networkChanged(): Promise<void>;
  stopWorker(): Promise<void>;
  /** Closes the browser and opens the same profile again (a browser restart). */
  relaunch(options?: RelaunchOptions): Promise<Blockwatch>;
  close(): Promise<void>;
}

export interface StartOptions extends Omit<LaunchOptions, 'extensionDir'> {
  /** Default: EXTENSION_DIR. */
  readonly extensionDir?: string;
  /** The lab CA (PEM). Firefox keeps trust in its profile, so it is added there; Chromium trusts the lab's browser HOME instead. */
  readonly trustCaPem?: string;
}

/** Launches the build and waits for the round it runs on install. */
export async function startBlockwatch(options: StartOptions = {}): Promise<Blockwatch> {
  const { trustCaPem, ...chromiumOptions } = options;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const browser =
    BROWSER === 'firefox'
      ? await launchFirefoxLabBrowser({ extensionDir, ...(trustCaPem ? { trustCaPem } : {}) })
      : await launchBrowser({ ...chromiumOptions, extensionDir });
  try {
    const blockwatch = await attach(browser, []);
    await blockwatch.roundAfter(0);
    return blockwatch;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function parseNotificationId(id: string): ShownNotification {
  const [subject = '', kind = ''] = id.split('|');
  return { id, subject, kind };
}

async function attach(browser: LabBrowser, shownBefore: readonly ShownNotification[]): Promise<Blockwatch> {
  let control: ExtensionPage = await browser.openExtensionPage(CONTROL_PAGE);
  const shown: ShownNotification[] = [...shownBefore];

  const sendRaw = async (message: { readonly type: string }): Promise<unknown> => {
    if (control.isClosed()) control = await browser.openExtensionPage(CONTROL_PAGE);
    return control.evaluate((outgoing) => {
      const apis = (globalThis as unknown as WithChrome).browser ?? (globalThis as unknown as WithChrome).chrome;
      return apis.runtime.sendMessage(outgoing);
    }, message as unknown as Record<string, unknown>);
  };

  const send = async <K extends RequestName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> => {
    const envelope = (await sendRaw({ ...request, type })) as ResponseEnvelope<K> | undefined;
    if (envelope === undefined || envelope === null) throw new Error(`${type}: the background did not answer`);
    if (!envelope.ok) throw new Error(`${type}: the background answered with an error: ${envelope.error}`);
    return envelope.value;
  };

  const snapshot = () => send('getSnapshot', {});

  /** The extension's alarms as the browser holds them ("confirm at 12:00:40.120Z, …"), for a wait that gives up. */
  const armedAlarms = async (): Promise<string> => {
    const alarms = await browser.evaluate(async () => {
      const apis = (globalThis as unknown as WithChrome).browser ?? (globalThis as unknown as WithChrome).chrome;
      return (await apis.alarms.getAll()).map((alarm) => ({ name: alarm.name, at: alarm.scheduledTime }));
    }, undefined);
    return alarms.length === 0 ? 'none' : alarms.map((alarm) => `${alarm.name} at ${new Date(alarm.at).toISOString()}`).join(', ');
  };

  const roundAfter = async (after: number, deadlineMs = ROUND_DEADLINE_MS): Promise<Snapshot> => {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const current = await snapshot();
      if (!current.activity.running && current.lastRoundAt !== undefined && current.lastRoundAt > after) return current;
      if (Date.now() > deadline) {
        const alarms = await armedAlarms().catch((error: unknown) => `unreadable (${error instanceof Error ? error.message : String(error)})`);
        const log = browser.recentLog();
        throw new Error(
          `no round stored after ${new Date(after).toISOString()} within ${deadlineMs} ms (last round ${current.lastRoundAt ? new Date(current.lastRoundAt).toISOString() : 'none'}, running: ${current.activity.running}, now ${new Date().toISOString()}); ` +
            `alarms armed: ${alarms}; the background's last log lines:${log.length === 0 ? ' none' : `\n${log.join('\n')}`}`,
        );
      }
      await new Promise((done) => setTimeout(done, POLL_MS));
    }
  };

  const blockwatch: Blockwatch = {
    browser,
    send,
    snapshot,
    async checkNow() {
      const before = (await snapshot()).lastRoundAt ?? 0;
      await send('runNow', {});
      return roundAfter(before);
    },
    async measureSpeed(serviceId) {
      const before = (await snapshot()).lastRoundAt ?? 0;
      const answer = await send('measureSpeed', { serviceId });
      if (!answer.ok) throw new Error(`measureSpeed(${serviceId}) refused: ${answer.reason}`);
      return roundAfter(before);
    },
    roundAfter,
    async setCountry(country) {
      const answer = await send('updateSettings', { update: { country } });
      if (!answer.ok) throw new Error(`updateSettings refused country ${country}: ${JSON.stringify(answer.errors)}`);
    },
    notifications: {
      get shown() {
        return shown;
      },
      async collect() {
        const ids = await browser.takeNotifications();
        const fresh = ids.map(parseNotificationId);
        shown.push(...fresh);
        return fresh;
      },
    },
    async toolbar() {
      return browser.evaluate(async () => {
        const apis = (globalThis as unknown as WithChrome).browser ?? (globalThis as unknown as WithChrome).chrome;
        // MV3 (Chromium): `action`; MV2 (Firefox): `browserAction`.
        const button = apis.action ?? apis.browserAction;
        if (!button) throw new Error('the extension has neither action nor browserAction');
        return { badge: await button.getBadgeText({}), title: await button.getTitle({}) };
      }, undefined);
    },
    async networkChanged() {
      await browser.clearHostCache();
      await browser.closeIdleSockets();
    },
    async stopWorker() {
      await browser.stopWorker();
    },
    async relaunch(options) {
      const again = await browser.relaunch(options);
      return attach(again, shown);
    },
    close: () => browser.close(),
  };
  return blockwatch;
}
