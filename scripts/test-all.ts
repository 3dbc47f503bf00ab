/**
 * Every test suite of the project, each counted, then one line of our own: `N passed, M failed`.
 * `npm test` and `.ci/run` run exactly this. Suites that need a browser run inside private network
 * namespaces the lab creates (root, Debian's chromium and firefox-esr, nftables, iproute2,
 * libnss3-tools: `.ci/run` installs them).
 *
 *   npx tsx scripts/test-all.ts [--only <suite>,…] [--skip <suite>,…] [--serial]
 *
 * Order (PHASES below): the typecheck and the build side by side; the Node-lab tests beside the
 * CPU-bound suites; the Chromium scenarios; Firefox. A browser or Node-lab suite spends part of its
 * time waiting on the product's own alarms and timers, so lanes overlap those waits with others'
 * work; CPU-bound suites never share a phase with more than one other lane, because on 2 cores the
 * timing tests then miss their timers. `--serial` runs one suite at a time. A suite's output is
 * printed whole when it ends, so lanes never interleave their lines; test-results/logs/<suite>.log
 * has it as it comes. Every lab of the run shares one CA, made at the start (tests/lab/ca.ts).
 */
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shareLabCaWithChildren } from '../tests/lab/ca';

interface Count {
  readonly passed: number;
  readonly failed: number;
}
interface Suite {
  readonly id: string;
  readonly title: string;
  readonly command: readonly string[];
  /** How to count: a command that succeeds is one pass; vitest's JSON report; or the suite's own last line. */
  readonly count: 'exit' | { readonly vitestJson: string } | 'last-line';
  /** Tests the build: gets the copy of it taken right after `build`, so `zip` rebuilding .output beside it cannot touch it. */
  readonly testsTheBuild?: boolean;
}

const REPORTS = 'test-results';
const LOGS = join(REPORTS, 'logs');
/** The build the browser suites test, copied from .output once the build suite is done. */
const BUILD_UNDER_TEST = resolve(REPORTS, 'build-under-test');
/**
 * Lanes of Chromium scenario files, each a batch in a namespace of its own, beside the three files
 * that mostly wait (tests/e2e/run-scenarios.ts). Two: three lanes took 390 s instead of 430–490 s,
 * at load 10–15, where earlier runs lost tests; the files are mostly CPU (a round's TLS handshakes
 * on both sides), partly waiting on the product's 15 s timers.
 */
const CHROMIUM_SCENARIO_LANES = 2;

const SUITE: Readonly<Record<string, Suite>> = {
  typecheck: { id: 'typecheck', title: 'TypeScript (strict)', command: ['npx', 'tsc', '--noEmit', '-p', '.'], count: 'exit' },
  unit: {
    id: 'unit',
    title: 'Unit and interface tests (vitest)',
    command: ['npx', 'vitest', 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest-unit.json`],
    count: { vitestJson: `${REPORTS}/vitest-unit.json` },
  },
  'node-lab': {
    id: 'node-lab',
    title: 'Engine and lab against the Node lab (vitest)',
    command: ['npx', 'vitest', 'run', '--project', 'node-lab', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest-node-lab.json`],
    count: { vitestJson: `${REPORTS}/vitest-node-lab.json` },
  },
  'node-runtime': {
    id: 'node-runtime',
    title: 'Runtime (schedule, confirmation, pause) against the Node lab (vitest)',
    command: ['npx', 'vitest', 'run', '--project', 'node-runtime', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest-node-runtime.json`],
    count: { vitestJson: `${REPORTS}/vitest-node-runtime.json` },
  },
  build: { id: 'build', title: 'Build (Chrome MV3, Firefox MV2)', command: ['npm', 'run', 'build'], count: 'exit' },
  zip: { id: 'zip', title: 'Store packages', command: ['npm', 'run', 'zip'], count: 'exit' },
  // Two clones of HEAD and a rebuild from the sources zip, each `npm run zip`: ~37 s of CPU, 50 s to
  // 2 min of wall time on 2 shared cores depending on the load.
  reproducible: { id: 'reproducible', title: 'Reproducible zips (two clean clones, byte-identical)', command: ['node', '--import', 'tsx', 'tests/reproducible/zip-twice.ts'], count: 'last-line' },
  'lab-selftest': { id: 'lab-selftest', title: 'Browser lab self-test (Chromium in a namespace)', command: ['node', '--import', 'tsx', 'tests/e2e/lab-selftest.ts'], count: 'last-line' },
  e2e: {
    id: 'e2e',
    title: 'End to end in Chromium against the lab',
    command: ['node', '--import', 'tsx', 'tests/e2e/run-scenarios.ts', '--parallel', String(CHROMIUM_SCENARIO_LANES)],
    count: 'last-line',
    testsTheBuild: true,
  },
  firefox: {
    id: 'firefox',
    title: 'Firefox: web-ext lint, smoke run, wire check and scenarios',
    command: ['node', '--import', 'tsx', 'tests/e2e/firefox/run.ts'],
    count: 'last-line',
    testsTheBuild: true,
  },
};

/**
 * The run: phase after phase; in a phase, lanes side by side; in a lane, suites one after another.
 * 1. The typecheck and the build: everything after needs the build, and a type error is the
 *    quickest news.
 * 2. The Node lab's tests in two lanes (`node-lab`, `node-runtime`: mostly waiting on the probes'
 *    timers, ~4 min each) beside one lane of the CPU-bound suites (unit tests, the packages, the
 *    reproducibility check, the browser lab's self-test). The Node lab runs client and servers in
 *    one process with 6 s header timers: beside the browser scenarios (load ~14 on 2 cores) a third
 *    of its rounds timed out, and even beside the three Chromium scenarios that mostly wait (load
 *    ~8) a few did.
 * 3. The Chromium scenarios, in lanes of their own (tests/e2e/run-scenarios.ts).
 * 4. Firefox alone: beside the Chromium lanes (load 12–19) its smoke rounds timed out and a history
 *    page missed its 20 s deadline.
 */
const PHASES: readonly (readonly (readonly Suite[])[])[] = [
  [[SUITE.typecheck!], [SUITE.build!]],
  [[SUITE['node-lab']!], [SUITE['node-runtime']!], [SUITE.unit!, SUITE.zip!, SUITE.reproducible!, SUITE['lab-selftest']!]],
  [[SUITE.e2e!]],
  [[SUITE.firefox!]],
];

function run(command: readonly string[], env: NodeJS.ProcessEnv, log: string): Promise<{ code: number; output: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    // Written as it comes, so `tail -f test-results/logs/<suite>.log` shows a suite that is still running.
    writeFileSync(log, '');
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      appendFileSync(log, chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const done = (code: number) => resolveRun({ code, output });
    child.on('close', (code) => done(code ?? 1));
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
      done(1);
    });
  });
}

function vitestCount(path: string): Count | null {
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: { status: string; assertionResults: unknown[] }[];
    };
    // A file that failed to load has no tests to count: count each as one failure.
    const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
    return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
  } catch {
    return null;
  }
}

/** A suite's own count, anywhere in its last line ("lab self-test: 34 passed, 0 failed (27.4 s)"). */
const COUNT_LINE = /(\d+) passed, (\d+) failed/;

function countOf(suite: Suite, code: number, output: string): Count {
  if (suite.count === 'exit') return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  if (suite.count === 'last-line') {
    const lastLine = output.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '';
    const match = COUNT_LINE.exec(lastLine);
    if (!match) return { passed: 0, failed: 1 };
    // A suite that exited non-zero after a clean count still failed.
    return { passed: Number(match[1]), failed: Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0) };
  }
  const counted = vitestCount(suite.count.vitestJson);
  if (!counted) return { passed: 0, failed: 1 };
  return counted.failed === 0 && code !== 0 ? { passed: counted.passed, failed: 1 } : counted;
}

interface Row {
  readonly suite: Suite;
  readonly count: Count;
  readonly seconds: number;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const listAfter = (flag: string): string[] | null => {
    const index = args.indexOf(flag);
    return index === -1 ? null : (args[index + 1] ?? '').split(',').filter(Boolean);
  };
  const only = listAfter('--only');
  const skip = listAfter('--skip') ?? [];
  const serial = args.includes('--serial');
  const unknown = [...(only ?? []), ...skip].filter((id) => !(id in SUITE));
  if (unknown.length > 0) {
    process.stdout.write(`unknown suite(s): ${unknown.join(', ')}; the suites are ${Object.keys(SUITE).join(', ')}\n0 passed, 1 failed\n`);
    return 1;
  }
  const wanted = (suite: Suite) => (!only || only.includes(suite.id)) && !skip.includes(suite.id);
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(LOGS, { recursive: true });
  const began = Date.now();
  const rows: Row[] = [];
  let buildEnv: NodeJS.ProcessEnv = {};

  const runSuite = async (suite: Suite): Promise<void> => {
    process.stdout.write(`=== started: ${suite.title} (${suite.command.join(' ')})\n`);
    const started = Date.now();
    const { code, output } = await run(suite.command, suite.testsTheBuild ? buildEnv : {}, join(LOGS, `${suite.id}.log`));
    const row = { suite, count: countOf(suite, code, output), seconds: Math.round((Date.now() - started) / 1000) };
    rows.push(row);
    process.stdout.write(
      `\n=== ${suite.title} — ${row.count.passed} passed, ${row.count.failed} failed, ${row.seconds} s (at ${Math.round((Date.now() - began) / 1000)} s)\n${output}\n=== end of ${suite.title}\n\n`,
    );
  };

  // One lab CA for the whole run instead of one per lab process (~3 s and ~5 CPU-seconds each).
  await shareLabCaWithChildren();

  for (const [index, phase] of PHASES.entries()) {
    const lanes = phase.map((lane) => lane.filter(wanted)).filter((lane) => lane.length > 0);
    if (serial) for (const suite of lanes.flat()) await runSuite(suite);
    else {
      await Promise.all(
        lanes.map(async (lane) => {
          for (const suite of lane) await runSuite(suite);
        }),
      );
    }
    // The browser suites test one fixed copy of the build: `zip` rebuilds .output while they run.
    if (index === 0 && existsSync('.output/chrome-mv3/manifest.json') && existsSync('.output/firefox-mv2/manifest.json')) {
      cpSync('.output/chrome-mv3', join(BUILD_UNDER_TEST, 'chrome-mv3'), { recursive: true });
      cpSync('.output/firefox-mv2', join(BUILD_UNDER_TEST, 'firefox-mv2'), { recursive: true });
      buildEnv = { BLOCKWATCH_EXTENSION_DIR: join(BUILD_UNDER_TEST, 'chrome-mv3'), BLOCKWATCH_FIREFOX_DIR: join(BUILD_UNDER_TEST, 'firefox-mv2') };
    }
  }

  const order = Object.keys(SUITE);
  rows.sort((a, b) => order.indexOf(a.suite.id) - order.indexOf(b.suite.id));
  process.stdout.write('| suite | passed | failed | time |\n|---|---:|---:|---:|\n');
  for (const { suite, count, seconds } of rows) process.stdout.write(`| ${suite.title} | ${count.passed} | ${count.failed} | ${seconds} s |\n`);
  const passed = rows.reduce((sum, row) => sum + row.count.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.count.failed, 0);
  process.stdout.write(`\nall suites: ${Math.round((Date.now() - began) / 1000)} s${serial ? ', one at a time' : ', in lanes'}\n`);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
