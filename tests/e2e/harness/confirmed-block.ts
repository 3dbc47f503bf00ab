/**
 * The shape every "one service gets blocked" scenario shares, as vitest tests: the lab blocks the
 * service; two "Check now" rounds change nothing a person sees; the third confirms `blocked` with
 * the expected `how`; the popup row, the badge, the tooltip and exactly one notification say so;
 * every other service stays reachable; nothing leaves the lab. Each round's wall time and what the
 * block cost on the wire are recorded as figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { How } from '../../../src/states';
import type { BrowserLab } from '../../lab/netns/browser-lab';
import { openPopup } from './extension-pages';
import { closeScenario, expectService, localeMessage, networkBecomes, openScenario, recordFigure, snapshotStates, statesOf, type Scenario } from './scenario';

export interface BlockCase {
  /** What the network does, for test names ("black-holed"). */
  readonly title: string;
  readonly serviceId: string;
  readonly serviceName: string;
  readonly how: How;
  readonly block: (lab: BrowserLab) => Promise<void>;
  /** Extra checks on what the lab counted for the blocked service (SYNs, connections). */
  readonly onTraffic?: (scenario: Scenario) => Promise<void>;
}

/** Rounds that confirm a block: CONFIRM_BAD_OF in src/defaults.ts (a test of the product's default, not an import of it). */
const ROUNDS_TO_CONFIRM = 3;

export function describeConfirmedBlock(block: BlockCase): void {
  describe(`${block.serviceName} ${block.title}`, () => {
    let scenario: Scenario | undefined;
    const s = (): Scenario => {
      if (!scenario) throw new Error('the scenario did not start');
      return scenario;
    };

    beforeAll(async () => {
      scenario = await openScenario();
      await scenario.lab.reset();
      await networkBecomes(scenario, block.block);
    });
    afterAll(async () => {
      await closeScenario(scenario);
    });

    it(`rounds 1 and 2 see the block but confirm nothing; round ${ROUNDS_TO_CONFIRM} confirms blocked by ${block.how}`, async () => {
      const started = performance.now();
      for (let round = 1; round <= ROUNDS_TO_CONFIRM; round += 1) {
        const roundStarted = performance.now();
        const snapshot = await s().app.checkNow();
        await recordFigure(`round wall time, ${block.serviceName} ${block.title} (round ${round})`, Math.round(performance.now() - roundStarted), 'ms');
        if (round < ROUNDS_TO_CONFIRM) {
          // Seen but not shown. (The `how` of a single round is not asserted: see README, known bug 4.)
          await expectService(s().app, snapshot, block.serviceId, { state: 'reachable', pendingState: 'blocked' }, `after round ${round}`);
          expect(snapshotStates(snapshot), `after round ${round}`).toEqual(statesOf('reachable'));
          expect(await s().app.notifications.collect(), `after round ${round}`).toEqual([]);
        } else {
          await expectService(s().app, snapshot, block.serviceId, { state: 'blocked', how: block.how, confirmed: true }, `after round ${round}`);
          expect(snapshotStates(snapshot)).toEqual(statesOf('reachable', { [block.serviceId]: 'blocked' }));
        }
      }
      await recordFigure(`block to confirmed state, ${ROUNDS_TO_CONFIRM} × Check now (${block.serviceName} ${block.title})`, Math.round(performance.now() - started), 'ms');
    });

    it('the popup shows the service blocked, every other reachable', async () => {
      const popup = await openPopup(s().app);
      expect(await popup.states()).toEqual(statesOf('reachable', { [block.serviceId]: 'blocked' }));
      await popup.close();
    });

    it('the badge counts 1 and the tooltip names the service', async () => {
      const toolbar = await s().app.toolbar();
      expect(toolbar.badge).toBe('1');
      expect(toolbar.title).toBe(`${await localeMessage('extName')}: ${block.serviceName} — ${await localeMessage('state_blocked')}`);
    });

    it('exactly one notification: the service is blocked', async () => {
      await s().app.notifications.collect();
      expect(s().app.notifications.shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: block.serviceId, kind: 'blocked' }]);
    });

    it('nothing left the lab', async () => {
      const traffic = await s().lab.checkTraffic();
      expect(traffic.clean).toBe(true);
      await block.onTraffic?.(s());
    });
  });
}
