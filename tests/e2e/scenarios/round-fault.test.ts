/**
 * Monitoring never silently stops (issue 8, item 6), in Chromium with the production build: the
 * history database is deleted from outside while a scheduled round runs (an extension page of the
 * same origin deletes it, as clearing the extension's data would; the worker's connection closes
 * itself). That round is lost, yet the next round is armed an interval later, and when it fires it
 * runs and is stored in a database opened again. No test-only hook: the alarm is fired early
 * through the alarms API from an extension page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HISTORY_DB_NAME } from '../../../src/store/schema';
import { ROUND_DEADLINE_MS } from '../harness/blockwatch';
import { closeScenario, networkBecomes, openScenario, type Scenario } from '../harness/scenario';

const MINUTE = 60_000;

interface AlarmsPage {
  chrome: { alarms: { create(name: string, info: { when: number }): Promise<void>; get(name: string): Promise<{ scheduledTime: number } | undefined> } };
}

/** Fires the `round` alarm now, as the browser would when its time comes. */
function fireRoundAlarm(page: Page): Promise<void> {
  return page.evaluate(() => (globalThis as unknown as AlarmsPage).chrome.alarms.create('round', { when: Date.now() }));
}

function roundAlarmAt(page: Page): Promise<number | null> {
  return page.evaluate(async () => (await (globalThis as unknown as AlarmsPage).chrome.alarms.get('round'))?.scheduledTime ?? null);
}

describe('a round that throws is followed by the next scheduled round', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('the history deleted mid-round: the next round is armed an interval later, runs, and is stored', async () => {
    const page = await s().app.browser.openPage('manifest.json');
    // Telegram black-holed: the round waits 15 s for it, time enough to pull the database away.
    await networkBecomes(s(), (lab) => lab.service('telegram').blackhole());
    const before = (await s().app.snapshot()).lastRoundAt ?? 0;
    await fireRoundAlarm(page);
    await expect.poll(async () => (await s().app.snapshot()).activity.running, { timeout: ROUND_DEADLINE_MS, interval: 100 }).toBe(true);
    const deletedAt = Date.now();
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const deletion = indexedDB.deleteDatabase(name);
          deletion.onsuccess = () => resolve();
          deletion.onerror = () => reject(deletion.error);
        }),
      HISTORY_DB_NAME,
    );
    await expect.poll(async () => (await s().app.snapshot()).activity.running, { timeout: ROUND_DEADLINE_MS, interval: 200 }).toBe(false);
    // The lost round left the next one armed, an interval (5 min, ± jitter) from the failure.
    const armed = await roundAlarmAt(page);
    expect(armed).not.toBeNull();
    expect(armed ?? 0).toBeGreaterThan(deletedAt + 4 * MINUTE);

    await networkBecomes(s(), (lab) => lab.reset());
    await fireRoundAlarm(page);
    const after = await s().app.roundAfter(before);
    expect(after.lastRoundAt ?? 0).toBeGreaterThan(deletedAt);
    expect(after.services.find((service) => service.id === 'telegram')?.state).toBe('reachable');
    await page.close();
  });
});
