/**
 * The popup and the history page of the build under test, opened in a tab and read through their
 * stable hooks (`data-service`, `data-state`, `data-action`, `data-network`, `data-incident`), the
 * way a person reads them: what each row says once the page has rendered.
 *
 * A popup opened from the toolbar is the same document in a small window; a tab of the popup's
 * width shows the same layout (the toolbar popup cannot be opened in headless Chromium).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, type Blockwatch } from './blockwatch';

/** The popup's width in a toolbar popup, px: 24rem at 16 px (extension/popup/popup.css), plus room for a scrollbar. */
export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;
/** A history page in an ordinary browser window, px. */
export const PAGE_VIEWPORT = { width: 1100, height: 800 } as const;
/** How long a page may take to render what the background says, ms: a deadline for a hung page, not a measurement. */
export const RENDER_DEADLINE_MS = 15_000;

export interface PopupView {
  readonly page: Page;
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

export async function openPopup(blockwatch: Blockwatch): Promise<PopupView> {
  const page = await blockwatch.browser.openPage('popup.html');
  await page.setViewportSize(POPUP_VIEWPORT);
  await page.locator('[data-service]').first().waitFor({ timeout: RENDER_DEADLINE_MS });
  const button = page.locator('[data-action="check-now"]');

  const view: PopupView = {
    page,
    states: () =>
      page.locator('[data-service]').evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [row.getAttribute('data-service') ?? '', row.getAttribute('data-state') ?? ''])),
      ),
    confirmed: () =>
      page.locator('[data-service]').evaluateAll((rows) =>
        Object.fromEntries(rows.map((row) => [row.getAttribute('data-service') ?? '', row.getAttribute('data-confirmed') === 'true'])),
      ),
    network: () => page.locator('[data-network]').first().getAttribute('data-network'),
    path: () => page.locator('[data-path]').first().getAttribute('data-path'),
    networkText: async () => (await page.locator('[data-network]').first().innerText()).replace(/\s+/g, ' ').trim(),
    async checkNow() {
      const before = (await blockwatch.snapshot()).lastRoundAt ?? 0;
      await button.click();
      await blockwatch.roundAfter(before);
      // The button comes back once the page has seen the round end (from the pushed snapshot).
      await page.waitForFunction(
        () => {
          const element = document.querySelector('[data-action="check-now"]');
          return element instanceof HTMLButtonElement && !element.disabled;
        },
        undefined,
        { timeout: RENDER_DEADLINE_MS },
      );
    },
    async openGuidance(serviceId) {
      const details = page.locator(`[data-service="${serviceId}"] details`).first();
      // Its own summary: "More ways" nested inside has one too.
      await details.locator(':scope > summary').click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-service="${id}"] details`)?.hasAttribute('open') === true,
        serviceId,
        { timeout: RENDER_DEADLINE_MS },
      );
      return details.locator('[data-step]').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step') ?? ''));
    },
    close: () => page.close(),
  };
  return view;
}

export interface HistoryView {
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
  const page = await blockwatch.browser.openPage(`${historyPagePath()}${incident ? `#incident=${encodeURIComponent(incident)}` : ''}`);
  await page.setViewportSize(PAGE_VIEWPORT);
  // Loaded: the incident table or its "no incidents" line is there.
  await page.locator('#incidents-heading').waitFor({ timeout: RENDER_DEADLINE_MS });
  return {
    page,
    incidents: () => page.locator('[data-incident]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-incident') ?? '')),
    currentIncident: async () => {
      const current = page.locator('[data-incident][aria-current="true"]');
      return (await current.count()) > 0 ? current.first().getAttribute('data-incident') : null;
    },
    close: () => page.close(),
  };
}
