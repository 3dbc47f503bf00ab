/**
 * YouTube throttled to 128 kbit/s (Russia's policers, 2024): its pages answer at once, but bodies
 * crawl. Reachability probes cannot see it; a speed sample can, and "Check now" takes one of every
 * service (issue 9). One Check now shows YouTube slow at once (marked unconfirmed); the two
 * confirmation rounds it triggers, each with a new sample, confirm it without another click. The
 * badge does not count it (it counts blocked services), and `slow` is not notified unless the
 * person asked. Three on-demand measurements then record the policed goodput.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/extension-pages';
import { closeScenario, expectService, localeMessage, networkBecomes, openScenario, recordFigure, serviceIn, statesOf, type Scenario } from '../harness/scenario';

/** The lab's policer rate, kbit/s (THROTTLE_BYTES_PER_SECOND in tests/lab/servers/throttle.ts). */
const POLICED_KBPS = 128;
const MEASUREMENTS = 3;

describe('YouTube throttled to 128 kbit/s', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    await networkBecomes(scenario, (lab) => lab.service('youtube').throttle());
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('one Check now shows YouTube slow (unconfirmed): no notification, no badge', async () => {
    const snapshot = await s().app.checkNow();
    await expectService(s().app, snapshot, 'youtube', { state: 'slow', confirmed: false }, 'after one Check now');
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { youtube: 'slow' }));
    await popup.close();
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('');
  });

  it('left alone, the two confirmation rounds it triggered confirm slow', async () => {
    let snapshot = await s().app.snapshot();
    for (let round = 1; round <= 2; round += 1) snapshot = await s().app.roundAfter(snapshot.lastRoundAt ?? 0, 150_000);
    await expectService(s().app, snapshot, 'youtube', { state: 'slow', confirmed: true }, 'after the confirmation rounds');
  });

  it(`${MEASUREMENTS} speed measurements each measure a goodput held down by the policer`, async () => {
    for (let measurement = 1; measurement <= MEASUREMENTS; measurement += 1) {
      const started = performance.now();
      const youtube = serviceIn(await s().app.measureSpeed('youtube'), 'youtube');
      await recordFigure(`measureSpeed wall time, YouTube throttled (measurement ${measurement})`, Math.round(performance.now() - started), 'ms');
      await recordFigure(`YouTube goodput under the 128 kbit/s policer (measurement ${measurement})`, Math.round(youtube.goodputKbps ?? -1), 'kbit/s');
      // Measured, and held down by the policer (a token bucket cannot deliver more than its rate plus
      // one 2 KiB burst); how far below it a loaded machine reads is noise, not asserted.
      expect(youtube.goodputKbps, `measurement ${measurement}`).toBeDefined();
      expect(youtube.goodputKbps, `measurement ${measurement}`).toBeLessThan(POLICED_KBPS * 2);
    }
  });

  it('…still slow, confirmed: the popup and the tooltip say so', async () => {
    await expectService(s().app, await s().app.snapshot(), 'youtube', { state: 'slow', confirmed: true }, `after the measurements`);
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { youtube: 'slow' }));
    await popup.close();
    expect((await s().app.toolbar()).title).toBe(`${await localeMessage('extName')}: YouTube — ${await localeMessage('state_slow')}`);
  });

  it('no notification (slow is opt-in) and no count on the badge', async () => {
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('');
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
