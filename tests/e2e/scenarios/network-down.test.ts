/**
 * The whole network down, two ways: the device loses its link (Chromium knows at once and says
 * ERR_INTERNET_DISCONNECTED), and the upstream goes silent (no DNS answer, every SYN dropped, so
 * every probe ends at the product's timer). Either way no control answers: every service shows
 * `offline`, not `blocked` (promise 1), no notification, no incident, no count on the badge; and
 * when the network is back, every service is reachable again without an alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openPopup } from '../harness/extension-pages';
import { closeScenario, localeMessage, networkBecomes, openScenario, recordFigure, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

/** Offline rounds: as many as would confirm a block, to show that they never do. */
const ROUNDS = 3;

describe('the whole network down', () => {
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

  const expectOffline = async (label: string): Promise<void> => {
    const snapshot = await s().app.snapshot();
    expect(snapshot.network.state, label).toBe('offline');
    expect(snapshotStates(snapshot), label).toEqual(statesOf('offline'));
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge, label).not.toMatch(/\d/);
    expect(toolbar.title, label).toBe(`${await localeMessage('extName')}: ${await localeMessage('state_offline')}`);
    expect(await s().app.notifications.collect(), label).toEqual([]);
  };

  it(`the device loses its link: ${ROUNDS} rounds say offline, nothing is notified`, async () => {
    await networkBecomes(s(), (lab) => lab.offline());
    for (let round = 1; round <= ROUNDS; round += 1) {
      await s().app.checkNow();
      await expectOffline(`link down, round ${round}`);
    }
  });

  it('the popup says offline on every row and on the connection line', async () => {
    const popup = await openPopup(s().app);
    expect(await popup.network()).toBe('offline');
    expect(await popup.states()).toEqual(statesOf('offline'));
    await popup.close();
  });

  it('the link comes back: one round shows every service reachable, still no notification', async () => {
    await networkBecomes(s(), (lab) => lab.online());
    const snapshot = await s().app.checkNow();
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable'));
    expect(snapshot.services.every((service) => service.confirmed)).toBe(true);
    expect((await s().app.toolbar()).badge).toBe('');
    expect(await s().app.notifications.collect()).toEqual([]);
  });

  it(`the upstream goes silent (no DNS answer, SYNs dropped): ${ROUNDS} rounds say offline, nothing is notified`, async () => {
    await networkBecomes(s(), async (lab) => {
      // Counters from zero: what the silent rounds cost is measured below.
      await lab.reset();
      await lab.everything().down();
    });
    for (let round = 1; round <= ROUNDS; round += 1) {
      const started = performance.now();
      await s().app.checkNow();
      await recordFigure(`round wall time, everything black-holed (round ${round})`, Math.round(performance.now() - started), 'ms');
      await expectOffline(`upstream down, round ${round}`);
    }
    const traffic = await s().lab.checkTraffic();
    const syns = traffic.destinations.reduce((sum, port) => sum + port.synPackets, 0);
    const lookups = s().lab.dnsQueries().length;
    await recordFigure(`SYNs sent in ${ROUNDS} rounds with everything black-holed`, syns, 'packets', `${traffic.destinations.length} destinations`);
    await recordFigure(`DNS queries in ${ROUNDS} rounds with DNS silent`, lookups, 'queries', `${traffic.chromiumOwnQueries} of them Chromium's own`);
  });

  it('back up: every service reachable, no notification, and the history has no incident', async () => {
    await networkBecomes(s(), (lab) => lab.reset());
    const snapshot = await s().app.checkNow();
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable'));
    expect(await s().app.notifications.collect()).toEqual([]);
    expect(s().app.notifications.shown).toEqual([]);
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([]);
    await history.close();
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
