/**
 * Partly blocked: WhatsApp's web client (web.whatsapp.com, www.whatsapp.com) is reset after the
 * ClientHello while its chat, registration and media hosts work. After three rounds the popup
 * says `partial`; partial blocks are shown, not notified, unless the person asked for it
 * (README, "How a state is decided"; src/notify/decide.ts); the badge counts only blocked services.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, serviceIn, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

describe('WhatsApp partly blocked: web client reset, media fine', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    await networkBecomes(scenario, async (lab) => {
      await lab.host('web.whatsapp.com').reset();
      await lab.host('www.whatsapp.com').reset();
    });
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('three rounds confirm partial, by reset, with the web component down and the rest up', async () => {
    for (let round = 1; round <= 3; round += 1) await s().app.checkNow();
    const snapshot = await s().app.snapshot();
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable', { whatsapp: 'partial' }));
    const whatsapp = serviceIn(snapshot, 'whatsapp');
    expect(whatsapp).toMatchObject({ state: 'partial', how: 'reset', confirmed: true });
    expect(Object.fromEntries(whatsapp.components.map((component) => [component.id, component.ok]))).toEqual({ web: false, chat: true, registration: true, media: true });
  });

  it('the popup row says partial and offers what to do', async () => {
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { whatsapp: 'partial' }));
    expect((await popup.openGuidance('whatsapp')).length).toBeGreaterThan(0);
    await popup.close();
  });

  it('no notification (partial is opt-in) and no count on the badge; the tooltip names it', async () => {
    expect(await s().app.notifications.collect()).toEqual([]);
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge).toBe('');
    expect(toolbar.title).toBe(`${await localeMessage('extName')}: WhatsApp — ${await localeMessage('state_partial')}`);
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
