/**
 * Time to `slow`: a throttle (YouTube bodies paced to 128 kbit/s, headers fast, as in Russia 2024)
 * starts at a random moment; how long until the popup shows YouTube slow (unconfirmed) and until
 * it is confirmed? (1) Left alone: the real monitor at the defaults (country RU, where YouTube has
 * a throttling history, so it is sampled at least every 2 h) on a virtual clock against the Node
 * lab. (2) After one "Check now": the wall time of that one round, and the virtual time until the
 * confirmation rounds it triggers confirm it.
 */
import type { Snapshot } from '../../src/snapshot/snapshot';
import { createLab, type Lab } from '../../tests/lab/lab';
import { virtualMonitor, type VirtualMonitor } from './virtual-monitor';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SpeedReport {
  readonly unattended: { readonly trials: number; readonly shownMedianMs: number; readonly shownWorstMs: number; readonly confirmedMedianMs: number; readonly confirmedWorstMs: number };
  readonly checkNow: { readonly roundWallMs: number; readonly shownAfterOneClick: boolean; readonly confirmedAfterMs: number };
}

const youtube = (snapshot: Snapshot) => snapshot.services.find((service) => service.id === 'youtube');

/** Steps the monitor until YouTube reads slow (confirmed when asked), or `limit` of virtual time passes; the virtual time then, or NaN. */
async function untilSlow(run: VirtualMonitor, confirmed: boolean, limit: number): Promise<number> {
  const end = run.now() + limit;
  for (;;) {
    const row = youtube(await run.monitor.snapshot());
    if (row?.state === 'slow' && (!confirmed || row.confirmed)) return run.now();
    if (run.nextAlarm() > end) return NaN;
    await run.step();
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function unattendedTrial(lab: Lab, trial: number): Promise<{ shown: number; confirmed: number }> {
  lab.reset();
  const start = Date.UTC(2026, 1, 12, 9, 0) + trial * 86_400_000;
  const run = await virtualMonitor(lab, start);
  await run.monitor.start('install');
  // The install round sampled every service; the throttle starts somewhere in the next 2 h.
  const throttleAt = start + Math.random() * 2 * HOUR;
  while (run.nextAlarm() < throttleAt) await run.step();
  lab.service('youtube').behave('throttle');
  const shownAt = await untilSlow(run, false, 4 * HOUR);
  const confirmedAt = await untilSlow(run, true, 4 * HOUR);
  return { shown: shownAt - throttleAt, confirmed: confirmedAt - throttleAt };
}

export async function benchSpeed(trials = 4): Promise<SpeedReport> {
  const lab = await createLab();
  try {
    const shown: number[] = [];
    const confirmed: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const result = await unattendedTrial(lab, trial);
      shown.push(result.shown);
      confirmed.push(result.confirmed);
    }

    lab.reset();
    const start = Date.UTC(2026, 1, 12, 9, 0);
    const run = await virtualMonitor(lab, start);
    await run.monitor.start('install');
    lab.service('youtube').behave('throttle');
    const clickedAt = run.now();
    const wallStart = performance.now();
    await run.monitor.runNow();
    const roundWallMs = performance.now() - wallStart;
    const shownAfterOneClick = youtube(await run.monitor.snapshot())?.state === 'slow';
    const confirmedAt = await untilSlow(run, true, HOUR);
    return {
      unattended: {
        trials,
        shownMedianMs: median(shown),
        shownWorstMs: Math.max(...shown),
        confirmedMedianMs: median(confirmed),
        confirmedWorstMs: Math.max(...confirmed),
      },
      checkNow: { roundWallMs, shownAfterOneClick, confirmedAfterMs: confirmedAt - clickedAt },
    };
  } finally {
    await lab.close();
  }
}
