/**
 * Runs scenario files N at a time, each by a command of its own (in practice the runner itself
 * with one file, which puts it in a fresh lab namespace), and sums their count lines. A scenario
 * waits on the product's alarms and timers for part of its time, and those waits overlap; the
 * rest is CPU (a browser's round is dozens of TLS handshakes on both sides), so on 2 cores a file
 * takes two to three times longer beside others than alone. Each file's output is printed whole
 * when the file ends, never interleaved with another's.
 */
import { spawn } from 'node:child_process';

export interface FileRun {
  readonly file: string;
  readonly passed: number;
  readonly failed: number;
  readonly seconds: number;
}

export interface LaneOptions {
  /** The files, in the order they should start (longest first ends the lanes together). */
  readonly files: readonly string[];
  /** How many of `files` run at once. */
  readonly lanes: number;
  /**
   * Files that spend nearly all their time waiting on the product's alarms (a pause over two
   * intervals, confirmation rounds that come by themselves): each starts at once beside the lanes,
   * in a lane of its own, so it never holds a lane the CPU-bound files could use.
   */
  readonly waiting?: readonly string[];
  /** The command that runs one file. */
  readonly commandFor: (file: string) => readonly string[];
  /** Extra environment for each file's command. */
  readonly env?: NodeJS.ProcessEnv;
  /** The count line each file's run ends with, and the whole run's: `<title>: N passed, M failed`. */
  readonly title: string;
}

function runOneFile(options: LaneOptions, file: string): Promise<FileRun & { output: string }> {
  const started = Date.now();
  const countLine = new RegExp(`${options.title}: (\\d+) passed, (\\d+) failed`, 'g');
  const [command, ...args] = options.commandFor(file);
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
      resolve({ file, passed, failed, seconds: Math.round((Date.now() - started) / 1000), output });
    };
    child.once('error', (error) => {
      output += `\n${error.message}\n`;
      finish(1);
    });
    child.once('close', finish);
  });
}

/** Runs every file, prints each file's output, a table and the summed count line; 0 when all passed. */
export async function runFilesInLanes(options: LaneOptions): Promise<number> {
  const queue = [...options.files];
  const waiting = [...(options.waiting ?? [])];
  const total = queue.length + waiting.length;
  const runs: FileRun[] = [];
  const report = (run: FileRun & { output: string }) => {
    process.stdout.write(`\n----- ${run.file} (${run.seconds} s, ${runs.length + 1}/${total}) -----\n${run.output}`);
    runs.push(run);
  };
  const lane = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) report(await runOneFile(options, file));
  };
  await Promise.all([
    ...waiting.map(async (file) => report(await runOneFile(options, file))),
    ...Array.from({ length: Math.min(options.lanes, queue.length) }, lane),
  ]);
  const passed = runs.reduce((sum, run) => sum + run.passed, 0);
  const failed = runs.reduce((sum, run) => sum + run.failed, 0);
  process.stdout.write('\n| scenario file | passed | failed | time |\n|---|---:|---:|---:|\n');
  for (const run of runs) process.stdout.write(`| ${run.file} | ${run.passed} | ${run.failed} | ${run.seconds} s |\n`);
  process.stdout.write(`\n${options.title}: ${passed} passed, ${failed} failed (${runs.length} files, ${options.lanes} at a time${waiting.length > 0 ? ` and ${waiting.length} waiting ones beside them` : ''})\n`);
  return failed === 0 && runs.length === total ? 0 : 1;
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
