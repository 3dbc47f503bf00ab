/**
 * The scenario files that apply to Firefox (`scenario-list.ts`), in Debian's Firefox ESR, as root:
 *
 *   node --import tsx tests/e2e/firefox/run-scenarios.ts [--parallel N] [name filters…]
 *
 * The same files the Chromium run uses (tests/e2e/scenarios/), with BLOCKWATCH_BROWSER=firefox.
 * Outside a lab namespace it runs itself inside a fresh one of its own. Inside, it tests a copy of
 * `.output/firefox-mv2` (`npm run build`) or of BLOCKWATCH_FIREFOX_DIR taken at its start, writes
 * figures to test-results/firefox-figures.jsonl, and ends with vitest's count line
 * `firefox scenarios: N passed, M failed`; the exit status is vitest's. BLOCKWATCH_FIREFOX_LONG=1
 * adds the long and waiting ones CI leaves out (scenario-list.ts); a name filter picks among those run.
 * `--parallel N` runs the files in N lanes side by side, each lane a batch of files in a namespace
 * of its own (harness/files-in-lanes.ts). Every lab of the run shares one CA (tests/lab/ca.ts).
 */
import { spawn } from 'node:child_process';
import { cp, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shareLabCaWithChildren } from '../../lab/ca';
import { currentLabNamespace, RUN_DIR_ENV } from '../../lab/netns/namespace';
import { runInNamespace } from '../../lab/netns/run-in-namespace';
import { FIREFOX_EXTENSION_DIR } from './launch-firefox';
import { parseLaneArguments, runFilesInLanes } from '../harness/files-in-lanes';
import { firefoxLaneScenarios, firefoxWaitingScenarios } from './scenario-list';

const CONFIG = 'vitest.e2e-firefox.config.ts';
/** Set for the runs of one file under `--parallel`: the figures file belongs to the whole run, cleared once by the parent. */
const KEEP_FIGURES_ENV = 'BLOCKWATCH_E2E_KEEP_FIGURES';

/** The files this run runs, as vitest.e2e-firefox.config.ts includes them, narrowed by the name filters. */
function scenarioFiles(filters: readonly string[], names: readonly string[]): string[] {
  const files = names.map((name) => `tests/e2e/scenarios/${name}.test.ts`);
  return filters.length === 0 ? files : files.filter((file) => filters.some((filter) => file.includes(filter)));
}
const FIGURES = resolve('test-results/firefox-figures.jsonl');
/**
 * Wall time of the slower files, s, two at a time in a fresh-clone CI run (2026-12-07): used only to
 * balance the lanes' batches. A file not listed counts as DEFAULT_FILE_SECONDS.
 */
const FIREFOX_FILE_SECONDS: Readonly<Record<string, number>> = {
  'allowlist.test.ts': 86,
  'blockpage.test.ts': 62,
  'interception.test.ts': 56,
  'proxy-app.test.ts': 50,
};
const DEFAULT_FILE_SECONDS = 30;

async function main(filters: readonly string[]): Promise<number> {
  await stat(join(FIREFOX_EXTENSION_DIR, 'manifest.json')).catch(() => {
    throw new Error(`no build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first`);
  });
  // A copy: others may rebuild .output while the run reads it.
  const copy = join(process.env[RUN_DIR_ENV] ?? '.', 'firefox-extension-under-test');
  await cp(FIREFOX_EXTENSION_DIR, copy, { recursive: true });
  if (process.env[KEEP_FIGURES_ENV] !== '1') await rm(FIGURES, { force: true });
  return new Promise<number>((done, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', CONFIG, ...filters], {
      stdio: 'inherit',
      env: { ...process.env, BLOCKWATCH_BROWSER: 'firefox', BLOCKWATCH_EXTENSION_DIR: copy, BLOCKWATCH_FIGURES_FILE: FIGURES },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const run = async (): Promise<number> => {
    const { lanes, rest: filters } = parseLaneArguments(process.argv.slice(2));
    if (await currentLabNamespace()) return main(filters);
    await shareLabCaWithChildren();
    if (lanes > 1) {
      await rm(FIGURES, { force: true });
      return runFilesInLanes({
        files: scenarioFiles(filters, firefoxLaneScenarios()),
        waiting: scenarioFiles(filters, firefoxWaitingScenarios()),
        lanes,
        secondsOf: (file) => FIREFOX_FILE_SECONDS[file.split('/').at(-1) ?? ''] ?? DEFAULT_FILE_SECONDS,
        commandFor: (batch) => [process.execPath, ...process.execArgv, thisFile, ...batch],
        env: { [KEEP_FIGURES_ENV]: '1' },
        title: 'firefox scenarios',
      });
    }
    return runInNamespace([process.execPath, ...process.execArgv, thisFile, ...filters]);
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`firefox scenarios: ${error instanceof Error ? error.message : String(error)}\nfirefox scenarios: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
