/**
 * Detection latency at the default settings: a block starts at a random moment; how long until
 * the "blocked" notification? The real monitor (schedule with jitter, confirmation rounds, 3 of 4)
 * on a virtual clock against the Node lab. A browser adds up to ~60 s on top for a DNS block
 * (Chromium caches answers about a minute whatever their TTL) and for blocks that a kept-alive
 * connection hides; the figures here are the engine's own.
 */
import { createLab } from '../../tests/lab/lab';
import { virtualMonitor } from './virtual-monitor';

export interface DetectionReport {
  readonly trials: number;
  readonly medianMs: number;
  readonly worstMs: number;
  readonly bestMs: number;
  readonly falseAlarms: number;
}

const MINUTE = 60_000;

export async function benchDetection(trials = 12): Promise<DetectionReport> {
  const lab = await createLab();
  const latencies: number[] = [];
  let falseAlarms = 0;
  try {
    for (let trial = 0; trial < trials; trial += 1) {
      lab.reset();
      const start = Date.UTC(2026, 1, 12, 9, 0) + trial * 86_400_000;
      const run = await virtualMonitor(lab, start);
      await run.monitor.start('install');
      // Warm up a few scheduled rounds, then start the block at a random moment.
      while (run.now() < start + 20 * MINUTE) await run.step();
      const blockAt = run.now() + Math.random() * 5 * MINUTE;
      if (run.shown.length > 0) falseAlarms += run.shown.length;
      let blocked = false;
      while (run.shown.length === 0 && run.now() < blockAt + 60 * MINUTE) {
        const before = run.now();
        // Apply the block when virtual time passes its start (before the alarm that follows it).
        const peek = run.nextAlarm();
        if (!blocked && peek >= blockAt) {
          lab.service('whatsapp').dns('nxdomain');
          blocked = true;
        }
        await run.step();
        if (run.now() < before) throw new Error('virtual time went backwards');
      }
      const notified = run.shown[0];
      if (notified) latencies.push(notified.at - blockAt);
    }
  } finally {
    await lab.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    trials: sorted.length,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN,
    worstMs: sorted.at(-1) ?? NaN,
    bestMs: sorted[0] ?? NaN,
    falseAlarms,
  };
}

