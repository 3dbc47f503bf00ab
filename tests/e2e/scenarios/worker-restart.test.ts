/**
 * The service worker stopped mid-confirmation, the way Chromium stops an idle MV3 worker
 * (chrome://serviceworker-internals): once between two bad rounds, once in the middle of a round,
 * and once after the notification was shown. Nothing important lives only in the worker's memory
 * (src/runtime/monitor.ts, "Crash safety"): the confirmation goes on where it was, exactly one notification is shown,
 * and every stored round is still in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithChrome } from '../harness/extension-apis';
import { openHistory } from '../harness/extension-pages';
import { closeScenario, expectService, networkBecomes, openScenario, SCENARIO_COUNTRY, serviceIn, type Scenario } from '../harness/scenario';

/** How long the round interrupted by the stop may take to start, ms: a deadline, not a measurement. */
const ROUND_START_DEADLINE_MS = 10_000;

interface Marked {
  e2eMarker?: string;
}

describe('the worker stopped mid-confirmation', () => {
  let scenario: Scenario | undefined;
  /** Starts of the rounds that probed WhatsApp and were stored, ms since the epoch. */
  const storedRounds: number[] = [];
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };
  const remember = (snapshot: Awaited<ReturnType<Scenario['app']['snapshot']>>): void => {
    const id = serviceIn(snapshot, 'whatsapp').lastCheckedAt;
    if (id !== undefined && !storedRounds.includes(id)) storedRounds.push(id);
  };
  /** Leaves a mark in the worker's memory: gone after a real stop. */
  const markWorker = () => s().app.browser.evaluate(() => {
    (globalThis as Marked).e2eMarker = 'before the stop';
  }, undefined);
  const workerMark = () => s().app.browser.evaluate(() => (globalThis as Marked).e2eMarker ?? null, undefined);

  beforeAll(async () => {
    scenario = await openScenario();
    remember(await scenario.app.snapshot());
    await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('a bad round, then the worker stops: its memory is gone, the owed confirmation alarm is not', async () => {
    const first = await s().app.checkNow();
    remember(first);
    await expectService(s().app, first, 'whatsapp', { state: 'reachable', pendingState: 'blocked' }, 'after bad round 1');
    await markWorker();
    await s().app.stopWorker();
    expect(await workerMark()).toBeNull();
    const alarms = await s().app.browser.evaluate(async () => (await (globalThis as unknown as WithChrome).chrome.alarms.getAll()).map((alarm) => alarm.name), undefined);
    expect(alarms).toContain('confirm');
  });

  it('the woken worker goes on: a second bad round is counted with the first', async () => {
    const second = await s().app.checkNow();
    remember(second);
    await expectService(s().app, second, 'whatsapp', { state: 'reachable', pendingState: 'blocked' }, 'after bad round 2');
    expect(await s().app.notifications.collect()).toEqual([]);
  });

  it('stopped in the middle of a round: the page is told, nothing half-done shows', async () => {
    // A silent domestic control holds the round open until the product's 15 s timer: time to stop it midway.
    await networkBecomes(s(), (lab) => lab.controls(SCENARIO_COUNTRY).silence());
    const answer = s().app.send('runNow', {}).then(
      () => 'answered',
      (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    const deadline = Date.now() + ROUND_START_DEADLINE_MS;
    while (!(await s().app.snapshot()).activity.running) {
      if (Date.now() > deadline) throw new Error('the round never started');
      await new Promise((done) => setTimeout(done, 50));
    }
    await s().app.stopWorker();
    // The page's request dies with the worker; it does not hang.
    expect(await answer).toMatch(/^failed: /);
    await networkBecomes(s(), (lab) => lab.controls(SCENARIO_COUNTRY).ok());
    const after = await s().app.snapshot();
    expect(after.activity.running).toBe(false);
    expect(serviceIn(after, 'whatsapp').state).toBe('reachable');
    expect(await s().app.notifications.collect()).toEqual([]);
  });

  it('the next bad round confirms the block, with exactly one notification', async () => {
    let snapshot = await s().app.checkNow();
    remember(snapshot);
    // If the interrupted round happened to be stored before the stop, it already counted.
    if (serviceIn(snapshot, 'whatsapp').state !== 'blocked') {
      snapshot = await s().app.checkNow();
      remember(snapshot);
    }
    await expectService(s().app, snapshot, 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, 'after the rounds that confirm');
    await s().app.notifications.collect();
    expect(s().app.notifications.shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'whatsapp', kind: 'blocked' }]);
  });

  it('stopped and woken again after the notification: it is not shown a second time', async () => {
    await s().app.stopWorker();
    await s().app.snapshot();
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('1');
  });

  it('the history has every stored round and the incident', async () => {
    const exported = JSON.parse((await s().app.send('exportData', { format: 'json', full: true })).text) as { verdicts: readonly { readonly s: string; readonly r: number }[] };
    const kept = new Set(exported.verdicts.filter((verdict) => verdict.s === 'whatsapp').map((verdict) => verdict.r));
    expect(storedRounds.filter((id) => !kept.has(id))).toEqual([]);
    const since = serviceIn(await s().app.snapshot(), 'whatsapp').since;
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([`whatsapp|${since}`]);
    await history.close();
  });
});
