/**
 * Everything Firefox in one command: `web-ext lint`, the smoke run in the lab, the wire check
 * (what two installs' probes carry, `wire.ts`; lab only), then the scenario files that apply to
 * Firefox (`run-scenarios.ts`, the same files as Chromium's; lab only, its count line
 * `firefox scenarios: N passed, M failed`, two files at a time), each inside a fresh namespace. Ends with
 * `firefox: N passed, M failed`, the sum of all four.
 *
 *   node --import tsx tests/e2e/firefox/run.ts [--offline]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { shareLabCaWithChildren } from '../../lab/ca';
import { printLint, runLint } from './lint';

const COUNT_LINE = /(\d+) passed, (\d+) failed/;
/** Scenario files run at once (run-scenarios.ts --parallel). */
const SCENARIO_LANES = 2;

/** Runs one of the Firefox checks (`smoke.ts`, `wire.ts`, `run-scenarios.ts`) and reads its count line. */
function runCheck(file: string, args: readonly string[]): Promise<{ passed: number; failed: number }> {
  const script = fileURLToPath(new URL(file, import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Printed whole when the check ends, with its count line last.
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', () => resolve({ passed: 0, failed: 1 }));
    child.once('close', (code) => {
      process.stdout.write(output);
      const last = output.slice(-2000);
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
  const args = process.argv.slice(2);
  // One lab CA for the smoke run, the wire check and every scenario file.
  await shareLabCaWithChildren();
  // The smoke run, the wire check, then the scenarios (two files at a time), each in a namespace of
  // its own. One after another: beside the scenarios, the smoke run's rounds timed out under load.
  const parts = [() => runCheck('./smoke.ts', args)];
  // The wire check and the scenarios need the lab: with --offline there is nothing to record.
  if (!args.includes('--offline')) parts.push(() => runCheck('./wire.ts', []), () => runCheck('./run-scenarios.ts', ['--parallel', String(SCENARIO_LANES)]));
  for (const part of parts) {
    const count = await part();
    passed += count.passed;
    failed += count.failed;
  }
  process.stdout.write(`firefox: ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
