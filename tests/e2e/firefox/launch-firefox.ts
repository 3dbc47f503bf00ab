/**
 * Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, with the Firefox
 * build of Blockwatch installed as a temporary add-on, and one of its own pages open in a tab to
 * talk to the background from.
 *
 * The moz-extension trap (docs/sources.md#moz-extension-navigation): BiDi refuses to navigate a tab to a moz-extension://
 * URL, and a web page may not open one either. Instead of an e2e-only build that opens its own tab,
 * Firefox is started with `--remote-allow-system-access`, which lets BiDi reach the browser's own
 * chrome window (`"moz:scope": "chrome"`); a script there opens the extension page in a tab, as a
 * person clicking a link in the browser's UI would. The build under test stays byte for byte the
 * one users get. Puppeteer has no public call for a chrome-scope command, so this one command goes
 * through its BiDi connection (`browser.connection`, public at run time, internal in its types).
 *
 * Trust: Firefox keeps its certificate store in the profile (cert9.db), so a lab run adds the lab
 * CA there with `certutil` before Firefox starts.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { runCommand } from '../../lab/netns/run-command';
import { GECKO_ID } from '../../../extension/shared/gecko-id';

export const FIREFOX_BINARY = process.env.BWLAB_FIREFOX ?? '/usr/bin/firefox-esr';
/** The Firefox build: `npm run build` writes it; BLOCKWATCH_FIREFOX_DIR points elsewhere. */
export const FIREFOX_EXTENSION_DIR = resolve(process.env.BLOCKWATCH_FIREFOX_DIR ?? '.output/firefox-mv2');
/** The add-on id the build declares (wxt.config.ts). */
export { GECKO_ID };
/** A fixed internal UUID, so the extension's pages have a known moz-extension:// address. */
export const EXTENSION_UUID = '6f2f3b7e-0c1d-4e2a-9b7f-3c9d2a1e5b40';
/** How long Firefox may take to show the extension page, ms: a deadline, not a measurement. */
const PAGE_DEADLINE_MS = 20_000;

/**
 * Firefox's own network features that would send requests of their own: some to names the lab
 * serves (detectportal.firefox.com is one of Blockwatch's controls), which would blur what the
 * product itself sent. Puppeteer's defaults already turn off updates, telemetry and safe browsing.
 */
const QUIET_PREFS: Readonly<Record<string, unknown>> = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.newtabpage.enabled': false,
  'browser.topsites.contile.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'services.sync.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'app.normandy.enabled': false,
};

export interface FirefoxWithExtension {
  readonly browser: Browser;
  readonly extensionId: string;
  /** The add-on's internal UUID in this profile. */
  readonly uuid: string;
  /** The extension's popup page, open in a tab. */
  readonly page: Page;
  /** A request to the background (`src/protocol.ts`), from the extension page. */
  send(message: { readonly type: string } & Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** A PEM CA to trust (the lab's). */
  readonly trustCaPem?: string;
  /** Where temp files go (the lab run's dir inside a namespace). */
  readonly workDir?: string;
  /** The add-on's internal UUID (its moz-extension:// host). Default: a fixed one; Firefox itself picks a random one per install. */
  readonly uuid?: string;
}

interface ChromeScopeConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

/**
 * Copies the build into `work` (others may rebuild .output while Firefox reads it), makes a
 * profile there that trusts `trustCaPem`, and starts Firefox on it with the build installed as a
 * temporary add-on whose pages live at `moz-extension://<uuid>/`.
 */
export async function startFirefox(work: string, options: { readonly trustCaPem?: string; readonly uuid: string; readonly extensionDir?: string }): Promise<{ browser: Browser; extensionId: string }> {
  const extensionDir = join(work, 'extension');
  await cp(options.extensionDir ?? FIREFOX_EXTENSION_DIR, extensionDir, { recursive: true });
  const profile = join(work, 'profile');
  await mkdir(profile, { recursive: true });
  if (options.trustCaPem) {
    const caFile = join(work, 'lab-ca.pem');
    await writeFile(caFile, options.trustCaPem);
    await runCommand(['certutil', '-d', `sql:${profile}`, '-N', '--empty-password']);
    await runCommand(['certutil', '-d', `sql:${profile}`, '-A', '-t', 'C,,', '-n', 'blockwatch-lab-ca', '-i', caFile]);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BINARY,
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...QUIET_PREFS, 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: options.uuid }) },
  });
  try {
    return { browser, extensionId: await browser.installExtension(extensionDir) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function launchFirefoxWithExtension(options: FirefoxOptions = {}): Promise<FirefoxWithExtension> {
  const work = await mkdtemp(join(options.workDir ?? tmpdir(), 'firefox-'));
  const uuid = options.uuid ?? EXTENSION_UUID;
  let started: { browser: Browser; extensionId: string };
  try {
    started = await startFirefox(work, { ...(options.trustCaPem ? { trustCaPem: options.trustCaPem } : {}), uuid });
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
  const { browser, extensionId } = started;
  try {
    const url = `moz-extension://${uuid}/popup.html`;
    const open = () => openFromBrowserChrome(browser, url);
    await open();
    const page = await findPage(browser, url, '#app', [], open);
    const firefox: FirefoxWithExtension = {
      browser,
      extensionId,
      uuid,
      page,
      send: (message) =>
        page.evaluate(
          (outgoing) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage(outgoing),
          message,
        ),
      async close() {
        await browser.close();
        await rm(work, { recursive: true, force: true });
      },
    };
    return firefox;
  } catch (error) {
    await browser.close();
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Evaluates `expression` in the browser's own window (system principal, `Services` and `gBrowser`
 * in scope) and returns its value; throws if it throws.
 */
export async function evaluateInBrowserChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection?: ChromeScopeConnection }).connection;
  if (!connection) throw new Error('puppeteer did not expose its WebDriver BiDi connection; the chrome-scope workaround needs it');
  const tree = (await connection.send('browsingContext.getTree', { maxDepth: 0, 'moz:scope': 'chrome' })).result as { contexts: readonly { context: string; url: string }[] };
  const window = tree.contexts.find((context) => context.url.startsWith('chrome://browser/'));
  if (!window) throw new Error(`no browser window among the chrome contexts: ${JSON.stringify(tree.contexts)}`);
  const evaluated = (await connection.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: false,
  })).result as { type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text?: string } };
  if (evaluated.type !== 'success') throw new Error(`chrome-scope script failed: ${JSON.stringify(evaluated)}`);
  return evaluated.result?.value;
}

/** Opens `url` in a new tab from the browser's own window (system principal), selected. */
export async function openFromBrowserChrome(browser: Browser, url: string): Promise<void> {
  const opened = await evaluateInBrowserChrome(
    browser,
    `(() => {
      const tab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      gBrowser.selectedTab = tab;
      return true;
    })()`,
  );
  if (opened !== true) throw new Error(`opening ${url} from the browser window failed: ${JSON.stringify(opened)}`);
}

/**
 * Puppeteer's page.url() can stay about:blank for a tab opened this way: ask each page where it is.
 * `readySelector`: waited for once the page is found (null: none). `except`: pages already known.
 * `reopen`: asks for the tab again, once, if it has not appeared half-way to the deadline (in one
 * CI run of two Firefox lanes a popup tab never showed up among the pages within 20 s, while the
 * same page opened at once in the next test).
 */
export async function findPage(
  browser: Browser,
  url: string,
  readySelector: string | null = '#app',
  except: readonly Page[] = [],
  reopen?: () => Promise<void>,
): Promise<Page> {
  const started = Date.now();
  const deadline = started + PAGE_DEADLINE_MS;
  let reopened = reopen === undefined;
  for (;;) {
    for (const page of await browser.pages()) {
      if (except.includes(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(url)) {
        if (readySelector !== null) await page.waitForSelector(readySelector, { timeout: PAGE_DEADLINE_MS });
        return page;
      }
    }
    if (Date.now() > deadline) throw new Error(`the extension page ${url} never appeared among the tabs${reopen ? ' (asked for twice)' : ''}`);
    if (!reopened && Date.now() > started + PAGE_DEADLINE_MS / 2) {
      reopened = true;
      await reopen?.();
    }
    await new Promise((done) => setTimeout(done, 200));
  }
}
