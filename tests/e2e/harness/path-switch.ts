/**
 * The shape of the "a VPN or proxy is switched on and off during a confirmed block" scenarios
 * (README, "How a state is decided": Paths): WhatsApp's names stop resolving and three "Check now" rounds confirm the
 * block (one notification, badge 1); then the VPN or proxy goes on and enough rounds to end a
 * block run through it — they reach WhatsApp, yet the block stays confirmed, its incident open,
 * no "works again" notification, the badge unchanged, and the popup carries `data-path="proxy"`
 * with the words that say what that means; then it goes off, the direct rounds meet the same block
 * again, and nothing new is reported: still one incident, still one notification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserLab } from '../../lab/netns/browser-lab';
import { openPopup, RENDER_DEADLINE_MS } from './extension-pages';
import { closeScenario, expectService, localeMessage, networkBecomes, openScenario, type Scenario } from './scenario';

/** Rounds that confirm a block (CONFIRM_BAD_OF) and that end one (RECOVER_CLEAN_ROUNDS) in src/defaults.ts: a test of the product's defaults, not an import. */
const ROUNDS_TO_CONFIRM = 3;
const ROUNDS_TO_RECOVER = 3;

export interface PathSwitchCase {
  readonly title: string;
  /** What the network looks like with the VPN or proxy on (WhatsApp's names still NXDOMAIN on the provider's resolver). */
  readonly switchOn: (lab: BrowserLab) => Promise<void>;
  /** Back to the provider's network, the block unchanged. */
  readonly switchOff: (lab: BrowserLab) => Promise<void>;
  /** What the stored proxied round must say showed the VPN or proxy. */
  readonly sign: 'fake-ip' | 'exit-country';
}

interface StoredRound {
  readonly roundId: number;
  readonly path?: string;
  readonly pathSigns?: readonly string[];
  readonly exitCountry?: string;
}

interface StoredVerdict {
  readonly s: string;
  readonly r: number;
  readonly st?: string;
}

async function lastRound(scenario: Scenario): Promise<{ round: StoredRound; whatsapp: StoredVerdict | undefined }> {
  const exported = JSON.parse((await scenario.app.send('exportData', { format: 'json', full: true })).text) as { rounds: StoredRound[]; verdicts: StoredVerdict[] };
  const round = exported.rounds.reduce((latest, candidate) => (candidate.roundId > latest.roundId ? candidate : latest));
  return { round, whatsapp: exported.verdicts.find((verdict) => verdict.s === 'whatsapp' && verdict.r === round.roundId) };
}

async function incidents(scenario: Scenario): Promise<readonly string[]> {
  const list = await scenario.app.send('getIncidents', { from: 0, to: Date.now() + 60_000 });
  return list.map((incident) => `${incident.subject}|${incident.start}|${incident.end === null ? 'open' : 'closed'}`);
}

export function describePathSwitch(switchCase: PathSwitchCase): void {
  describe(`WhatsApp blocked by DNS, then ${switchCase.title} switched on and off`, () => {
    let scenario: Scenario | undefined;
    let incident = '';
    const s = (): Scenario => {
      if (!scenario) throw new Error('the scenario did not start');
      return scenario;
    };

    beforeAll(async () => {
      scenario = await openScenario();
      await scenario.lab.reset();
      await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
    });
    afterAll(async () => {
      await closeScenario(scenario);
    });

    it('the block is confirmed on the direct path: one notification, badge 1, one open incident', async () => {
      for (let round = 1; round <= ROUNDS_TO_CONFIRM; round += 1) await s().app.checkNow();
      await expectService(s().app, await s().app.snapshot(), 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, 'after the block');
      expect((await s().app.notifications.collect()).map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'whatsapp', kind: 'blocked' }]);
      expect((await s().app.toolbar()).badge).toBe('1');
      const popup = await openPopup(s().app);
      expect(await popup.path()).toBe('direct');
      await popup.close();
      const open = await incidents(s());
      expect(open).toHaveLength(1);
      incident = open[0] ?? '';
      expect(incident).toMatch(/^whatsapp\|\d+\|open$/);
    });

    it(`with ${switchCase.title} on, rounds reach WhatsApp, yet the block stays: no "works again", badge 1, the incident open`, async () => {
      await networkBecomes(s(), switchCase.switchOn);
      for (let round = 1; round <= ROUNDS_TO_RECOVER + 1; round += 1) await s().app.checkNow();
      // The rounds did go through the VPN or proxy, and reached WhatsApp there (what used to end the block).
      const { round, whatsapp } = await lastRound(s());
      expect(round.path).toBe('proxy');
      expect(round.pathSigns).toContain(switchCase.sign);
      expect(whatsapp?.st ?? 'reachable').toBe('reachable');

      await expectService(s().app, await s().app.snapshot(), 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, `through ${switchCase.title}`);
      expect(await s().app.notifications.collect()).toEqual([]);
      expect((await s().app.toolbar()).badge).toBe('1');
      expect(await incidents(s())).toEqual([incident]);
    });

    it('the popup says the checks go through a VPN or proxy, and what that means (data-path="proxy")', async () => {
      const popup = await openPopup(s().app);
      await expect.poll(() => popup.path(), { timeout: RENDER_DEADLINE_MS }).toBe('proxy');
      const text = await popup.networkText();
      expect(text).toContain(await localeMessage('popup_path_proxy'));
      expect(text).toContain(await localeMessage('popup_path_proxy_meaning'));
      expect((await popup.states()).whatsapp).toBe('blocked');
      await popup.close();
    });

    it(`with ${switchCase.title} off again, the same block is no new block: no notification, still one incident`, async () => {
      await networkBecomes(s(), switchCase.switchOff);
      for (let round = 1; round <= ROUNDS_TO_CONFIRM; round += 1) await s().app.checkNow();
      const { round } = await lastRound(s());
      expect(round.path).toBe('direct');
      await expectService(s().app, await s().app.snapshot(), 'whatsapp', { state: 'blocked', how: 'dns', confirmed: true }, 'after switching off');
      expect(await s().app.notifications.collect()).toEqual([]);
      expect(s().app.notifications.shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'whatsapp', kind: 'blocked' }]);
      expect((await s().app.toolbar()).badge).toBe('1');
      expect(await incidents(s())).toEqual([incident]);
      const popup = await openPopup(s().app);
      await expect.poll(() => popup.path(), { timeout: RENDER_DEADLINE_MS }).toBe('direct');
      expect(await popup.networkText()).not.toContain(await localeMessage('popup_path_proxy'));
      await popup.close();
    });

    it('nothing left the lab', async () => {
      expect((await s().lab.checkTraffic()).clean).toBe(true);
    });
  });
}
