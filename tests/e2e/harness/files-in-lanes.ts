/**
 * Runs scenario files in N lanes side by side and sums their count lines. Each lane is one command
 * for a batch of files (in practice the runner itself with those files, which puts them in a
 * fresh lab namespace and runs them one after another in one vitest run): starting a runner, a
 * namespace and vitest costs ~5 s and ~7 CPU-seconds, paid once per lane instead of once per file.
 * A scenario waits on the product's alarms and timers for part of its time, and those waits
 * overlap; the rest is CPU (a browser's round is dozens of TLS handshakes on both sides), so on 2
 * cores a file takes two to three times longer beside others than alone. Each batch's output is
 * printed whole when it ends, never interleaved with another's.
 */
import { spawn } from 'node:child_process';

export interface BatchRun {
  readonly files: readonly string[];
  readonly passed: number;
  readonly failed: number;
  readonly seconds: number;
}

export interface LaneOptions {
  /** The files that keep a CPU busy. */
  readonly files: readonly string[];
  /** How many lanes, each one batch of `files`, run at once. */
  readonly lanes: number;
  /** A file's wall time alone, s: only to balance the batches, so the lanes end together. */
  readonly secondsOf: (file: string) => number;
  /**
   * Files that spend nearly all their time waiting on the product's alarms (a pause over two
   * intervals, confirmation rounds that come by themselves): each runs at once beside the lanes,
   * alone in a batch of its own, so its waits never hold back the CPU-bound files.
   */
  readonly waiting?: readonly string[];
  /** The command that runs a batch of files, one after another. */
  readonly commandFor: (files: readonly string[]) => readonly string[];
  /** Extra environment for each batch's command. */
  readonly env?: NodeJS.ProcessEnv;
  /** The count line each batch's run ends with, and the whole run's: `<title>: N passed, M failed`. */
  readonly title: string;
}

/** `files` in at most `lanes` batches of about equal time: longest first, each into the batch with the least so far. */
export function batchesOf(files: readonly string[], lanes: number, secondsOf: (file: string) => number): string[][] {
  const batches = Array.from({ length: Math.min(lanes, files.length) }, () => ({ files: [] as string[], seconds: 0 }));
  const longestFirst = [...files].sort((a, b) => secondsOf(b) - secondsOf(a) || a.localeCompare(b));
  for (const file of longestFirst) {
    const least = batches.reduce((best, batch) => (batch.seconds < best.seconds ? batch : best));
    least.files.push(file);
    least.seconds += secondsOf(file);
  }
  return batches.map((batch) => batch.files);
}

function runBatch(options: LaneOptions, files: readonly string[]): Promise<BatchRun & { output: string }> {
  const started = Date.now();
  const countLine = new RegExp(`${options.title}: (\\d+) passed, (\\d+) failed`, 'g');
  const [command, ...args] = options.commandFor(files);
  return new Promise((resolve) => {
    const child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env, FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const finish = (code: number | null) => {
      const match = [...output.matchAll(countLine)].at(-1);
      const passed = match ? Number(match[1]) : 0;
      // No count line, or a run that died after a clean one, is a failure of its own.
      const failed = match ? Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0) : 1;
      resolve({ files, passed, failed, seconds: Math.round((Date.now() - started) / 1000), output });
    };
    child.once('error', (error) => {
      output += `\n${error.message}\n`;
      finish(1);
    });
    child.once('close', finish);
  });
}

const shortName = (file: string) => file.split('/').at(-1)?.replace(/\.test\.ts$/, '') ?? file;

/** Runs every file, prints each batch's output, a table and the summed count line; 0 when all passed. */
export async function runFilesInLanes(options: LaneOptions): Promise<number> {
  const batches = [...(options.waiting ?? []).map((file) => [file]), ...batchesOf(options.files, options.lanes, options.secondsOf)];
  const runs: BatchRun[] = [];
  await Promise.all(
    batches.map(async (files) => {
      const run = await runBatch(options, files);
      process.stdout.write(`\n----- ${files.map(shortName).join(', ')} (${run.seconds} s, ${runs.length + 1}/${batches.length}) -----\n${run.output}`);
      runs.push(run);
    }),
  );
  const passed = runs.reduce((sum, run) => sum + run.passed, 0);
  const failed = runs.reduce((sum, run) => sum + run.failed, 0);
  process.stdout.write('\n| scenario files | passed | failed | time |\n|---|---:|---:|---:|\n');
  for (const run of runs) process.stdout.write(`| ${run.files.map(shortName).join(', ')} | ${run.passed} | ${run.failed} | ${run.seconds} s |\n`);
  const files = options.files.length + (options.waiting?.length ?? 0);
  const waiting = options.waiting?.length ?? 0;
  process.stdout.write(
    `\n${options.title}: ${passed} passed, ${failed} failed (${files} files in ${batches.length - waiting} lanes${waiting > 0 ? ` and ${waiting} waiting ones beside them` : ''})\n`,
  );
  return failed === 0 && runs.length === batches.length ? 0 : 1;
}

/** `--parallel N` and the rest of the arguments. */
export function parseLaneArguments(argv: readonly string[]): { lanes: number; rest: string[] } {
  const rest: string[] = [];
  let lanes = 1;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--parallel') {
      lanes = Number(argv[index + 1]);
      index += 1;
      if (!Number.isInteger(lanes) || lanes < 1) throw new Error(`--parallel wants a whole number ≥ 1, got ${argv[index] ?? 'nothing'}`);
    } else rest.push(argument);
  }
  return { lanes, rest };
}
