/**
 * The Chromium scenarios in one command, as root:
 *
 *   node --import tsx tests/e2e/run-scenarios.ts [scenario files or name filters…]
 *
 * Outside a lab namespace it runs itself inside a fresh one (run-in-namespace.ts). Inside, it runs
 * vitest with vitest.e2e.config.ts, whose reporter ends with `e2e scenarios: N passed, M failed`;
 * the exit status is vitest's. The build under test is a copy, taken at the start, of
 * `.output/chrome-mv3` (`npm run build`) or of BLOCKWATCH_EXTENSION_DIR.
 */
import { spawn } from 'node:child_process';
import { cp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentLabNamespace, RUN_DIR_ENV } from '../lab/netns/namespace';
import { runInNamespace } from '../lab/netns/run-in-namespace';
import { EXTENSION_DIR } from './harness/blockwatch';
import { FIGURES_FILE } from './harness/scenario';

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
  await rm(FIGURES_FILE, { force: true });
  return new Promise<number>((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...filters], {
      stdio: 'inherit',
      env: { ...process.env, BLOCKWATCH_EXTENSION_DIR: copy },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const filters = process.argv.slice(2);
  const run = async (): Promise<number> => {
    if (await currentLabNamespace()) return main(filters);
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
