/**
 * Pause, the way a provider's filter would check it: with rounds every minute (the shortest
 * interval a person can choose), a paused Blockwatch opens no connection and sends no byte to any
 * lab host over more than two round intervals, refuses "Check now" and the speed test, and says
 * so on the badge; resuming runs the next round at once. The install opened the welcome page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WithChrome } from '../harness/extension-apis';
import { closeScenario, localeMessage, openScenario, recordFigure, type Scenario } from '../harness/scenario';
import type { BrowserLab } from '../../lab/netns/browser-lab';

/** The shortest interval a person can set, min (SHORTEST_ROUND_INTERVAL_MIN): keeps the wait short. */
const INTERVAL_MIN = 1;
/** How long the paused browser is watched, ms: two and a half round intervals, so at least two rounds would have been due. */
const WATCH_MS = 2.5 * INTERVAL_MIN * 60_000;
/** DNS goes to the lab's resolver on port 53; Chromium's own lookups (answered NXDOMAIN) are not probes. */
const DNS_PORT = 53;

async function probeTraffic(lab: BrowserLab): Promise<{ syns: number; bytesSent: number; requests: number }> {
  const traffic = await lab.checkTraffic();
  const probes = traffic.destinations.filter((port) => port.port !== DNS_PORT);
  return {
    syns: probes.reduce((sum, port) => sum + port.synPackets, 0),
    bytesSent: probes.reduce((sum, port) => sum + port.bytesSent, 0),
    requests: lab.node.requests().length,
  };
}

describe('pause', () => {
  let scenario: Scenario | undefined;
  const s = (): Scenario => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };

  beforeAll(async () => {
    scenario = await openScenario();
    const answer = await scenario.app.send('updateSettings', { update: { intervalMin: INTERVAL_MIN } });
    expect(answer.ok).toBe(true);
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });

  it('the install opened the welcome page', async () => {
    const urls = await s().app.browser.evaluate(async () => (await (globalThis as unknown as WithChrome).chrome.tabs.query({})).map((tab) => tab.url ?? ''), undefined);
    expect(urls.some((url) => url.endsWith('/welcome.html'))).toBe(true);
  });

  it('paused: no connection and no byte to any lab host over two round intervals; Check now and the speed test refused; the badge says paused', async () => {
    const { app, lab } = s();
    await app.send('pause', { choice: 'resume' });
    const before = await app.snapshot();
    expect(before.paused).toMatchObject({ until: null });
    // Idle keep-alive connections closed and counters zeroed: whatever is counted from here is new.
    await app.networkChanged();
    await lab.reset();

    expect(await app.send('runNow', {})).toEqual({ joined: false, paused: true });
    expect(await app.send('measureSpeed', { serviceId: 'youtube' })).toEqual({ ok: false, reason: 'paused' });
    const toolbar = await app.toolbar();
    expect(toolbar.badge).toBe(await localeMessage('toolbar_paused_badge'));
    expect(toolbar.title).toContain(await localeMessage('toolbar_paused_until_resumed'));

    await new Promise((done) => setTimeout(done, WATCH_MS));
    const traffic = await probeTraffic(lab);
    await recordFigure('connections (SYNs) to lab hosts while paused, 2.5 round intervals', traffic.syns, 'packets');
    expect(traffic).toEqual({ syns: 0, bytesSent: 0, requests: 0 });
    const after = await app.snapshot();
    expect(after.lastRoundAt).toBe(before.lastRoundAt);
    expect(after.paused).toMatchObject({ until: null });
    expect(app.notifications.shown.length + (await app.notifications.collect()).length).toBe(app.notifications.shown.length);
  });

  it('resume runs the next round at once and the badge no longer says paused', async () => {
    const { app, lab } = s();
    const resumedAt = Date.now();
    await app.send('resume', {});
    const snapshot = await app.snapshot();
    // `resume` answers once the round it started has been stored.
    expect(snapshot.lastRoundAt).toBeGreaterThanOrEqual(resumedAt);
    expect(snapshot.paused ?? null).toBeNull();
    await recordFigure('from resume to the round stored', Date.now() - resumedAt, 'ms');
    expect((await probeTraffic(lab)).syns).toBeGreaterThan(0);
    expect((await app.toolbar()).badge).not.toBe(await localeMessage('toolbar_paused_badge'));
  });
});
