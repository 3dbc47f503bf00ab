/**
 * Everything Firefox in one command: `web-ext lint`, then the smoke run in the lab (inside a
 * fresh namespace). Ends with `firefox: N passed, M failed`, the sum of both.
 *
 *   node --import tsx tests/e2e/firefox/run.ts [--offline]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { printLint, runLint } from './lint';

const COUNT_LINE = /(\d+) passed, (\d+) failed/;

function runSmoke(args: readonly string[]): Promise<{ passed: number; failed: number }> {
  const smoke = fileURLToPath(new URL('./smoke.ts', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, smoke, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString('utf8')).slice(-2000);
    });
    child.once('error', () => resolve({ passed: 0, failed: 1 }));
    child.once('close', (code) => {
      const match = [...last.matchAll(new RegExp(COUNT_LINE, 'g'))].at(-1);
      if (!match) resolve({ passed: 0, failed: 1 });
      // A run that died after its count line still failed.
      else resolve({ passed: Number(match[1]), failed: Number(match[2]) + (code !== 0 && Number(match[2]) === 0 ? 1 : 0) });
    });
  });
}

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  try {
    const lintFailed = printLint(await runLint());
    passed += 1 - lintFailed;
    failed += lintFailed;
  } catch (error) {
    process.stdout.write(`web-ext lint: ${error instanceof Error ? error.message : String(error)}\n`);
    failed += 1;
  }
  const smoke = await runSmoke(process.argv.slice(2));
  passed += smoke.passed;
  failed += smoke.failed;
  process.stdout.write(`firefox: ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
