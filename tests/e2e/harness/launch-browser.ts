/**
 * Debian's Chromium with one unpacked MV3 extension, driven by playwright-core: the extension's id
 * and service worker, its pages, code evaluated in the worker, stopping the worker the way
 * Chromium does when idle, and closing and relaunching with the same profile (what a user's
 * browser restart looks like to the extension).
 *
 * Inside a lab run, Chromium's HOME defaults to the lab's throwaway home, whose NSS database
 * trusts the lab CA (`tests/lab/netns/browser-home.ts`, made by `startBrowserLab`).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { labBrowserHome } from '../../lab/netns/browser-home';
import { playwrightExtensionPage, type ExtensionPage } from './extension-page';
import type { WithChrome } from './extension-apis';
import { RUN_DIR_ENV } from '../../lab/netns/namespace';
import { chromiumArgs, findChromium } from './chromium';
import { clearHostCache, closeIdleSockets } from './net-internals';
import { stopServiceWorker, wakeServiceWorker } from './service-worker-internals';

/** How long Chromium may take to start the extension's worker, ms (0.35–0.65 s measured; CI machines are slower). */
const WORKER_START_TIMEOUT_MS = 15_000;
/** How many of the worker's console lines are kept for a failure message: the last few rounds' worth. */
const KEPT_LOG_LINES = 40;

export interface LaunchOptions {
  /** An unpacked extension (a directory with manifest.json). */
  readonly extensionDir: string;
  /** The profile. Given: kept after close, so a relaunch finds the same storage. Omitted: a fresh one, removed on close. */
  readonly userDataDir?: string;
  /** Chromium's HOME (NSS trust store). Default: the lab run's browser home, else the current HOME. */
  readonly home?: string;
  /**
   * The browser's interface language ("en", "ru", "fa"): what `i18n.getUILanguage()` answers and
   * which `_locales` folder the extension's pages use. Default: Chromium's own (en-US here).
   */
  readonly lang?: string;
}

/** What may change across a relaunch: the same profile, opened in another language. */
export interface RelaunchOptions {
  readonly lang?: string;
}

/**
 * A lab browser with the build installed. Chromium (this file) and Firefox
 * (`../firefox/firefox-lab-browser.ts`) both give everything the cross-browser scenarios use:
 * `kind`, `evaluate`, `openExtensionPage`, `takeNotifications`, `clearHostCache`,
 * `closeIdleSockets`, `close`. The members marked "Chromium only" throw in Firefox, which has no
 * playwright context, no service worker (MV2: a persistent background page) and keeps no
 * temporary add-on across a restart; only Chromium-only scenarios use them.
 */
export interface LabBrowser {
  readonly kind: 'chromium' | 'firefox';
  /** Chromium only. */
  readonly context: BrowserContext;
  readonly extensionId: string;
  readonly userDataDir: string;
  /** Chromium only: the extension's service worker, woken first if `stopWorker()` stopped it. */
  worker(): Promise<Worker>;
  /**
   * Runs `fn` where the extension's APIs are: Chromium's service worker (woken first if stopped),
   * Firefox's extension page kept open for it. In Firefox MV2 `chrome.*` takes callbacks; the
   * promise-returning namespace is `browser` (so callbacks say `browser ?? chrome`).
   */
  evaluate<Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** Chromium only: opens `chrome-extension://<id>/<path>` in a new tab, as a playwright page. */
  openPage(path: string): Promise<Page>;
  /** Opens the extension's `<path>` in a new tab, in either browser. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  /**
   * The ids of the extension's notifications shown since the last call, in order, each closed.
   * Chromium keeps a notification until it is closed: these are the ones on screen. Headless
   * Firefox closes one as soon as it is shown: these are the ones it reported closed.
   */
  takeNotifications(): Promise<readonly string[]>;
  /**
   * The last lines the extension's background wrote to its console (warnings and errors: the
   * monitor's own log), oldest first: evidence for a wait that gives up. Empty where the browser
   * gives the harness no console (Firefox).
   */
  recentLog(): readonly string[];
  /** Chromium only: stops the worker as Chromium does when it is idle: memory gone, storage kept. The next `evaluate` wakes it. */
  stopWorker(): Promise<void>;
  /** Forgets every cached DNS answer, so a DNS change is seen at once. */
  clearHostCache(): Promise<void>;
  /** Closes idle keep-alive connections, so the next request dials again. */
  closeIdleSockets(): Promise<void>;
  close(): Promise<void>;
  /** Chromium only: closes and starts again with the same profile and HOME (and language, unless another is given). */
  relaunch(options?: RelaunchOptions): Promise<LabBrowser>;
}

export function launchBrowser(options: LaunchOptions): Promise<LabBrowser> {
  return launch(options, options.userDataDir === undefined);
}

/** `ownsProfile`: the profile is a temp dir of ours, removed on the last close (not on a relaunch). */
async function launch(options: LaunchOptions, ownsProfile: boolean): Promise<LabBrowser> {
  const extensionDir = resolve(options.extensionDir);
  await stat(join(extensionDir, 'manifest.json')).catch(() => {
    throw new Error(`no manifest.json in ${extensionDir}: build the extension first (npx wxt build)`);
  });
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(process.env[RUN_DIR_ENV] ?? tmpdir(), 'profile-')));
  const home = options.home ?? labBrowserHome();

  const lang = options.lang;

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: await findChromium(),
    headless: true,
    args: [...chromiumArgs(extensionDir), ...(lang ? [`--lang=${lang}`] : [])],
    // Playwright's own default would turn extensions off before our flags turn one on.
    ignoreDefaultArgs: ['--disable-extensions'],
    // Chromium on Linux takes its UI language from the environment as well as from --lang.
    env: { ...process.env, ...(home ? { HOME: home } : {}), ...(lang ? languageEnv(lang) : {}) },
    // Pages' navigator.language (dates and numbers in the popup) follows the browser's language.
    ...(lang ? { locale: lang } : {}),
  });
  const log: string[] = [];
  const heard = new WeakSet<Worker>();
  const listen = (worker: Worker): void => {
    if (!worker.url().startsWith('chrome-extension://') || heard.has(worker)) return;
    heard.add(worker);
    worker.on('console', (message) => {
      if (message.type() !== 'warning' && message.type() !== 'error') return;
      log.push(`${new Date().toISOString()} ${message.type()}: ${message.text()}`);
      if (log.length > KEPT_LOG_LINES) log.shift();
    });
  };
  context.on('serviceworker', listen);
  try {
    const firstWorker = await extensionWorker(context);
    context.serviceWorkers().forEach(listen);
    const extensionId = new URL(firstWorker.url()).host;
    // Set by stopWorker(): the worker must be woken before code can run in it. (With Playwright
    // attached, Chromium never stops an idle worker by itself: measured over 45 s.)
    let stopped = false;
    const runningWorker = async (): Promise<Worker> => {
      if (stopped) {
        await wakeServiceWorker(context, extensionId);
        stopped = false;
      }
      return extensionWorker(context);
    };

    const browser: LabBrowser = {
      kind: 'chromium',
      context,
      extensionId,
      userDataDir,
      worker: runningWorker,
      async evaluate<Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result> {
        const worker = await runningWorker();
        // Playwright types the argument as it arrives after serialisation; ours is plain data both sides.
        return worker.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown);
      },
      async openPage(path) {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
        return page;
      },
      async openExtensionPage(path) {
        return playwrightExtensionPage(await browser.openPage(path));
      },
      takeNotifications: () =>
        browser.evaluate(async () => {
          const { notifications } = (globalThis as unknown as WithChrome).chrome;
          const open = Object.keys(await notifications.getAll());
          for (const id of open) await notifications.clear(id);
          return open;
        }, undefined),
      recentLog: () => [...log],
      async stopWorker() {
        await stopServiceWorker(context, extensionId);
        stopped = true;
      },
      clearHostCache: () => clearHostCache(context),
      closeIdleSockets: () => closeIdleSockets(context),
      async close() {
        await context.close();
        if (ownsProfile) await rm(userDataDir, { recursive: true, force: true });
      },
      async relaunch(again: RelaunchOptions = {}) {
        await context.close();
        const nextLang = again.lang ?? lang;
        return launch({ extensionDir, userDataDir, ...(home ? { home } : {}), ...(nextLang ? { lang: nextLang } : {}) }, ownsProfile);
      },
    };
    return browser;
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** `LANGUAGE` and `LANG` for a language tag ("zh-CN" → zh_CN, zh_CN.UTF-8): Chromium reads them without the locale being installed. */
function languageEnv(lang: string): Record<string, string> {
  const posix = lang.replace('-', '_');
  return { LANGUAGE: posix, LANG: `${posix}.UTF-8` };
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().filter(isExtension);
  const latest = running[running.length - 1];
  if (latest) return latest;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout: WORKER_START_TIMEOUT_MS });
}
