/**
 * Chromium's network caches, emptied through chrome://net-internals. Chromium keeps DNS answers
 * and idle keep-alive connections; a scenario that switches a block on wants the next probe to
 * meet it now, not when those caches expire.
 */
import type { BrowserContext, Page } from 'playwright-core';

async function clickOn(context: BrowserContext, url: string, selector: string): Promise<void> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator(selector).click();
  } finally {
    await page.close();
  }
}

/** "Clear host cache": every cached DNS answer is forgotten. */
export function clearHostCache(context: BrowserContext): Promise<void> {
  return clickOn(context, 'chrome://net-internals/#dns', '#dns-view-clear-cache');
}

/** "Close idle sockets": the next request opens a new connection. Requests in flight keep theirs. */
export function closeIdleSockets(context: BrowserContext): Promise<void> {
  return clickOn(context, 'chrome://net-internals/#sockets', '#sockets-view-close-idle-button');
}
