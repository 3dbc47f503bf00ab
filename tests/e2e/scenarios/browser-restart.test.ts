/**
 * History kept across a browser restart: WhatsApp is confirmed blocked, the browser is closed and
 * opened again with the same profile. The popup still shows the confirmed block, the history page
 * still lists the incident with every round before the restart, and the block that is still going
 * on is not notified a second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openPopup } from '../harness/extension-pages';
import { closeScenario, expectService, networkBecomes, openScenario, serviceIn, statesOf, type Scenario } from '../harness/scenario';

describe('history kept across a browser restart', () => {
  let scenario: Scenario | undefined;
  let roundsBefore: number[] = [];
  let incident = '';
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };
  const storedWhatsappRounds = async (): Promise<number[]> => {
    const exported = JSON.parse((await s().app.send('exportData', { format: 'json', full: true })).text) as { verdicts: readonly { readonly s: string; readonly r: number }[] };
    return exported.verdicts.filter((verdict) => verdict.s === 'whatsapp').map((verdict) => verdict.r);
  };

  beforeAll(async () => {
    scenario = await openScenario();
    await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
    for (let round = 1; round <= 3; round += 1) await scenario.app.checkNow();
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('before the restart: WhatsApp confirmed blocked, one notification', async () => {
    const snapshot = await s().app.snapshot();
    await expectService(s().app, snapshot, 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, 'before the restart');
    incident = `whatsapp|${serviceIn(snapshot, 'whatsapp').since}`;
    roundsBefore = await storedWhatsappRounds();
    expect(roundsBefore.length).toBeGreaterThanOrEqual(4);
    expect((await s().app.notifications.collect()).map(({ kind }) => kind)).toEqual(['blocked']);
  });

  it('after the restart a start-up round runs, and the popup still shows the confirmed block', async () => {
    const relaunchedAt = Date.now();
    s().app = await s().app.relaunch();
    // The browser's start-up (runtime.onStartup) runs a round; the block is still there to find.
    const snapshot = await s().app.roundAfter(relaunchedAt);
    await expectService(s().app, snapshot, 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, 'after the restart');
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { whatsapp: 'blocked' }));
    await popup.close();
  });

  it('every round from before the restart is still stored, and the history page lists the incident', async () => {
    const after = new Set(await storedWhatsappRounds());
    expect(roundsBefore.filter((id) => !after.has(id))).toEqual([]);
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([incident]);
    await history.close();
  });

  it('the block still going on is not notified again', async () => {
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('1');
  });
});
