/**
 * Every test suite of the project, one after another, each counted, then one line of our own:
 * `N passed, M failed`. `npm test` and `.ci/run` run exactly this. Suites that need a browser run
 * inside a private network namespace the lab creates (root, Debian's chromium and firefox-esr,
 * nftables, iproute2, libnss3-tools: `.ci/run` installs them).
 *
 *   npx tsx scripts/test-all.ts [--only <suite>,…] [--skip <suite>,…]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

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
}

const REPORTS = 'test-results';

const SUITES: readonly Suite[] = [
  { id: 'typecheck', title: 'TypeScript (strict)', command: ['npx', 'tsc', '--noEmit', '-p', '.'], count: 'exit' },
  {
    id: 'unit',
    title: 'Unit, lab and runtime tests (vitest)',
    command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/vitest.json`],
    count: { vitestJson: `${REPORTS}/vitest.json` },
  },
  { id: 'build', title: 'Build (Chrome MV3, Firefox MV2)', command: ['npm', 'run', 'build'], count: 'exit' },
  { id: 'zip', title: 'Store packages', command: ['npm', 'run', 'zip'], count: 'exit' },
  // Two clones of HEAD and a rebuild from the sources zip, each `npm run zip`: ~37 s of CPU, 50 s to
  // 2 min of wall time on 2 shared cores depending on the load.
  { id: 'reproducible', title: 'Reproducible zips (two clean clones, byte-identical)', command: ['node', '--import', 'tsx', 'tests/reproducible/zip-twice.ts'], count: 'last-line' },
  { id: 'lab-selftest', title: 'Browser lab self-test (Chromium in a namespace)', command: ['node', '--import', 'tsx', 'tests/e2e/lab-selftest.ts'], count: 'last-line' },
  { id: 'e2e', title: 'End to end in Chromium against the lab', command: ['node', '--import', 'tsx', 'tests/e2e/run-scenarios.ts'], count: 'last-line' },
  { id: 'firefox', title: 'Firefox: web-ext lint, a headless smoke run and the wire check', command: ['node', '--import', 'tsx', 'tests/e2e/firefox/run.ts'], count: 'last-line' },
];

function run(command: readonly string[]): Promise<{ code: number; lastLine: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4096);
    });
    child.on('close', (code) => {
      const lines = tail.split('\n').map((line) => line.trim()).filter(Boolean);
      resolve({ code: code ?? 1, lastLine: lines.at(-1) ?? '' });
    });
    child.on('error', () => resolve({ code: 1, lastLine: '' }));
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

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const listAfter = (flag: string): string[] | null => {
    const index = args.indexOf(flag);
    return index === -1 ? null : (args[index + 1] ?? '').split(',').filter(Boolean);
  };
  const only = listAfter('--only');
  const skip = listAfter('--skip') ?? [];
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  const rows: { suite: Suite; count: Count; seconds: number }[] = [];
  for (const suite of SUITES) {
    if ((only && !only.includes(suite.id)) || skip.includes(suite.id)) continue;
    process.stdout.write(`\n=== ${suite.title}: ${suite.command.join(' ')}\n`);
    const started = Date.now();
    const { code, lastLine } = await run(suite.command);
    let count: Count;
    if (suite.count === 'exit') count = code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    else if (suite.count === 'last-line') {
      const match = COUNT_LINE.exec(lastLine);
      count = match ? { passed: Number(match[1]), failed: Number(match[2]) + (code === 0 ? 0 : Number(match[2]) === 0 ? 1 : 0) } : { passed: 0, failed: 1 };
    } else {
      const counted = vitestCount(suite.count.vitestJson);
      count = counted ?? { passed: 0, failed: 1 };
      if (counted && counted.failed === 0 && code !== 0) count = { passed: counted.passed, failed: 1 };
    }
    rows.push({ suite, count, seconds: Math.round((Date.now() - started) / 1000) });
  }

  process.stdout.write('\n| suite | passed | failed | time |\n|---|---:|---:|---:|\n');
  for (const { suite, count, seconds } of rows) process.stdout.write(`| ${suite.title} | ${count.passed} | ${count.failed} | ${seconds} s |\n`);
  const passed = rows.reduce((sum, row) => sum + row.count.passed, 0);
  const failed = rows.reduce((sum, row) => sum + row.count.failed, 0);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
