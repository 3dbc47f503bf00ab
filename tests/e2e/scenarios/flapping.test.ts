/**
 * A flaky network: WhatsApp's names fail in one round of every three. Confirmation needs three
 * bad rounds of the last four, so nothing is ever confirmed: the popup row stays reachable, the
 * badge stays empty, no notification and no incident, while the rounds that failed are kept in the
 * 24-hour strip. Every failed probe must carry the browser's own error, so the bad rounds say
 * `dns`: when that detail is lost the probe reads `error` → `connect` (seen intermittently: see
 * tests/e2e/README.md, "Known product bugs").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openPopup } from '../harness/extension-pages';
import { closeScenario, expectService, networkBecomes, openScenario, recordFigure, serviceIn, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

const ROUNDS = 9;
const BAD_EVERY = 3;

/** An observation as the export stores it (src/store/schema.ts): round, target, failure, raw words. */
interface StoredObservation {
  readonly r: number;
  readonly t: string;
  readonly f?: string;
  readonly x?: string;
}

describe('flapping: one round in three fails', () => {
  let scenario: Scenario | undefined;
  /** Starts of the bad rounds, ms since the epoch. */
  const badRounds: number[] = [];
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

  it(`${ROUNDS} rounds, every ${BAD_EVERY}rd bad: WhatsApp stays reachable after every one, no badge, no notification`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const bad = round % BAD_EVERY === 0;
      await networkBecomes(s(), (lab) => (bad ? lab.service('whatsapp').dns().nxdomain() : lab.service('whatsapp').dns().answer()));
      const snapshot = await s().app.checkNow();
      expect(snapshotStates(snapshot), `after round ${round}`).toEqual(statesOf('reachable'));
      // The bad round is seen (pending), never shown; its `how` is checked below, across all bad rounds.
      await expectService(s().app, snapshot, 'whatsapp', { state: 'reachable', pendingState: bad ? 'blocked' : undefined }, `after round ${round}`);
      if (bad) badRounds.push(serviceIn(snapshot, 'whatsapp').lastCheckedAt ?? 0);
      expect((await s().app.toolbar()).badge, `after round ${round}`).toBe('');
      expect(await s().app.notifications.collect(), `after round ${round}`).toEqual([]);
    }
  });

  it('the failed rounds are kept: the strip has one blocked cell per bad round', async () => {
    const strip = serviceIn(await s().app.snapshot(), 'whatsapp').strip;
    expect(strip.filter((cell) => cell.state === 'blocked')).toHaveLength(Math.floor(ROUNDS / BAD_EVERY));
  });

  it("every failed probe of the bad rounds kept Chromium's own error (net::ERR_NAME_NOT_RESOLVED → dns)", async () => {
    const exported = JSON.parse((await s().app.send('exportData', { format: 'json', full: true })).text) as { observations: readonly StoredObservation[] };
    const failed = exported.observations.filter((row) => badRounds.includes(row.r) && row.t.startsWith('e:whatsapp.'));
    const lost = failed.filter((row) => row.f !== 'dns_nxdomain');
    await recordFigure('WhatsApp probes in NXDOMAIN rounds whose browser error was lost (flapping)', lost.length, `of ${failed.length}`);
    expect(failed.length).toBeGreaterThan(0);
    expect(lost.map((row) => `${row.t}: ${row.f ?? 'answered'} (${row.x ?? ''})`)).toEqual([]);
  });

  it('the popup shows WhatsApp reachable and the history page has no incident', async () => {
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable'));
    await popup.close();
    const history = await openHistory(s().app);
    expect(await history.incidents()).toEqual([]);
    await history.close();
  });
});
