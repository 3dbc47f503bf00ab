/**
 * Allowlist mode ("white lists", as in Russia's regional mobile shutdowns): only the domestic
 * sites answer. Every international control and every service is silent; the Russian controls
 * (ya.ru, gosuslugi.ru, vk.com, max.ru) work. After three rounds the network is confirmed
 * `restricted`: every service row says so (not `blocked`: nothing foreign works, so no service is
 * singled out), one notification tells it, and no service is notified on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, SCENARIO_COUNTRY, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

describe('allowlist mode: only domestic sites answer', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    await networkBecomes(scenario, async (lab) => {
      await lab.everything().down();
      await lab.controls(SCENARIO_COUNTRY).ok();
      await lab.controls(SCENARIO_COUNTRY).dns().answer();
    });
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('three rounds confirm restricted: every service row says restricted', async () => {
    for (let round = 1; round <= 3; round += 1) await s().app.checkNow();
    const snapshot = await s().app.snapshot();
    expect(snapshot.network).toMatchObject({ state: 'restricted', restricted: true });
    expect(snapshotStates(snapshot)).toEqual(statesOf('restricted'));
  });

  it('the popup says restricted on the connection line and on every row', async () => {
    const popup = await openPopup(s().app);
    expect(await popup.network()).toBe('restricted');
    expect(await popup.states()).toEqual(statesOf('restricted'));
    await popup.close();
  });

  it('exactly one notification, for the network; none for a single service', async () => {
    await s().app.notifications.collect();
    expect(s().app.notifications.shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: '@network', kind: 'restricted' }]);
  });

  it('no blocked count on the badge; the tooltip says only domestic sites work', async () => {
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge).not.toMatch(/\d/);
    expect(toolbar.title).toBe(`${await localeMessage('extName')}: ${await localeMessage('state_restricted')}`);
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
