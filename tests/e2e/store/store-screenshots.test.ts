/**
 * The stores' screenshots, 1280×800 (the Chrome Web Store's size; AMO takes it too), made from the
 * real build against the lab in all six languages: the popup with WhatsApp blocked, its "What you
 * can do" open, and the history page with the incident. Written to test-results/store-screenshots/
 * (store/README.md: how to refresh store/screenshots/ from them). The popup is centred on the
 * canvas; nothing else is changed. Asserts the size, the language and direction of each page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPagePath, openPopup, RENDER_DEADLINE_MS } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, serviceIn, type Scenario } from '../harness/scenario';

const SCREENSHOT_DIR = resolve('test-results/store-screenshots');
/** The Chrome Web Store's screenshot size, px (https://developer.chrome.com/docs/webstore/images#screenshots). */
const STORE_SIZE = { width: 1280, height: 800 } as const;
const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ru', dir: 'ltr' },
  { lang: 'fa', dir: 'rtl' },
  { lang: 'zh_CN', dir: 'ltr' },
  { lang: 'tr', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function shoot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot();
  expect(pngSize(png), name).toEqual(STORE_SIZE);
  await writeFile(`${SCREENSHOT_DIR}/${name}.png`, png);
}

describe('store screenshots, 1280×800, in six languages', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    scenario = await openScenario({ lang: 'en' });
    await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
    for (let round = 1; round <= 3; round += 1) await scenario.app.checkNow();
    expect(serviceIn(await scenario.app.snapshot(), 'whatsapp').state).toBe('blocked');
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`${lang}: popup with a block, its guidance, the history`, async () => {
      if (lang !== 'en') {
        const relaunchedAt = Date.now();
        s().app = await s().app.relaunch({ lang: lang.replace('_', '-') });
        await s().app.roundAfter(relaunchedAt);
      }
      const popup = await openPopup(s().app);
      await popup.page.setViewportSize(STORE_SIZE);
      await popup.page.addStyleTag({ content: 'html { background: #dfe3e8; } body { margin: 1.5rem auto; box-shadow: 0 2px 12px rgb(0 0 0 / 0.25); background: var(--bg); }' });
      expect(await popup.page.evaluate(() => document.documentElement.dir)).toBe(dir);
      expect((await popup.page.locator('[data-action="check-now"]').textContent())?.trim()).toBe(await localeMessage('popup_check_now', [], lang));
      await shoot(popup.page, `popup-${lang}`);
      await popup.openGuidance('whatsapp');
      await popup.page.locator('[data-service="whatsapp"] details').first().evaluate((details) => details.scrollIntoView({ block: 'start' }));
      await shoot(popup.page, `guidance-${lang}`);
      await popup.close();

      const history = await s().app.browser.openPage(historyPagePath());
      await history.setViewportSize(STORE_SIZE);
      await history.locator('[data-incident]').first().waitFor({ timeout: RENDER_DEADLINE_MS });
      expect(await history.evaluate(() => document.documentElement.dir)).toBe(dir);
      await shoot(history, `history-${lang}`);
      await history.close();
    });
  }
});
