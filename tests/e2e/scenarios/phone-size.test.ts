/**
 * The popup, the settings and the history page on a 360×640 phone screen (Firefox for Android
 * opens the popup as a full page), in English, Russian and Arabic (right to left): no horizontal
 * scroll, every control at least 44 px both ways, the page in that language and direction.
 * Screenshots go to test-results/phone-screenshots/ for people to look at. State: WhatsApp blocked
 * (its "What you can do" open in the popup) and one incident in the history.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPagePath, openPopup, RENDER_DEADLINE_MS } from '../harness/extension-pages';
import { PHONE_VIEWPORT, phoneFindings } from '../harness/phone-checks';
import { closeScenario, localeMessage, networkBecomes, openScenario, serviceIn, type Scenario } from '../harness/scenario';

const SCREENSHOT_DIR = resolve('test-results/phone-screenshots');
const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ru', dir: 'ltr' },
  { lang: 'ar', dir: 'rtl' },
] as const;

/** A phone has a touch screen: Chromium then matches `(pointer: coarse)`, as Firefox for Android does. */
async function touchScreen(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await page.setViewportSize(PHONE_VIEWPORT);
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'the page sees a touch screen').toBe(true);
}

async function expectPhoneReady(page: Page, name: string, dir: string): Promise<void> {
  expect.soft(await page.evaluate(() => document.documentElement.dir), `${name}: direction`).toBe(dir);
  const findings = await phoneFindings(page);
  expect.soft(findings.measured, `${name}: controls found`).toBeGreaterThan(0);
  expect.soft(findings.scrollWidth, `${name}: page wider than the screen (horizontal scroll)`).toBeLessThanOrEqual(findings.innerWidth);
  expect.soft(findings.smallTargets, `${name}: controls smaller than a finger`).toEqual([]);
}

describe('pages on a 360×640 phone screen in en, ru and ar', () => {
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
    it(`${lang} (${dir}): popup, settings and history fit the screen, with finger-sized controls`, async () => {
      if (lang !== 'en') {
        const relaunchedAt = Date.now();
        s().app = await s().app.relaunch({ lang });
        await s().app.roundAfter(relaunchedAt);
      }

      const popup = await openPopup(s().app);
      await touchScreen(popup.page);
      expect((await popup.page.locator('[data-action="check-now"]').textContent())?.trim()).toBe(await localeMessage('popup_check_now', [], lang));
      await popup.openGuidance('whatsapp');
      await expectPhoneReady(popup.page, `popup ${lang}`, dir);
      await popup.page.screenshot({ path: `${SCREENSHOT_DIR}/popup-${lang}.png` });
      await popup.close();

      const options = await s().app.browser.openPage('options.html');
      await touchScreen(options);
      await options.locator('[data-setting="notifications.enabled"]').waitFor({ timeout: RENDER_DEADLINE_MS });
      expect((await options.locator('h1').first().textContent())?.trim()).toBe(await localeMessage('options_title', [], lang));
      await expectPhoneReady(options, `settings ${lang}`, dir);
      await options.screenshot({ path: `${SCREENSHOT_DIR}/options-${lang}.png` });
      await options.close();

      const history = await s().app.browser.openPage(historyPagePath());
      await touchScreen(history);
      await history.locator('[data-incident]').first().waitFor({ timeout: RENDER_DEADLINE_MS });
      await expectPhoneReady(history, `history ${lang}`, dir);
      await history.screenshot({ path: `${SCREENSHOT_DIR}/history-${lang}.png` });
      await history.close();
    });
  }
});
