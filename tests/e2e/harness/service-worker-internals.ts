/**
 * An extension's service worker, stopped and started the way Chromium does it, through
 * chrome://serviceworker-internals: stopping there is the only way that worked (CDP's
 * ServiceWorker.stopAllWorkers and Target.closeTarget left it running; docs/sources.md#chromium-e2e). The
 * worker's memory is gone afterwards; anything it did not persist is lost, which is what the
 * scenarios check.
 *
 * A stopped worker starts again on its next event. The harness gives it one (a message from one of
 * the extension's own documents): code evaluated in a stopped worker would wait for a start that
 * may never come.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** How long the internals page may take to show a state change, ms. */
const STATUS_TIMEOUT_MS = 10_000;

type RunningStatus = 'RUNNING' | 'STOPPED';

async function withInternals<T>(context: BrowserContext, extensionId: string, use: (registration: Locator, page: Page) => Promise<T>): Promise<T> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://serviceworker-internals/');
    const registration = page
      .locator('.serviceworker-registration', { has: page.locator('.serviceworker-scope .value', { hasText: `chrome-extension://${extensionId}/` }) })
      .first();
    await registration.waitFor({ timeout: STATUS_TIMEOUT_MS });
    return await use(registration, page);
  } finally {
    await page.close();
  }
}

function waitForStatus(registration: Locator, status: RunningStatus): Promise<void> {
  return registration
    .locator('.serviceworker-running-status .value', { hasText: new RegExp(`^\\s*${status}\\s*$`) })
    .first()
    .waitFor({ timeout: STATUS_TIMEOUT_MS });
}

export async function workerStatus(context: BrowserContext, extensionId: string): Promise<string> {
  return withInternals(context, extensionId, async (registration) =>
    ((await registration.locator('.serviceworker-running-status .value').first().textContent()) ?? '').trim(),
  );
}

export async function stopServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  await withInternals(context, extensionId, async (registration) => {
    const status = ((await registration.locator('.serviceworker-running-status .value').first().textContent()) ?? '').trim();
    if (status === 'STOPPED') return;
    await registration.locator('cr-button[data-command="stop"]').first().click();
    await waitForStatus(registration, 'STOPPED');
  });
}

/**
 * Starts the worker by posting it a message from an extension document (its manifest, which every
 * extension has), then waits until the internals page shows it running.
 */
export async function wakeServiceWorker(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    const posted = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration?.active) return false;
      registration.active.postMessage({ type: 'blockwatch-lab-wake' });
      return true;
    });
    if (!posted) throw new Error(`extension ${extensionId} has no active service worker to wake`);
  } finally {
    await page.close();
  }
  await withInternals(context, extensionId, (registration) => waitForStatus(registration, 'RUNNING'));
}
