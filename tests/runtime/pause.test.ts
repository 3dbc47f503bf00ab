/**
 * Pause in the background's job, against the lab: paused, nothing reaches the network whatever
 * asks for a round (alarms, "Check now", a speed test, a start-up, a new worker), and no
 * notification is shown; the pause survives a worker restart; a timed pause ends on its alarm,
 * and resuming runs a round at once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAUSE_LENGTH_MS } from '../../src/settings/pause';
import { createLab, type Lab } from '../lab/lab';
import { createHarness, type Harness } from './harness';

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

/** Connections the lab saw (attempts count even when a handshake fails). */
const wire = (): number => lab.attempts().length + lab.connections();

async function installed(): Promise<Harness> {
  const h = await createHarness(lab, { settings: { intervalMin: 1 } });
  await h.monitor.start('install');
  lab.reset();
  return h;
}

describe('pause', () => {
  it('until resumed: no alarm, Check now, speed test, start-up or new worker puts anything on the wire', async () => {
    const h = await installed();
    await h.monitor.pause('resume');
    expect(h.effects.alarms.get('round')).toBeNull();
    expect(h.effects.alarms.get('confirm')).toBeNull();
    expect(h.effects.alarms.get('resume')).toBeNull();
    expect(h.effects.states.at(-1)?.paused).toMatchObject({ until: null });

    for (let round = 0; round < 3; round += 1) {
      h.clock.advance(MINUTE);
      await h.monitor.onAlarm('round');
      await h.monitor.onAlarm('confirm');
    }
    expect(await h.monitor.runNow()).toEqual({ joined: false, paused: true });
    expect(await h.monitor.measureSpeed('youtube')).toEqual({ ok: false, reason: 'paused' });
    await h.monitor.start('startup');
    await h.monitor.start('wake');
    const worker = h.restart();
    await worker.monitor.start('wake');
    await worker.monitor.onAlarm('round');
    expect(await worker.monitor.runNow()).toEqual({ joined: false, paused: true });

    expect(wire()).toBe(0);
    expect(h.effects.shown).toEqual([]);
    expect(worker.effects.alarms.get('round')).toBeNull();
  });

  it('resume runs a round at once and re-arms the schedule', async () => {
    const h = await installed();
    await h.monitor.pause('resume');
    const before = (await h.monitor.snapshot()).lastRoundAt;
    await h.monitor.resume();
    expect(wire()).toBeGreaterThan(0);
    const snapshot = await h.monitor.snapshot();
    expect(snapshot.paused).toBeNull();
    expect(snapshot.lastRoundAt).toBeGreaterThan(before ?? 0);
    expect(h.effects.alarms.get('round')).toBeGreaterThan(h.clock.now());
  });

  it('for 1 h: its alarm is armed for then; firing early changes nothing; at the time, checks resume with a round', async () => {
    const h = await installed();
    const pausedAt = h.clock.now();
    await h.monitor.pause('1h');
    const until = h.effects.alarms.get('resume');
    expect(until).toBeGreaterThanOrEqual(pausedAt + PAUSE_LENGTH_MS['1h']);

    h.clock.advance(30 * MINUTE);
    await h.monitor.onAlarm('resume');
    expect(wire()).toBe(0);
    expect(h.effects.alarms.get('resume')).toBe(until);

    h.clock.advance(31 * MINUTE);
    await h.monitor.onAlarm('resume');
    expect(wire()).toBeGreaterThan(0);
    expect((await h.monitor.snapshot()).paused).toBeNull();
    expect(h.effects.alarms.get('resume')).toBeNull();
    expect(h.effects.alarms.get('round')).toBeGreaterThan(h.clock.now());
  });

  it('a timed pause that ran out while the browser was closed does not hold checks back', async () => {
    const h = await installed();
    await h.monitor.pause('1h');
    h.clock.advance(2 * 60 * MINUTE);
    const worker = h.restart();
    expect((await worker.monitor.snapshot()).paused).toBeNull();
    await worker.monitor.start('startup');
    expect(wire()).toBeGreaterThan(0);
  });

  it('a pause pressed while a round runs: that round arms nothing and shows no notification; they come after resuming', async () => {
    const h = await installed();
    lab.service('whatsapp').dns('nxdomain');
    await h.monitor.runNow();
    await h.monitor.runNow();
    const third = h.monitor.runNow();
    await h.monitor.pause('resume');
    await third;
    expect(h.effects.shown).toEqual([]);
    expect(h.effects.alarms.get('round')).toBeNull();
    expect(h.effects.alarms.get('confirm')).toBeNull();
    // What the paused round decided waits in the outbox (on a quiet machine: WhatsApp blocked, confirmed on its third round)…
    const held = (await h.history.loadRuntime()).outbox.map((notification) => notification.id);
    await h.monitor.resume();
    // …and is shown once checks resume.
    expect(h.effects.shown.map((shown) => shown.id)).toEqual(expect.arrayContaining(held));
  });
});

