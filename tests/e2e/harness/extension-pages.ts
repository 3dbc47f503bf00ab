/**
 * The popup and the history page of the build under test, opened in a tab and read through their
 * stable hooks (`data-service`, `data-state`, `data-action`, `data-network`, `data-incident`), the
 * way a person reads them: what each row says once the page has rendered.
 *
 * A popup opened from the toolbar is the same document in a small window; a tab of the popup's
 * width shows the same layout (the toolbar popup cannot be opened in headless Chromium).
 *
 * Only operations both lab browsers give are used (`extension-page.ts`: evaluate, click, wait), so
 * the views read the same in Chromium and Firefox. `page` is the playwright page, for the
 * Chromium-only scenarios (screenshots, touch emulation); reading it in Firefox throws.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Blockwatch } from './blockwatch';
import type { ExtensionPage } from './extension-page';

/** The popup's width in a toolbar popup, px: 24rem at 16 px (extension/popup/popup.css), plus room for a scrollbar. */
export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;
/** A history page in an ordinary browser window, px. */
export const PAGE_VIEWPORT = { width: 1100, height: 800 } as const;
/** How long a page may take to render what the background says, ms: a deadline for a hung page, not a measurement. */
export const RENDER_DEADLINE_MS = 15_000;

export interface PopupView {
  /** Chromium only: the playwright page. */
  readonly page: Page;
  /** The page in either browser. */
  readonly view: ExtensionPage;
  /** `data-state` of every service row, by `data-service`. */
  states(): Promise<Record<string, string>>;
  /** `data-confirmed` of every service row. */
  confirmed(): Promise<Record<string, boolean>>;
  /** `data-network` of the connection line. */
  network(): Promise<string | null>;
  /** `data-path` of the connection line: `direct`, or `proxy` when the latest round went through a VPN or proxy. */
  path(): Promise<string | null>;
  /** The connection line's text, as a person reads it. */
  networkText(): Promise<string>;
  /** Clicks "Check now" and waits for the round to be stored and the button to be usable again. */
  checkNow(): Promise<void>;
  /** Opens "What you can do" of a service (a <details>), and returns its steps' message keys (`data-step`). */
  openGuidance(serviceId: string): Promise<readonly string[]>;
  close(): Promise<void>;
}

/** The playwright page of a view, in Chromium; a clear error in Firefox. */
function playwrightOf(page: ExtensionPage): Page {
  if (!page.playwright) throw new Error('this view has no playwright page: Chromium-only scenarios read `page`, the cross-browser ones `view`');
  return page.playwright;
}

/** Waits until `selector` matches an element. */
function waitForSelector(page: ExtensionPage, selector: string): Promise<void> {
  return page.waitForFunction((wanted) => document.querySelector(wanted) !== null, selector, RENDER_DEADLINE_MS);
}

export async function openPopup(blockwatch: Blockwatch): Promise<PopupView> {
  const page = await blockwatch.browser.openExtensionPage('popup.html');
  await page.setViewportSize(POPUP_VIEWPORT);
  await waitForSelector(page, '[data-service]');

  const view: PopupView = {
    get page() {
      return playwrightOf(page);
    },
    view: page,
    states: () =>
      page.evaluate(
        () => Object.fromEntries([...document.querySelectorAll('[data-service]')].map((row) => [row.getAttribute('data-service') ?? '', row.getAttribute('data-state') ?? ''])),
        undefined,
      ),
    confirmed: () =>
      page.evaluate(
        () => Object.fromEntries([...document.querySelectorAll('[data-service]')].map((row) => [row.getAttribute('data-service') ?? '', row.getAttribute('data-confirmed') === 'true'])),
        undefined,
      ),
    network: () => page.evaluate(() => document.querySelector('[data-network]')?.getAttribute('data-network') ?? null, undefined),
    path: () => page.evaluate(() => document.querySelector('[data-path]')?.getAttribute('data-path') ?? null, undefined),
    networkText: async () => {
      const text = await page.evaluate(() => {
        const line = document.querySelector('[data-network]');
        if (!(line instanceof HTMLElement)) throw new Error('the popup has no [data-network] line');
        return line.innerText;
      }, undefined);
      return text.replace(/\s+/g, ' ').trim();
    },
    async checkNow() {
      const before = (await blockwatch.snapshot()).lastRoundAt ?? 0;
      await page.click('[data-action="check-now"]');
      await blockwatch.roundAfter(before);
      // The button comes back once the page has seen the round end (from the pushed snapshot).
      await page.waitForFunction(
        () => {
          const element = document.querySelector('[data-action="check-now"]');
          return element instanceof HTMLButtonElement && !element.disabled;
        },
        undefined,
        RENDER_DEADLINE_MS,
      );
    },
    async openGuidance(serviceId) {
      // The row's first <details> in document order, by its own summary ("More ways" nested inside has one too).
      await page.click(`[data-service="${serviceId}"] details > summary`);
      await page.waitForFunction(
        (id) => document.querySelector(`[data-service="${id}"] details`)?.hasAttribute('open') === true,
        serviceId,
        RENDER_DEADLINE_MS,
      );
      return page.evaluate(
        (id) => [...(document.querySelector(`[data-service="${id}"] details`)?.querySelectorAll('[data-step]') ?? [])].map((step) => step.getAttribute('data-step') ?? ''),
        serviceId,
      );
    },
    close: () => page.close(),
  };
  return view;
}

export interface HistoryView {
  /** Chromium only: the playwright page. */
  readonly page: Page;
  /** `data-incident` of every incident row (`<subject>|<start>`), newest first as shown. */
  incidents(): Promise<readonly string[]>;
  /** The incident row the page points at (`aria-current`), if any. */
  currentIncident(): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * The history page's file in the build: `history-page.html` (an entrypoint named `history` would make
 * WXT replace the browser's own History page with it), `history.html` in builds before the rename.
 */
export function historyPagePath(extensionDir = EXTENSION_DIR): string {
  return existsSync(join(extensionDir, 'history-page.html')) ? 'history-page.html' : 'history.html';
}

/** Opens the history page, optionally at `#incident=<subject>|<start>` (what a notification opens), and waits for it to load its data. */
export async function openHistory(blockwatch: Blockwatch, incident?: string): Promise<HistoryView> {
  const page = await blockwatch.browser.openExtensionPage(`${historyPagePath()}${incident ? `#incident=${encodeURIComponent(incident)}` : ''}`);
  await page.setViewportSize(PAGE_VIEWPORT);
  // Loaded: the incident table or its "no incidents" line is there.
  await waitForSelector(page, '#incidents-heading');
  return {
    get page() {
      return playwrightOf(page);
    },
    incidents: () => page.evaluate(() => [...document.querySelectorAll('[data-incident]')].map((row) => row.getAttribute('data-incident') ?? ''), undefined),
    currentIncident: () => page.evaluate(() => document.querySelector('[data-incident][aria-current="true"]')?.getAttribute('data-incident') ?? null, undefined),
    close: () => page.close(),
  };
}
