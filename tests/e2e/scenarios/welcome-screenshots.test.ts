/**
 * The welcome page and the paused popup in all six languages, paused until resumed (so no round
 * runs across the relaunches). One profile, relaunched in each language. Screenshots go to
 * test-results/screenshots/ for people to look at; the tests assert what can be asserted: the
 * language and direction the pages use, words from that language's locale file, the hosts the
 * catalogue really probes, the country's legal note, and the popup's paused state.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/catalogue';
import type { WithChrome } from '../harness/extension-apis';
import { openPopup, PAGE_VIEWPORT, RENDER_DEADLINE_MS } from '../harness/extension-pages';
import { closeScenario, localeMessage, openScenario, type Scenario } from '../harness/scenario';

const SCREENSHOT_DIR = resolve('test-results/screenshots');
/** Chromium's --lang value, the locale folder it selects, and the direction of its script. */
const LANGUAGES = [
  { lang: 'en', folder: 'en', dir: 'ltr' },
  { lang: 'ru', folder: 'ru', dir: 'ltr' },
  { lang: 'fa', folder: 'fa', dir: 'rtl' },
  { lang: 'zh-CN', folder: 'zh_CN', dir: 'ltr' },
  { lang: 'tr', folder: 'tr', dir: 'ltr' },
  { lang: 'ar', folder: 'ar', dir: 'rtl' },
] as const;

describe('welcome page and paused popup in six languages', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    scenario = await openScenario({ lang: 'en' });
    await scenario.app.send('pause', { choice: 'resume' });
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  for (const { lang, folder, dir } of LANGUAGES) {
    it(`${lang}: the welcome page and the paused popup are in ${lang} (${dir})`, async () => {
      s().app = await s().app.relaunch({ lang });
      const uiLanguage = await s().app.browser.evaluate(() => (globalThis as unknown as WithChrome).chrome.i18n.getUILanguage(), undefined);
      expect(uiLanguage.toLowerCase().startsWith(lang.toLowerCase().slice(0, 2))).toBe(true);

      const welcome = await s().app.browser.openPage('welcome.html');
      await welcome.setViewportSize(PAGE_VIEWPORT);
      await welcome.locator('[data-section="pause"]').waitFor({ timeout: RENDER_DEADLINE_MS });
      expect(await welcome.evaluate(() => document.documentElement.dir)).toBe(dir);
      expect((await welcome.locator('h1').textContent())?.trim()).toBe(await localeMessage('welcome_title', [], folder));
      // The hosts listed are the catalogue's: Telegram's data-centre addresses among them, in plain HTTP.
      const telegram = CATALOGUE.services.find((service) => service.id === 'telegram');
      const plainHost = telegram?.components.flatMap((component) => component.endpoints).map((endpoint) => new URL(endpoint.url)).find((url) => url.protocol === 'http:')?.host;
      expect(plainHost).toBeDefined();
      expect(await welcome.locator('[data-plain-http]').textContent()).toContain(plainHost);
      // Russia's own legal note (the scenario's country), from the guidance module.
      expect(await welcome.locator('[data-section="legal"] [data-step]').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step')))).toEqual(['guidance_country_ru_law']);
      expect(await welcome.locator('[data-paused]').getAttribute('data-paused')).toBe('true');
      await welcome.screenshot({ path: `${SCREENSHOT_DIR}/welcome-${folder}.png`, fullPage: true });
      await welcome.close();

      const popup = await openPopup(s().app);
      expect(await popup.page.evaluate(() => document.documentElement.dir)).toBe(dir);
      await popup.page.locator('[data-paused="true"]').waitFor({ timeout: RENDER_DEADLINE_MS });
      expect(await popup.page.locator('[data-action="check-now"]').count()).toBe(0);
      expect((await popup.page.locator('[data-action="resume"]').textContent())?.trim()).toBe(await localeMessage('pause_resume', [], folder));
      await popup.page.screenshot({ path: `${SCREENSHOT_DIR}/popup-paused-${folder}.png`, fullPage: true });
      await popup.close();
    });
  }
});
