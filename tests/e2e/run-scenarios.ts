/**
 * The Chromium scenarios in one command, as root:
 *
 *   node --import tsx tests/e2e/run-scenarios.ts [--parallel N] [scenario files or name filters…]
 *
 * Outside a lab namespace it runs itself inside a fresh one (run-in-namespace.ts). Inside, it runs
 * vitest with vitest.e2e.config.ts, whose reporter ends with `e2e scenarios: N passed, M failed`;
 * the exit status is vitest's. The build under test is a copy, taken at the start, of
 * `.output/chrome-mv3` (`npm run build`) or of BLOCKWATCH_EXTENSION_DIR.
 *
 * `--parallel N` (CI uses it) runs the scenario files in N lanes side by side, each lane a batch of
 * files in a namespace of its own (harness/files-in-lanes.ts), and ends with the same count line
 * summed over the lanes. The files that mostly wait (WAITING_FILES) run beside the lanes, each in
 * a namespace of its own. Every lab of the run shares one CA (tests/lab/ca.ts).
 */
import { spawn } from 'node:child_process';
import { parseLaneArguments, runFilesInLanes } from './harness/files-in-lanes';
import { cp, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareLabCaWithChildren } from '../lab/ca';
import { currentLabNamespace, RUN_DIR_ENV } from '../lab/netns/namespace';
import { runInNamespace } from '../lab/netns/run-in-namespace';
import { EXTENSION_DIR } from './harness/blockwatch';
import { FIGURES_FILE } from './harness/scenario';

/** Set for the runs of one file under `--parallel`: the figures file belongs to the whole run, cleared once by the parent. */
const KEEP_FIGURES_ENV = 'BLOCKWATCH_E2E_KEEP_FIGURES';

const SCENARIO_DIRS = ['tests/e2e/scenarios', ...(process.env.BLOCKWATCH_STORE_SCREENSHOTS === '1' ? ['tests/e2e/store'] : [])];

/**
 * Files that spend nearly all their time waiting on the product's alarms, s of wall time on a
 * quiet 2-core machine: the pause scenario waits out two round intervals, the throttle and stall
 * scenarios let the confirmation rounds come by themselves. Under `--parallel` each runs beside the
 * lanes in one of its own (harness/files-in-lanes.ts), instead of holding a lane for minutes.
 */
const WAITING_FILES: readonly string[] = ['pause.test.ts', 'stall.test.ts', 'throttle.test.ts'];
/**
 * Wall time of the other slow files in a serial run on a 2-core machine, s (CI log of 2026-12-06):
 * used only to balance the lanes' batches, so the lanes end together. A file not listed counts as
 * DEFAULT_FILE_SECONDS; a wrong figure costs time, never a result.
 */
const FILE_SECONDS: Readonly<Record<string, number>> = {
  'connect-block.test.ts': 80,
  'network-down.test.ts': 62,
  'allowlist.test.ts': 56,
  'screenshots.test.ts': 44,
  'round-fault.test.ts': 40,
  'store-screenshots.test.ts': 180,
};
const DEFAULT_FILE_SECONDS = 25;

async function main(filters: readonly string[]): Promise<number> {
  await stat(join(EXTENSION_DIR, 'manifest.json')).catch(() => {
    throw new Error(`no build at ${EXTENSION_DIR}: run \`npm run build\` first`);
  });
  // The run tests a copy: others may rebuild .output while it runs, and a build rewritten under a
  // loaded extension fails in odd ways (missing icons, half-written chunks).
  const copy = join(process.env[RUN_DIR_ENV] ?? '.', 'extension-under-test');
  await cp(EXTENSION_DIR, copy, { recursive: true });
  await stat(join(copy, 'manifest.json'));
  // Figures of this run only.
  if (process.env[KEEP_FIGURES_ENV] !== '1') await rm(FIGURES_FILE, { force: true });
  return new Promise<number>((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...filters], {
      stdio: 'inherit',
      env: { ...process.env, BLOCKWATCH_EXTENSION_DIR: copy },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The scenario files the filters pick (all when there are none). */
async function scenarioFiles(filters: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of SCENARIO_DIRS) {
    for (const entry of await readdir(dir)) if (entry.endsWith('.test.ts')) files.push(join(dir, entry));
  }
  return filters.length === 0 ? files : files.filter((file) => filters.some((filter) => file.includes(filter)));
}
const secondsOf = (file: string) => FILE_SECONDS[file.split('/').at(-1) ?? ''] ?? DEFAULT_FILE_SECONDS;

async function runParallel(thisFile: string, filters: readonly string[], lanes: number): Promise<number> {
  await rm(FIGURES_FILE, { force: true });
  const files = await scenarioFiles(filters);
  const isWaiting = (file: string) => WAITING_FILES.includes(file.split('/').at(-1) ?? '');
  return runFilesInLanes({
    files: files.filter((file) => !isWaiting(file)),
    waiting: files.filter(isWaiting),
    lanes,
    secondsOf,
    commandFor: (batch) => [process.execPath, ...process.execArgv, thisFile, ...batch],
    env: { [KEEP_FIGURES_ENV]: '1' },
    title: 'e2e scenarios',
  });
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const run = async (): Promise<number> => {
    const { lanes, rest: filters } = parseLaneArguments(process.argv.slice(2));
    if (await currentLabNamespace()) return main(filters);
    await shareLabCaWithChildren();
    if (lanes > 1) return runParallel(thisFile, filters, lanes);
    return runInNamespace([process.execPath, ...process.execArgv, thisFile, ...filters]);
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`e2e scenarios: ${error instanceof Error ? error.message : String(error)}\ne2e scenarios: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
