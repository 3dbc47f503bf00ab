/**
 * The popup and the history page in English, Russian and Persian, in a state worth seeing:
 * WhatsApp blocked now (its "What you can do" open), and a Signal block that started and ended,
 * so the history has an ongoing and a finished incident. One profile, relaunched in each language
 * (Chromium's --lang plus LANGUAGE/LANG). Screenshots go to test-results/screenshots/ for people
 * to look at; the tests assert what can be asserted: the language and direction the pages use,
 * and that their words come from that language's locale file.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithChrome } from '../harness/extension-apis';
import { openHistory, openPopup } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, serviceIn, type Scenario } from '../harness/scenario';

const SCREENSHOT_DIR = resolve('test-results/screenshots');
const LANGUAGES = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'ru', dir: 'ltr' },
  { lang: 'fa', dir: 'rtl' },
] as const;

describe('screenshots in en, ru and fa', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    scenario = await openScenario({ lang: 'en' });
    // Signal reset for three rounds (confirmed), then working for three (restored)…
    await networkBecomes(scenario, (lab) => lab.service('signal').reset());
    for (let round = 1; round <= 3; round += 1) await scenario.app.checkNow();
    await networkBecomes(scenario, (lab) => lab.reset());
    // …while WhatsApp's names stop resolving: confirmed blocked on the third of those rounds.
    await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
    for (let round = 1; round <= 3; round += 1) await scenario.app.checkNow();
    const snapshot = await scenario.app.snapshot();
    expect(serviceIn(snapshot, 'whatsapp').state).toBe('blocked');
    expect(serviceIn(snapshot, 'signal').state).toBe('reachable');
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  for (const { lang, dir } of LANGUAGES) {
    it(`${lang}: the browser speaks ${lang}, the popup and the history page are in ${lang} (${dir})`, async () => {
      const relaunchedAt = Date.now();
      s().app = await s().app.relaunch({ lang });
      await s().app.roundAfter(relaunchedAt);
      const uiLanguage = await s().app.browser.evaluate(() => (globalThis as unknown as WithChrome).chrome.i18n.getUILanguage(), undefined);
      expect(uiLanguage.toLowerCase().startsWith(lang)).toBe(true);

      const popup = await openPopup(s().app);
      expect(await popup.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toMatchObject({ dir });
      expect((await popup.page.locator('[data-action="check-now"]').textContent())?.trim()).toBe(await localeMessage('popup_check_now', [], lang));
      await popup.openGuidance('whatsapp');
      await popup.page.screenshot({ path: `${SCREENSHOT_DIR}/popup-${lang}.png`, fullPage: true });
      await popup.close();

      const history = await openHistory(s().app);
      expect(await history.page.evaluate(() => document.documentElement.dir)).toBe(dir);
      expect((await history.page.locator('h1').first().textContent())?.trim()).toBe(await localeMessage('history_title', [], lang));
      expect(await history.incidents()).toHaveLength(2);
      await history.page.screenshot({ path: `${SCREENSHOT_DIR}/history-${lang}.png`, fullPage: true });
      await history.close();
    });
  }
});
