/**
 * Debian's Firefox ESR as a `LabBrowser` (tests/e2e/harness/launch-browser.ts), so the scenario
 * files written for Chromium run in Firefox unchanged: `BLOCKWATCH_BROWSER=firefox` makes
 * `startBlockwatch` launch this instead of Chromium (`firefox/run-scenarios.ts` sets it).
 *
 * - Where extension code runs: one of the extension's own pages, kept open for it (the MV2
 *   background page is persistent; any extension page has the same `browser.*` APIs). It is
 *   `manifest.json`, which has no script of its own, as in Chromium.
 * - Notifications: headless Firefox closes a notification as soon as it is shown
 *   (`notifications.getAll()` is empty ~1 s later, and `onShown` never fires), so the kept page
 *   listens to `notifications.onClosed` from the start and keeps every id in order.
 * - DNS and idle connections: the browser window's own scope (`launch-firefox.ts`) calls
 *   `Services.dns.clearCache` and notifies `net:prune-all-connections` (Necko's handler closes
 *   idle connections on it), the Firefox counterparts of chrome://net-internals' two buttons.
 * - Chromium only: no playwright context, no service worker to stop (MV2: a persistent
 *   background page), and no relaunch (a temporary add-on is removed when Firefox closes).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { RUN_DIR_ENV } from '../../lab/netns/namespace';
import type { ExtensionPage, ViewportSize } from '../harness/extension-page';
import type { LabBrowser } from '../harness/launch-browser';
import { EXTENSION_UUID, evaluateInBrowserChrome, findPage, openFromBrowserChrome, startFirefox } from './launch-firefox';

/** The page extension code is evaluated in: an extension document with no script of its own. */
const KEPT_PAGE = 'manifest.json';

export interface FirefoxLaunchOptions {
  readonly extensionDir: string;
  /** The lab CA (PEM), added to the profile's cert9.db. */
  readonly trustCaPem?: string;
}

interface NotificationRecorder {
  blockwatchClosedNotifications?: string[];
}

interface FirefoxNotifications {
  readonly browser: { readonly notifications: { readonly onClosed: { addListener(listener: (id: string) => void): void } } };
}

function chromiumOnly(what: string): never {
  throw new Error(`${what} is Chromium only: Firefox runs the MV2 build with a persistent background page, as a temporary add-on`);
}

function puppeteerExtensionPage(page: Page): ExtensionPage {
  let closed = false;
  return {
    evaluate: <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
      page.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown) as Promise<Result>,
    async waitForFunction<Arg>(fn: (arg: Arg) => boolean, arg: Arg, timeoutMs: number) {
      await page.waitForFunction(fn as (arg: unknown) => boolean, { timeout: timeoutMs }, arg as unknown);
    },
    click: (selector) => page.click(selector),
    setViewportSize: (size: ViewportSize) => page.setViewport({ width: size.width, height: size.height }),
    isClosed: () => closed || page.isClosed(),
    async close() {
      closed = true;
      await page.close();
    },
    playwright: undefined,
  };
}

export async function launchFirefoxLabBrowser(options: FirefoxLaunchOptions): Promise<LabBrowser> {
  const work = await mkdtemp(join(process.env[RUN_DIR_ENV] ?? tmpdir(), 'firefox-'));
  let started: { browser: Browser; extensionId: string };
  try {
    started = await startFirefox(work, { extensionDir: options.extensionDir, uuid: EXTENSION_UUID, ...(options.trustCaPem ? { trustCaPem: options.trustCaPem } : {}) });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  const { browser, extensionId } = started;
  const base = `moz-extension://${EXTENSION_UUID}/`;
  const opened: Page[] = [];

  const openTab = async (path: string): Promise<Page> => {
    const url = `${base}${path.replace(/^\//, '')}`;
    const open = () => openFromBrowserChrome(browser, url);
    await open();
    const page = await findPage(browser, url, null, opened, open);
    opened.push(page);
    return page;
  };

  try {
    const kept = await openTab(KEPT_PAGE);
    await kept.evaluate(() => {
      const recorder = globalThis as unknown as NotificationRecorder;
      recorder.blockwatchClosedNotifications = [];
      (globalThis as unknown as FirefoxNotifications).browser.notifications.onClosed.addListener((id) => {
        recorder.blockwatchClosedNotifications?.push(id);
      });
    });

    const labBrowser: LabBrowser = {
      kind: 'firefox',
      get context(): never {
        return chromiumOnly('the playwright browser context');
      },
      extensionId,
      userDataDir: join(work, 'profile'),
      worker: () => chromiumOnly('the service worker'),
      evaluate: <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
        kept.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown) as Promise<Result>,
      openPage: () => chromiumOnly('a playwright page'),
      async openExtensionPage(path) {
        return puppeteerExtensionPage(await openTab(path));
      },
      takeNotifications: () =>
        kept.evaluate(() => {
          const recorder = globalThis as unknown as NotificationRecorder;
          const ids = recorder.blockwatchClosedNotifications ?? [];
          recorder.blockwatchClosedNotifications = [];
          return ids;
        }),
      // The background page's console reaches no client the harness has (geckodriver's BiDi log is not wired).
      recentLog: () => [],
      stopWorker: () => chromiumOnly('stopping the service worker'),
      async clearHostCache() {
        await evaluateInBrowserChrome(browser, 'Services.dns.clearCache(true)');
      },
      async closeIdleSockets() {
        await evaluateInBrowserChrome(browser, "Services.obs.notifyObservers(null, 'net:prune-all-connections')");
      },
      async close() {
        await browser.close();
        await rm(work, { recursive: true, force: true });
      },
      relaunch: () => chromiumOnly('relaunching with the same profile (a temporary add-on does not survive it)'),
    };
    return labBrowser;
  } catch (error) {
    await browser.close();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
