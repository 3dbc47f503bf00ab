/**
 * The popup and the history page in the six languages, in a state worth seeing:
 * WhatsApp blocked now (its "What you can do" open), and a Signal block that started and ended,
 * so the history has an ongoing and a finished incident. One profile, relaunched in each language
 * (Chromium's --lang plus LANGUAGE/LANG). Screenshots go to test-results/screenshots/ for people
 * to look at; the tests assert what can be asserted: the language and direction the pages use,
 * that their words come from that language's locale file, and that WhatsApp's open guidance
 * panel leaves the next service's row in sight in a 600 px popup (its height goes to the figures).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithChrome } from '../harness/extension-apis';
import { openHistory, openPopup } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, recordFigure, serviceIn, type Scenario } from '../harness/scenario';

const SCREENSHOT_DIR = resolve('test-results/screenshots');
/** `lang`: the locale folder; `browser`: the language Chromium is started in (BCP 47). */
const LANGUAGES = [
  { lang: 'en', browser: 'en', dir: 'ltr' },
  { lang: 'ru', browser: 'ru', dir: 'ltr' },
  { lang: 'fa', browser: 'fa', dir: 'rtl' },
  { lang: 'zh_CN', browser: 'zh-CN', dir: 'ltr' },
  { lang: 'tr', browser: 'tr', dir: 'ltr' },
  { lang: 'ar', browser: 'ar', dir: 'rtl' },
] as const;

describe('screenshots in en, ru, fa, zh_CN, tr and ar', () => {
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

  for (const { lang, browser, dir } of LANGUAGES) {
    it(`${lang}: the browser speaks ${lang}, the popup and the history page are in ${lang} (${dir})`, async () => {
      const relaunchedAt = Date.now();
      s().app = await s().app.relaunch({ lang: browser });
      await s().app.roundAfter(relaunchedAt);
      const uiLanguage = await s().app.browser.evaluate(() => (globalThis as unknown as WithChrome).chrome.i18n.getUILanguage(), undefined);
      expect(uiLanguage.toLowerCase().startsWith(browser.toLowerCase())).toBe(true);

      const popup = await openPopup(s().app);
      expect(await popup.page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toMatchObject({ dir });
      expect((await popup.page.locator('[data-action="check-now"]').textContent())?.trim()).toBe(await localeMessage('popup_check_now', [], lang));
      await popup.openGuidance('whatsapp');
      // The open panel, and whether the next row (Telegram's) is still in the 600 px popup.
      const layout = await popup.page.evaluate(() => {
        const panel = document.querySelector('[data-service="whatsapp"] details.guidance');
        const rows = [...document.querySelectorAll('[data-service]')];
        const next = rows[rows.findIndex((row) => row.getAttribute('data-service') === 'whatsapp') + 1];
        return {
          panelPx: Math.round(panel?.getBoundingClientRect().height ?? -1),
          nextRowBottomPx: Math.round(next?.getBoundingClientRect().bottom ?? Number.POSITIVE_INFINITY),
          viewportPx: window.innerHeight,
        };
      });
      await recordFigure(`open guidance panel height, WhatsApp blocked by DNS (${lang})`, layout.panelPx, 'px');
      await popup.page.locator('[data-service="whatsapp"] details.guidance').screenshot({ path: `${SCREENSHOT_DIR}/guidance-panel-${lang}.png` });
      await popup.page.screenshot({ path: `${SCREENSHOT_DIR}/popup-${lang}.png`, fullPage: true });
      expect(layout.nextRowBottomPx, `the next row ends at ${layout.nextRowBottomPx} px`).toBeLessThanOrEqual(layout.viewportPx);
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
