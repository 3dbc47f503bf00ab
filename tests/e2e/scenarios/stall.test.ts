/**
 * A stall after 16 KB (the freeze Russian TSPU boxes put on flows to foreign hosting, 2025):
 * Telegram's download host sends the headers and 16 KiB, then nothing, without a reset. Its pages
 * and data centres answer, so reachability is fine; "Check now" takes a speed sample of every
 * service (issue 9), so one click shows Telegram slow by stall (unconfirmed), and the two
 * confirmation rounds it triggers confirm it. Three on-demand measurements then record the stall.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/extension-pages';
import { closeScenario, expectService, networkBecomes, openScenario, recordFigure, serviceIn, statesOf, type Scenario } from '../harness/scenario';

const MEASUREMENTS = 3;

/** A throughput observation as the export stores it (src/store/schema.ts). */
interface StoredTransfer {
  readonly t: string;
  readonly r: number;
  readonly st?: number;
  readonly tr?: { readonly stalled?: boolean; readonly firstByteMs?: number };
}

describe("Telegram's downloads stall after 16 KiB", () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    await networkBecomes(scenario, (lab) => lab.host('td.telegram.org').stall());
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('one Check now shows Telegram slow by stall (unconfirmed): no notification, no badge', async () => {
    const snapshot = await s().app.checkNow();
    await expectService(s().app, snapshot, 'telegram', { state: 'slow', how: 'stall', confirmed: false }, 'after one Check now');
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { telegram: 'slow' }));
    await popup.close();
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('');
  });

  it('left alone, the two confirmation rounds it triggered confirm slow by stall', async () => {
    let snapshot = await s().app.snapshot();
    for (let round = 1; round <= 2; round += 1) snapshot = await s().app.roundAfter(snapshot.lastRoundAt ?? 0, 150_000);
    await expectService(s().app, snapshot, 'telegram', { state: 'slow', how: 'stall', confirmed: true }, 'after the confirmation rounds');
  });

  it(`${MEASUREMENTS} speed measurements each record a transfer that started, then stopped`, async () => {
    for (let measurement = 1; measurement <= MEASUREMENTS; measurement += 1) {
      const started = performance.now();
      const telegram = serviceIn(await s().app.measureSpeed('telegram'), 'telegram');
      await recordFigure(`measureSpeed wall time, Telegram stalled after 16 KiB (measurement ${measurement})`, Math.round(performance.now() - started), 'ms');
      const exported = JSON.parse((await s().app.send('exportData', { format: 'json', full: true })).text) as { observations: readonly StoredTransfer[] };
      const transfer = exported.observations.find((row) => row.r === telegram.lastCheckedAt && row.t === 't:telegram');
      expect(transfer?.st, `measurement ${measurement}: status`).toBeGreaterThanOrEqual(200);
      expect(transfer?.st, `measurement ${measurement}: status`).toBeLessThan(300);
      expect(transfer?.tr?.firstByteMs, `measurement ${measurement}: first byte`).toBeDefined();
      expect(transfer?.tr?.stalled, `measurement ${measurement}: stalled`).toBe(true);
    }
  });

  it('…and confirm slow by stall: the popup says so', async () => {
    await expectService(s().app, await s().app.snapshot(), 'telegram', { state: 'slow', how: 'stall', confirmed: true }, `after ${MEASUREMENTS} measurements`);
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { telegram: 'slow' }));
    await popup.close();
  });

  it('no notification (slow is opt-in), no count on the badge', async () => {
    expect(await s().app.notifications.collect()).toEqual([]);
    expect((await s().app.toolbar()).badge).toBe('');
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
