/**
 * One of the extension's own pages open in a tab, with only the operations both lab browsers give
 * (Chromium by playwright-core, Firefox by puppeteer-core): code evaluated in the page, a click on
 * the first element a CSS selector matches, a wait for a condition, the viewport. The scenarios'
 * page views (`extension-pages.ts`) are written against this, so the same scenario files read the
 * popup and the history page in both browsers.
 */
import type { Page } from 'playwright-core';

export interface ViewportSize {
  readonly width: number;
  readonly height: number;
}

export interface ExtensionPage {
  /** Runs `fn` in the page (serialised: it cannot call helpers of the test's module). */
  evaluate<Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg): Promise<Result>;
  /** Waits until `fn` returns true in the page; throws after `timeoutMs`. */
  waitForFunction<Arg>(fn: (arg: Arg) => boolean, arg: Arg, timeoutMs: number): Promise<void>;
  /** Clicks the first element `selector` matches (document order), as a pointer would. */
  click(selector: string): Promise<void>;
  setViewportSize(size: ViewportSize): Promise<void>;
  isClosed(): boolean;
  close(): Promise<void>;
  /** The playwright page behind it, in Chromium; undefined in Firefox. For Chromium-only scenarios (screenshots, touch emulation). */
  readonly playwright: Page | undefined;
}

/** A Chromium page (playwright-core) as an ExtensionPage. */
export function playwrightExtensionPage(page: Page): ExtensionPage {
  return {
    evaluate: <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg: Arg) =>
      // Playwright types the argument as it arrives after serialisation; ours is plain data both sides.
      page.evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown),
    async waitForFunction<Arg>(fn: (arg: Arg) => boolean, arg: Arg, timeoutMs: number) {
      await page.waitForFunction(fn as (arg: unknown) => boolean, arg as unknown, { timeout: timeoutMs });
    },
    click: (selector) => page.locator(selector).first().click(),
    setViewportSize: (size) => page.setViewportSize(size),
    isClosed: () => page.isClosed(),
    close: () => page.close(),
    playwright: page,
  };
}
