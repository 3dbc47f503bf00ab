/**
 * A block that starts and ends: WhatsApp NXDOMAIN for three rounds, then the names resolve again
 * for three. Exactly two notifications over the whole incident, "blocked" then "restored" (the
 * product's `unblocked`); the incident is stored with its start and end, and the badge is empty
 * again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory } from '../harness/extension-pages';
import { closeScenario, networkBecomes, openScenario, serviceIn, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

describe('a WhatsApp block that starts and ends', () => {
  let scenario: Scenario | undefined;
  let blockedSince = 0;
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

  it('the block is confirmed after three rounds, with one notification', async () => {
    await networkBecomes(s(), (lab) => lab.service('whatsapp').dns().nxdomain());
    for (let round = 1; round <= 3; round += 1) await s().app.checkNow();
    const whatsapp = serviceIn(await s().app.snapshot(), 'whatsapp');
    expect(whatsapp).toMatchObject({ state: 'blocked', how: 'dns', confirmed: true });
    blockedSince = whatsapp.since ?? 0;
    expect((await s().app.notifications.collect()).map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'whatsapp', kind: 'blocked' }]);
  });

  it('when the names resolve again, two clean rounds keep it blocked (no flapping back), the third restores it', async () => {
    await networkBecomes(s(), (lab) => lab.reset());
    for (let round = 1; round <= 3; round += 1) {
      const snapshot = await s().app.checkNow();
      const whatsapp = serviceIn(snapshot, 'whatsapp');
      if (round < 3) {
        expect(whatsapp.state, `after clean round ${round}`).toBe('blocked');
        expect(whatsapp.pending, `after clean round ${round}`).toEqual({ state: 'reachable' });
        expect((await s().app.toolbar()).badge).toBe('1');
        expect(await s().app.notifications.collect(), `after clean round ${round}`).toEqual([]);
      } else {
        expect(snapshotStates(snapshot)).toEqual(statesOf('reachable'));
      }
    }
    expect((await s().app.toolbar()).badge).toBe('');
  });

  it('exactly two notifications over the incident: blocked, then restored', async () => {
    await s().app.notifications.collect();
    expect(s().app.notifications.shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([
      { subject: 'whatsapp', kind: 'blocked' },
      { subject: 'whatsapp', kind: 'unblocked' },
    ]);
    // Both name the same incident: the one that started when the block was first seen.
    expect(s().app.notifications.shown.map(({ id }) => id.split('|')[2])).toEqual([String(blockedSince), String(blockedSince)]);
  });

  it('the incident is stored with its start and end, and the history page lists it', async () => {
    const now = Date.now();
    const incidents = await s().app.send('getIncidents', { from: 0, to: now });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ subject: 'whatsapp', state: 'blocked', how: 'dns', start: blockedSince });
    expect(incidents[0]?.end).toBeGreaterThan(blockedSince);
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([`whatsapp|${blockedSince}`]);
    await history.close();
  });
});
