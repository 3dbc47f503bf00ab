/**
 * The background's job over real rounds against the lab: schedule, confirmation, notifications
 * once per incident, badge state, a worker killed at the worst moments, a full disk.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StoreFullError } from '../../src/store/store-full-error';
import { latestRecords } from '../../src/store/queries';
import { createLab, type Lab } from '../lab/lab';
import { createHarness, states, type Harness } from './harness';
import { ALARM_OVERDUE_MS, WATCHDOG_PERIOD_MIN } from '../../src/runtime/monitor';
import { CONFIRMATION_SPACING_MS } from '../../src/defaults';

const MINUTE = 60_000;
let lab: Lab;

beforeAll(async () => {
  lab = await createLab();
});
afterEach(() => {
  lab.reset();
});
afterAll(async () => {
  await lab.close();
});

/** The confirmation rounds the schedule asks for, run as their alarms would fire. */
async function runConfirmations(h: Harness): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    const due = h.effects.alarms.get('confirm');
    if (due === null || due === undefined) return;
    h.clock.advance(Math.max(0, due - h.clock.now()));
    await h.monitor.onAlarm('confirm');
  }
}

/** A regular round as its alarm would fire, then the confirmations it asks for. */
async function regularRound(h: Harness): Promise<void> {
  h.clock.advance(5 * MINUTE);
  await h.monitor.onAlarm('round');
  await runConfirmations(h);
}

describe('a first install', () => {
  it('runs a full round at once, shows every service, and arms the next round an interval later', async () => {
    const h = await createHarness(lab);
    const before = h.clock.now();
    await h.monitor.start('install');
    const snapshot = h.effects.states.at(-1);
    expect(new Set(Object.values(states(snapshot)))).toEqual(new Set(['reachable']));
    expect(snapshot?.network.state).toBe('online');
    expect(snapshot?.blockedCount).toBe(0);
    const next = h.effects.alarms.get('round') ?? 0;
    // Five minutes, give or take 15 s of jitter.
    expect(next - before).toBeGreaterThanOrEqual(5 * MINUTE - 15_000);
    expect(next - before).toBeLessThan(5 * MINUTE + 15_000);
    expect(h.effects.alarms.get('confirm')).toBeNull();
    expect(h.effects.shown).toEqual([]);
  });
});

describe('a block that starts and ends', () => {
  it('is confirmed by two confirmation rounds and notified once when it starts and once when it ends', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');

    lab.service('whatsapp').dns('nxdomain');
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    // One bad round: still shown as reachable (confirmed), with the problem being confirmed; nobody
    // notified; a confirmation round due in 40 s (CONFIRMATION_SPACING_MS).
    const first = h.effects.states.at(-1);
    expect(first?.services.find((service) => service.id === 'whatsapp')).toMatchObject({ state: 'reachable', confirmed: true, pending: { state: 'blocked', how: 'dns' } });
    expect(h.effects.shown).toEqual([]);
    // 40 s after the round ended (the clock is real time plus an offset, so a little has passed since).
    const wait = (h.effects.alarms.get('confirm') ?? 0) - h.clock.now();
    expect(wait).toBeLessThanOrEqual(CONFIRMATION_SPACING_MS);
    expect(wait).toBeGreaterThan(CONFIRMATION_SPACING_MS - 10_000);

    await runConfirmations(h);
    const confirmed = h.effects.states.at(-1);
    expect(confirmed?.services.find((service) => service.id === 'whatsapp')).toMatchObject({ state: 'blocked', how: 'dns', confirmed: true });
    expect(confirmed?.blockedCount).toBe(1);
    expect(h.effects.shown).toHaveLength(1);
    expect(h.effects.shown[0]?.text).toEqual({
      title: 'WhatsApp is blocked',
      message: expect.stringMatching(/^WhatsApp is blocked on your network \(by DNS\) since \d\d:\d\d\.$/),
    });
    expect(h.effects.alarms.get('confirm')).toBeNull();

    // It goes on: more rounds, no more notifications.
    await regularRound(h);
    await regularRound(h);
    expect(h.effects.shown).toHaveLength(1);

    lab.reset();
    await regularRound(h);
    expect(h.effects.shown).toHaveLength(2);
    expect(h.effects.shown[1]?.text.title).toBe('WhatsApp works again');
    expect(h.effects.shown[1]?.text.message).toMatch(/^WhatsApp is reachable again after \d+ min\.$/);
    expect(states(h.effects.states.at(-1)).whatsapp).toBe('reachable');
    expect(h.effects.states.at(-1)?.blockedCount).toBe(0);

    // The incident is in the history, closed.
    const stored = await latestRecords(h.db);
    expect(stored.openIncidents).toEqual({});
  });

  it('a VPN switched on and off during the block: no "works again", no second "blocked", the incident stays open', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('whatsapp').dns('nxdomain');
    await regularRound(h);
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['WhatsApp is blocked']);
    const incident = (await latestRecords(h.db)).openIncidents.whatsapp;
    expect(incident).toMatchObject({ state: 'blocked', how: 'dns', end: null });

    // A full-tunnel VPN abroad: WhatsApp answers through it, the country control says NL.
    lab.reset();
    lab.exitCountry('NL');
    for (let i = 0; i < 4; i += 1) await regularRound(h);
    const through = h.effects.states.at(-1);
    expect(through?.path).toBe('proxy');
    expect(through?.exitCountry).toBe('NL');
    expect(through?.services.find((service) => service.id === 'whatsapp')).toMatchObject({ state: 'blocked', how: 'dns', confirmed: true });
    expect(through?.services.find((service) => service.id === 'whatsapp')?.pending).toBeUndefined();
    expect(through?.blockedCount).toBe(1);
    expect(h.effects.shown).toHaveLength(1);
    expect((await latestRecords(h.db)).openIncidents.whatsapp).toEqual(incident);

    // Off again, the block unchanged: nothing new.
    lab.exitCountry('RU');
    lab.service('whatsapp').dns('nxdomain');
    for (let i = 0; i < 3; i += 1) await regularRound(h);
    const after = h.effects.states.at(-1);
    expect(after?.path).toBe('direct');
    expect(after?.services.find((service) => service.id === 'whatsapp')).toMatchObject({ state: 'blocked', how: 'dns', confirmed: true });
    expect(h.effects.shown).toHaveLength(1);
    expect((await latestRecords(h.db)).openIncidents.whatsapp).toEqual(incident);
  });

  it('a flaky round never alarms', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('telegram').behave('blackhole');
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    lab.reset();
    await runConfirmations(h);
    await regularRound(h);
    expect(h.effects.shown).toEqual([]);
    expect(states(h.effects.states.at(-1)).telegram).toBe('reachable');
  });
});

describe('the network itself', () => {
  it('offline: every service shows offline, no notification, no confirmation rounds', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.everything().behave('blackhole');
    await regularRound(h);
    await regularRound(h);
    expect(new Set(Object.values(states(h.effects.states.at(-1))))).toEqual(new Set(['offline']));
    expect(h.effects.shown).toEqual([]);
    expect(h.effects.alarms.get('confirm')).toBeNull();
  });

  it('allowlist mode: restricted once confirmed, one notification in and one out', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.everything().behave('blackhole');
    lab.controls('RU').behave('ok');
    await regularRound(h);
    expect(new Set(Object.values(states(h.effects.states.at(-1))))).toEqual(new Set(['restricted']));
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['Only domestic sites work']);
    lab.reset();
    await regularRound(h);
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['Only domestic sites work', 'Foreign sites work again']);
  });
});

describe('one round at a time', () => {
  it('a confirmation alarm that fires while another round runs waits for it, and the schedule goes on', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('viber').dns('nxdomain');
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    const due = h.effects.alarms.get('confirm') ?? 0;
    h.clock.advance(due - h.clock.now());
    // "Check now" is running when the confirmation alarm fires: that round is a second sample, so
    // the alarm's own round is re-armed CONFIRMATION_SPACING_MS after it rather than run at once.
    const manual = h.monitor.runNow();
    await h.monitor.onAlarm('confirm');
    await manual;
    expect(h.effects.shown).toEqual([]);
    expect((h.effects.alarms.get('confirm') ?? 0) - h.clock.now()).toBeGreaterThan(CONFIRMATION_SPACING_MS - 10_000);
    await runConfirmations(h);
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['Viber is blocked']);
  });

  it('a slowdown that Check now found stays suspected through a regular round that comes first, and is confirmed', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('youtube').behave('throttle');
    await h.monitor.runNow();
    expect(h.effects.states.at(-1)?.services.find((service) => service.id === 'youtube')).toMatchObject({ state: 'slow', confirmed: false });
    // The regular round fires before the confirmation's alarm (a lost alarm, a short interval).
    h.clock.advance((h.effects.alarms.get('confirm') ?? 0) - h.clock.now());
    h.effects.alarms.delete('confirm');
    await h.monitor.onAlarm('round');
    expect(h.effects.alarms.get('confirm') ?? null).not.toBeNull();
    await runConfirmations(h);
    expect(h.effects.states.at(-1)?.services.find((service) => service.id === 'youtube')).toMatchObject({ state: 'slow', confirmed: true });
  });

  it('"Check now" during a scheduled round joins it instead of starting another', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    h.clock.advance(5 * MINUTE);
    const scheduled = h.monitor.onAlarm('round');
    const manual = await h.monitor.runNow();
    await scheduled;
    expect(manual).toEqual({ joined: true });
    const again = await h.monitor.runNow();
    expect(again).toEqual({ joined: false });
  });
});

describe('a worker killed at the worst moments', () => {
  it('killed while showing the notification: the next worker shows it, once', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('signal').behave('reset-after-hello');
    h.effects.hangNotify = true;
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    // The third round confirms; its notify() never returns: the worker dies there.
    const due = h.effects.alarms.get('confirm') ?? 0;
    h.clock.advance(due - h.clock.now());
    await h.monitor.onAlarm('confirm');
    h.clock.advance(60_000);
    void h.monitor.onAlarm('confirm');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(h.effects.shown).toEqual([]);

    const next = h.restart();
    await next.monitor.start('wake');
    expect(next.effects.shown.map((shown) => shown.text.title)).toEqual(['Signal is blocked']);
    // And a third worker shows nothing again.
    const third = next.restart();
    await third.monitor.start('wake');
    expect(third.effects.shown).toEqual([]);
    expect(states(await third.monitor.snapshot()).signal).toBe('blocked:reset');
  });

  it('killed mid-confirmation: the next worker resumes the schedule and confirms with one notification', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    lab.service('discord').behave('refuse');
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    const due = h.effects.alarms.get('confirm') ?? 0;

    // A new worker: nothing in memory, the pending confirmation is in storage.
    const next = h.restart();
    await next.monitor.start('wake');
    expect(next.effects.alarms.get('confirm')).toBe(due);
    await runConfirmations(next);
    expect(next.effects.shown.map((shown) => shown.text.title)).toEqual(['Discord is blocked']);
    expect(h.effects.shown).toEqual([]);
  });
});

describe('a full disk', () => {
  it('drops the round with a logged reason, keeps running, and keeps the old data', async () => {
    let full = false;
    const h = await createHarness(lab, {
      history: (db) => {
        const port = idbPort(db);
        return {
          ...port,
          saveRound: (round, state) => (full ? Promise.reject(new StoreFullError(`round ${round.verdict.roundStart}`)) : port.saveRound(round, state)),
        };
      },
    });
    await h.monitor.start('install');
    const before = await latestRecords(h.db);
    full = true;
    lab.service('whatsapp').dns('nxdomain');
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    expect(h.effects.logs.some((line) => /dropped: The history database is full/.test(line))).toBe(true);
    expect(await latestRecords(h.db)).toEqual(before);
    // Still scheduling, and working again once there is room.
    expect(h.effects.alarms.get('round')).toBeGreaterThan(h.clock.now());
    full = false;
    await regularRound(h);
    expect((await latestRecords(h.db)).lastRound?.roundStart).toBeGreaterThan(before.lastRound?.roundStart ?? 0);
  });
});

describe('notification settings', () => {
  it('the global switch off: nothing shown, state still confirmed', async () => {
    const h = await createHarness(lab, { settings: { notifications: { enabled: false, muted: [], alsoPartialAndSlow: false } } });
    await h.monitor.start('install');
    lab.service('whatsapp').dns('nxdomain');
    await regularRound(h);
    expect(h.effects.shown).toEqual([]);
    expect(states(h.effects.states.at(-1)).whatsapp).toBe('blocked:dns');
  });

  it('a muted service is not notified, others are', async () => {
    const h = await createHarness(lab, { settings: { notifications: { enabled: true, muted: ['whatsapp'], alsoPartialAndSlow: false } } });
    await h.monitor.start('install');
    lab.service('whatsapp').dns('nxdomain');
    lab.service('viber').dns('nxdomain');
    await regularRound(h);
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['Viber is blocked']);
  });
});

import { idbHistoryPort as idbPort } from '../../src/runtime/idb-history-port';

/** A regular round that finds the service's names gone (NXDOMAIN): a block now being confirmed. */
async function oneBadRound(h: Harness, serviceId: string): Promise<void> {
  lab.service(serviceId).dns('nxdomain');
  h.clock.advance(5 * MINUTE);
  await h.monitor.onAlarm('round');
}

/** A harness whose round writes fail while `failing.on` is set: the database connection closing under the worker. */
async function harnessWithFailingSaves(): Promise<{ h: Harness; failing: { on: boolean } }> {
  const failing = { on: false };
  const h = await createHarness(lab, {
    history: (db) => {
      const port = idbPort(db);
      return { ...port, saveRound: (round, state) => (failing.on ? Promise.reject(new Error('UnknownError: the database connection is closing')) : port.saveRound(round, state)) };
    },
  });
  return { h, failing };
}

describe('monitoring never silently stops', () => {
  it('a round whose database write fails (not a full disk) still arms the next round, which runs and is stored', async () => {
    const { h, failing } = await harnessWithFailingSaves();
    await h.monitor.start('install');
    const before = await latestRecords(h.db);
    failing.on = true;
    h.clock.advance(5 * MINUTE);
    await expect(h.monitor.onAlarm('round')).rejects.toThrow('connection is closing');
    const next = h.effects.alarms.get('round') ?? null;
    expect(next).not.toBeNull();
    expect(next ?? 0).toBeGreaterThan(h.clock.now());
    expect(h.effects.logs.some((line) => /round failed: .*connection is closing/.test(line))).toBe(true);
    failing.on = false;
    h.clock.advance((next ?? 0) - h.clock.now());
    await h.monitor.onAlarm('round');
    expect((await latestRecords(h.db)).lastRound?.roundStart).toBeGreaterThan(before.lastRound?.roundStart ?? 0);
  });

  it('a round that cannot even read its state arms the next round an interval later', async () => {
    let broken = false;
    const h = await createHarness(lab, {
      history: (db) => {
        const port = idbPort(db);
        return { ...port, loadRuntime: () => (broken ? Promise.reject(new Error('InvalidStateError: database deleted')) : port.loadRuntime()) };
      },
    });
    await h.monitor.start('install');
    broken = true;
    h.clock.advance(5 * MINUTE);
    h.effects.alarms.delete('round');
    const failedAt = h.clock.now();
    await expect(h.monitor.onAlarm('round')).rejects.toThrow('database deleted');
    // An interval after the failure (the clock runs on while the round fails).
    expect(h.effects.alarms.get('round') ?? 0).toBeGreaterThanOrEqual(failedAt + 5 * MINUTE);
    expect(h.effects.alarms.get('round') ?? 0).toBeLessThanOrEqual(h.clock.now() + 5 * MINUTE);
    broken = false;
    const rounds = (await latestRecords(h.db)).lastRound?.roundStart ?? 0;
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round');
    expect((await latestRecords(h.db)).lastRound?.roundStart).toBeGreaterThan(rounds);
  });

  it('a transport that throws on every request: the round ends, the next one is armed and runs', async () => {
    let throwing = false;
    const h = await createHarness(lab, {
      transport: (base) => ({
        ...base,
        fetch: (url, request) => {
          if (throwing) throw new Error('transport broken');
          return base.fetch(url, request);
        },
        detail: (key) => base.detail(key),
        forget: (key) => base.forget(key),
      }),
    });
    await h.monitor.start('install');
    throwing = true;
    h.clock.advance(5 * MINUTE);
    await h.monitor.onAlarm('round').catch(() => undefined);
    expect(h.effects.alarms.get('round') ?? 0).toBeGreaterThan(h.clock.now());
    throwing = false;
    const rounds = (await latestRecords(h.db)).lastRound?.roundStart ?? 0;
    h.clock.advance((h.effects.alarms.get('round') ?? 0) - h.clock.now());
    await h.monitor.onAlarm('round');
    expect((await latestRecords(h.db)).lastRound?.roundStart).toBeGreaterThan(rounds);
  });

  it('a confirmation round whose database write fails arms the confirmation again, which runs and confirms', async () => {
    const { h, failing } = await harnessWithFailingSaves();
    await h.monitor.start('install');
    await oneBadRound(h, 'whatsapp');
    const due = h.effects.alarms.get('confirm') ?? 0;
    expect(due).toBeGreaterThan(h.clock.now());
    // The browser fires the alarm (a one-shot alarm is gone once fired) and the round's write fails.
    h.clock.advance(due - h.clock.now());
    h.effects.alarms.delete('confirm');
    failing.on = true;
    await expect(h.monitor.onAlarm('confirm')).rejects.toThrow('connection is closing');
    const again = h.effects.alarms.get('confirm') ?? null;
    expect(again).not.toBeNull();
    // Spaced like a confirmation, and long before the next regular round.
    expect((again ?? 0) - h.clock.now()).toBeGreaterThanOrEqual(CONFIRMATION_SPACING_MS - 1_000);
    expect(again ?? 0).toBeLessThan(h.effects.alarms.get('round') ?? 0);
    expect(h.effects.logs.some((line) => line.startsWith('confirmation alarm missing after a failed round'))).toBe(true);
    failing.on = false;
    await runConfirmations(h);
    expect(states(h.effects.states.at(-1)).whatsapp).toBe('blocked:dns');
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['WhatsApp is blocked']);
  });

  it('the watchdog re-arms an owed confirmation whose alarm is gone, and clears one nothing is owed to', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    await oneBadRound(h, 'viber');
    h.effects.alarms.delete('confirm');
    await h.monitor.onAlarm('watchdog');
    expect(h.effects.alarms.get('confirm') ?? 0).toBeGreaterThan(h.clock.now());
    await runConfirmations(h);
    expect(h.effects.shown.map((shown) => shown.text.title)).toEqual(['Viber is blocked']);
    expect(h.effects.alarms.get('confirm') ?? null).toBeNull();

    // Nothing owed: an alarm left long overdue (a browser that never fired it) is cleared, not run.
    h.effects.alarms.set('confirm', h.clock.now() - ALARM_OVERDUE_MS - MINUTE);
    await h.monitor.onAlarm('watchdog');
    expect(h.effects.alarms.get('confirm') ?? null).toBeNull();
  });

  it('the watchdog is armed first on every start, even when the database fails', async () => {
    const h = await createHarness(lab, {
      history: (db) => ({ ...idbPort(db), loadRuntime: () => Promise.reject(new Error('database gone')) }),
    });
    await expect(h.monitor.start('wake')).rejects.toThrow('database gone');
    expect(h.effects.repeating.get('watchdog')).toBe(WATCHDOG_PERIOD_MIN);
  });

  it('the watchdog re-arms a missing round alarm (from the schedule) and an overdue one (now), and leaves a good one alone', async () => {
    const h = await createHarness(lab);
    await h.monitor.start('install');
    const armed = h.effects.alarms.get('round') ?? 0;
    await h.monitor.onAlarm('watchdog');
    expect(h.effects.alarms.get('round')).toBe(armed);

    h.effects.alarms.delete('round');
    await h.monitor.onAlarm('watchdog');
    expect(h.effects.alarms.get('round')).toBe(armed);

    h.clock.advance(armed - h.clock.now() + ALARM_OVERDUE_MS + MINUTE);
    const overdueAt = h.clock.now();
    await h.monitor.onAlarm('watchdog');
    expect(h.effects.alarms.get('round') ?? 0).toBeGreaterThanOrEqual(overdueAt);
    expect(h.effects.alarms.get('round') ?? 0).toBeLessThanOrEqual(h.clock.now());
    expect(h.effects.logs.filter((line) => line.startsWith('watchdog:'))).toHaveLength(2);
  });
});
