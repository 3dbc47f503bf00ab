/**
 * Runs `browser-unattended.ts` trials, several at once, each in its own network namespace (a
 * trial mostly waits on the extension's alarms, so running them side by side costs little but
 * saves most of the wall time), and sums them up.
 */
import { spawn } from 'node:child_process';
import type { UnattendedTrial } from './browser-unattended';

export interface UnattendedFigures {
  /** Trials that ended with a notification. */
  readonly trials: number;
  readonly medianMs: number;
  readonly worstMs: number;
  readonly samplesMs: readonly number[];
  /** Trials that failed to run or saw no notification within the trial's deadline. */
  readonly failed: number;
  readonly runs: readonly UnattendedTrial[];
}

function oneTrial(): Promise<UnattendedTrial | null> {
  return new Promise((resolve) => {
    const child = spawn(
      'node',
      ['--import', 'tsx', 'tests/lab/netns/run-in-namespace.ts', '--', 'node', '--import', 'tsx', 'scripts/bench/browser-unattended.ts'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => {
      const line = out.trim().split('\n').reverse().find((entry) => entry.startsWith('{'));
      if (code !== 0 || !line) {
        process.stderr.write(`unattended trial failed (exit ${code}):\n${err.slice(-1500)}\n`);
        resolve(null);
        return;
      }
      resolve(JSON.parse(line) as UnattendedTrial);
    });
  });
}

export async function benchUnattended(trials = 5): Promise<UnattendedFigures> {
  const runs = (await Promise.all(Array.from({ length: trials }, oneTrial))).filter((run): run is UnattendedTrial => run !== null);
  const samples = runs.map((run) => run.latencyMs).filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  return {
    trials: samples.length,
    medianMs: samples.length === 0 ? NaN : samples.length % 2 === 1 ? samples[(samples.length - 1) / 2]! : (samples[samples.length / 2 - 1]! + samples[samples.length / 2]!) / 2,
    worstMs: samples.at(-1) ?? NaN,
    samplesMs: samples,
    failed: trials - samples.length,
    runs,
  };
}

/** `node --import tsx scripts/bench/unattended.ts [trials]`: the unattended figures alone, as JSON. */
if (process.argv[1]?.endsWith('/unattended.ts')) {
  const figures = await benchUnattended(Number(process.argv[2] ?? 5));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
