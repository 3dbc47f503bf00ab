/**
 * WhatsApp's names stop resolving (NXDOMAIN), as Russia's national DNS did on 2026-02-11. Driven
 * from the popup's "Check now": the first two bad rounds change nothing a person sees (the row
 * stays "reachable", no badge, no notification); the third confirms `blocked` by `dns`, the badge
 * counts 1, one notification is shown, and the history page lists the incident a notification
 * points to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistory, openPopup, RENDER_DEADLINE_MS, type PopupView } from '../harness/extension-pages';
import { closeScenario, expectService, localeMessage, networkBecomes, openScenario, recordFigure, serviceIn, statesOf, type Scenario } from '../harness/scenario';
import type { WithChrome } from '../harness/extension-apis';

describe('WhatsApp blocked by DNS (NXDOMAIN)', () => {
  let scenario: Scenario | undefined;
  let popup: PopupView | undefined;
  let blockedAt = 0;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };
  const p = (): PopupView => {
    if (!popup) throw new Error('the popup did not open');
    return popup;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    popup = await openPopup(scenario.app);
    blockedAt = performance.now();
    await networkBecomes(scenario, (lab) => lab.service('whatsapp').dns().nxdomain());
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('a first bad round changes nothing a person sees, and asks for a confirmation round', async () => {
    await p().checkNow();
    expect(await p().states()).toEqual(statesOf('reachable'));
    await expectService(s().app, await s().app.snapshot(), 'whatsapp', { state: 'reachable', pendingState: 'blocked' }, 'after bad round 1');
    expect((await s().app.toolbar()).badge).toBe('');
    expect(await s().app.notifications.collect()).toEqual([]);
    // The schedule owes a confirmation round 40 s later (CONFIRMATION_SPACING_MS).
    const alarms = await s().app.browser.evaluate(async () => {
      const apis = (globalThis as unknown as WithChrome).browser ?? (globalThis as unknown as WithChrome).chrome;
      return (await apis.alarms.getAll()).map((alarm) => alarm.name);
    }, undefined);
    expect(alarms).toContain('confirm');
  });

  it('a second bad round still changes nothing', async () => {
    await p().checkNow();
    expect(await p().states()).toEqual(statesOf('reachable'));
    expect(await s().app.notifications.collect()).toEqual([]);
  });

  it('the third bad round confirms: the row says blocked', async () => {
    await p().checkNow();
    await recordFigure('block to confirmed state, 3 × Check now (DNS block)', Math.round(performance.now() - blockedAt), 'ms');
    await expect.poll(() => p().states(), { timeout: RENDER_DEADLINE_MS }).toEqual(statesOf('reachable', { whatsapp: 'blocked' }));
    expect((await p().confirmed()).whatsapp).toBe(true);
    const whatsapp = serviceIn(await s().app.snapshot(), 'whatsapp');
    expect(whatsapp.how).toBe('dns');
  });

  it('the badge counts one blocked service and the tooltip names it', async () => {
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge).toBe('1');
    expect(toolbar.title).toBe(`${await localeMessage('extName')}: WhatsApp — ${await localeMessage('state_blocked')}`);
  });

  it('exactly one notification: WhatsApp blocked', async () => {
    const shown = await s().app.notifications.collect();
    expect(shown.map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'whatsapp', kind: 'blocked' }]);
  });

  it('the history page lists the incident, and opens at it from the notification\'s link', async () => {
    const since = serviceIn(await s().app.snapshot(), 'whatsapp').since;
    expect(since).toBeDefined();
    const incident = `whatsapp|${since}`;
    // The notification's id names the incident it reports.
    expect(s().app.notifications.shown[0]?.id).toBe(`whatsapp|blocked|${since}`);
    const history = await openHistory(s().app, incident);
    expect(await history.incidents()).toEqual([incident]);
    await expect.poll(() => history.currentIncident(), { timeout: RENDER_DEADLINE_MS }).toBe(incident);
    await history.close();
  });

  it('"What you can do" on the blocked row offers a DNS workaround', async () => {
    const steps = await p().openGuidance('whatsapp');
    expect(steps.some((step) => step.startsWith('guidance_dns_'))).toBe(true);
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
