/**
 * Blockpages, three ways a filter shows one:
 *
 * 1. Injected into plain HTTP: Telegram's data centres (plain-HTTP POSTs to their IPs) are
 *    answered with the operator's blockpage, and Telegram's names do not resolve. A blockpage is
 *    a fingerprint match, so one round confirms `blocked` by `blockpage` and notifies at once.
 * 2. A redirect to the operator's blockpage host (302 to warning.rt.ru, Rostelecom's): Telegram's
 *    data centres are redirected, its web and link hosts work. One round should confirm `partial`
 *    by `blockpage`. Known product bug: the extension has no host permission for the blockpage
 *    host, so Chromium's fetch fails on the redirect (`TypeError`, no webRequest detail) and the
 *    probe records `error`, read as `connect`: the blockpage is never recognised.
 * 3. A DNS lie: every Signal name resolves to 10.10.34.34 (a blockpage server; Iran's address,
 *    which the catalogue lists as bogus). Its https endpoints fail on the certificate (Chromium
 *    names no address with a certificate error, so this reads as interception, `tls`); its
 *    plain-HTTP endpoint (a HEAD) gets an answer from the blockpage server, at a bogus address.
 *    Signal is unusable, so it should be `blocked`. Known product bug: an answer from a bogus
 *    address counts as the service answering, so the web component is up and Signal shows only
 *    `partial`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/catalogue';
import { serviceAddresses } from '../../lab/catalogue-hosts';
import { openPopup } from '../harness/extension-pages';
import { closeScenario, expectService, lastRoundEvidence, localeMessage, networkBecomes, openScenario, serviceIn, snapshotStates, statesOf, type Scenario } from '../harness/scenario';

/** Telegram's data centres as the catalogue probes them (plain HTTP on port 443 of each IP), every one of them. */
const TELEGRAM_DCS = serviceAddresses(CATALOGUE, 'telegram');

function scenarioHooks(setUp: (scenario: Scenario) => Promise<void>): () => Scenario {
  let scenario: Scenario | undefined;
  beforeAll(async () => {
    scenario = await openScenario();
    await setUp(scenario);
  });
  afterAll(async () => {
    await closeScenario(scenario);
  });
  return () => {
    if (!scenario) throw new Error('the scenario did not start');
    return scenario;
  };
}

describe('a blockpage injected into Telegram\'s plain-HTTP answers, its names unresolvable', () => {
  const s = scenarioHooks((scenario) =>
    networkBecomes(scenario, async (lab) => {
      for (const dc of TELEGRAM_DCS) await lab.address(dc).blockpage();
      await lab.service('telegram').dns().nxdomain();
    }),
  );

  it('one round confirms blocked by blockpage', async () => {
    const snapshot = await s().app.checkNow();
    await expectService(s().app, snapshot, 'telegram', { state: 'blocked', how: 'blockpage', confirmed: true }, 'after one round');
    expect(snapshotStates(snapshot)).toEqual(statesOf('reachable', { telegram: 'blocked' }));
  });

  it('the popup, the badge and one notification say so at once', async () => {
    const popup = await openPopup(s().app);
    expect(await popup.states()).toEqual(statesOf('reachable', { telegram: 'blocked' }));
    await popup.close();
    const toolbar = await s().app.toolbar();
    expect(toolbar.badge).toBe('1');
    expect(toolbar.title).toBe(`${await localeMessage('extName')}: Telegram — ${await localeMessage('state_blocked')}`);
    expect((await s().app.notifications.collect()).map(({ subject, kind }) => ({ subject, kind }))).toEqual([{ subject: 'telegram', kind: 'blocked' }]);
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});

describe("Telegram's data centres redirected to the operator's blockpage host", () => {
  const s = scenarioHooks((scenario) =>
    networkBecomes(scenario, async (lab) => {
      for (const dc of TELEGRAM_DCS) await lab.address(dc).redirectToBlockpage();
    }),
  );

  it('one round: Telegram\'s web and link hosts answer, its chat component does not; other services are untouched', async () => {
    const snapshot = await s().app.checkNow();
    const telegram = serviceIn(snapshot, 'telegram');
    expect(Object.fromEntries(telegram.components.map((component) => [component.id, component.ok]))).toEqual({ web: true, links: true, chat: false });
    expect(snapshotStates(snapshot)).toMatchObject(statesOf('reachable', { telegram: snapshotStates(snapshot).telegram ?? '' }));
    // The redirect did reach the blockpage host: the filter's answer was there to be read.
    expect(s().lab.node.requests(s().lab.node.blockpage.redirectHost).length).toBeGreaterThan(0);
  });

  it('…and the redirect is recognised as a blockpage: partial by blockpage, confirmed at once', async () => {
    await expectService(s().app, await s().app.snapshot(), 'telegram', { state: 'partial', how: 'blockpage', confirmed: true }, 'after one round');
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});

describe('a DNS lie: every Signal name resolves to the blockpage server 10.10.34.34', () => {
  const s = scenarioHooks((scenario) => networkBecomes(scenario, (lab) => lab.service('signal').dns().bogus()));

  it('three rounds: its https endpoints fail on the certificate (chat and media down)', async () => {
    for (let round = 1; round <= 3; round += 1) await s().app.checkNow();
    const signal = serviceIn(await s().app.snapshot(), 'signal');
    const byId = Object.fromEntries(signal.components.map((component) => [component.id, component]));
    const evidence = await lastRoundEvidence(s().app, 'signal');
    // Chromium gives no address with a certificate error, so the lie cannot be told from interception: dns or tls.
    expect(byId.chat?.ok, evidence).toBe(false);
    expect(['dns', 'tls'], evidence).toContain(byId.chat?.how);
    expect(byId.media?.ok, evidence).toBe(false);
    expect(['dns', 'tls'], evidence).toContain(byId.media?.how);
  });

  it('…and Signal, unusable, is blocked, not partial', async () => {
    const snapshot = await s().app.snapshot();
    await expectService(s().app, snapshot, 'signal', { state: 'blocked', confirmed: true }, 'after three rounds');
    expect(['dns', 'blockpage']).toContain(serviceIn(snapshot, 'signal').how);
  });

  it('nothing left the lab', async () => {
    expect((await s().lab.checkTraffic()).clean).toBe(true);
  });
});
