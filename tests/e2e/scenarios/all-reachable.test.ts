/**
 * A working network: after the install round and after "Check now" in the popup, every service is
 * reachable and confirmed, the badge is empty, nothing is notified, the history has rounds and no
 * incident, and nothing left the lab. Also measures a round's wall time and bytes on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openPopup, RENDER_DEADLINE_MS, type PopupView } from '../harness/extension-pages';
import { closeScenario, localeMessage, openScenario, recordFigure, SERVICE_IDS, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

describe('all reachable', () => {
  let scenario: Scenario | undefined;
  let popup: PopupView | undefined;
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

  it('the install round finds every service reachable, confirmed', async () => {
    const snapshot = await s().app.snapshot();
    expect(snapshot.network.state).toBe('online');
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable'));
    expect(snapshot.services.every((service) => service.confirmed)).toBe(true);
  });

  it('the popup lists every service as reachable', async () => {
    popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable'));
    expect(Object.values(await popup.confirmed()).every(Boolean)).toBe(true);
    expect(await popup.network()).toBe('online');
  });

  it('"Check now" in the popup runs a round that finds the same', async () => {
    if (!popup) throw new Error('no popup');
    const before = (await s().app.snapshot()).lastRoundAt ?? 0;
    await popup.checkNow();
    const after = await s().app.snapshot();
    expect(after.lastRoundAt).toBeGreaterThan(before);
    await expect.poll(() => popup?.states(), { timeout: RENDER_DEADLINE_MS }).toEqual(statesOf('reachable'));
  });

  it('the toolbar says every service is reachable, with no count on the badge', async () => {
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge).toBe('');
    expect(toolbar.title).toBe(`${await localeMessage('extName')}: ${await localeMessage('toolbar_all_reachable')}`);
  });

  it('nothing is notified', async () => {
    expect(await s().app.notifications.collect()).toEqual([]);
  });

  it('the history page has no incident', async () => {
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([]);
    await history.close();
  });

  it('a round measured: wall time and bytes on the wire, nothing outside the lab', async () => {
    await s().lab.reset();
    await s().app.networkChanged();
    const estimatedBefore = (await s().app.snapshot()).dataUsedToday;
    const started = performance.now();
    const snapshot = await s().app.checkNow();
    const wallMs = performance.now() - started;
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable'));
    const traffic = await s().lab.checkTraffic();
    expect(traffic.clean).toBe(true);
    const bytes = traffic.destinations.reduce((sum, port) => sum + port.bytesSent + port.bytesReceived, 0);
    // Every service and the round's controls were asked (one lab address may serve several of them).
    expect(traffic.destinations.length).toBeGreaterThanOrEqual(SERVICE_IDS.length);
    await recordFigure('round wall time, all up (Check now, cold connections)', Math.round(wallMs), 'ms');
    await recordFigure('bytes on the wire, one full round, all up', bytes, 'B', `${traffic.destinations.length} lab destinations; the product's own estimate for this round: ${snapshot.dataUsedToday - estimatedBefore} B`);
    await recordFigure('DNS queries, one full round, all up (cold cache)', s().lab.dnsQueries().length, 'queries', `${traffic.chromiumOwnQueries} of them Chromium's own`);
  });
});
