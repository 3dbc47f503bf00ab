/**
 * `web-ext lint` on the Firefox build (Mozilla's add-on linter, as addons.mozilla.org runs it):
 *
 *   node --import tsx tests/e2e/firefox/lint.ts
 *
 * Prints every error, warning and notice with its code and file, then
 * `web-ext lint: N passed, M failed`: one check, passed when the linter reports no error
 * (warnings are listed, not failed: AMO accepts them).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIREFOX_EXTENSION_DIR } from './launch-firefox';

interface LintMessage {
  readonly code: string;
  readonly message: string;
  readonly description?: string | readonly string[];
  readonly file?: string;
}

export interface LintReport {
  readonly errors: readonly LintMessage[];
  readonly warnings: readonly LintMessage[];
  readonly notices: readonly LintMessage[];
}

export function runLint(sourceDir = FIREFOX_EXTENSION_DIR): Promise<LintReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', () => {
      // web-ext exits non-zero when there are errors; the JSON says which.
      const start = out.indexOf('{');
      try {
        const report = JSON.parse(out.slice(start)) as LintReport;
        resolve({ errors: report.errors ?? [], warnings: report.warnings ?? [], notices: report.notices ?? [] });
      } catch {
        reject(new Error(`web-ext lint gave no JSON report: ${(err || out).slice(0, 500)}`));
      }
    });
  });
}

function describe(message: LintMessage): string {
  const description = message.description;
  const detail = typeof description === 'string' ? description : (description ?? []).join(' ');
  return `${message.code}${message.file ? ` (${message.file})` : ''}: ${message.message}${detail ? ` — ${detail.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`;
}

export function printLint(report: LintReport): number {
  for (const [kind, messages] of [['error', report.errors], ['warning', report.warnings], ['notice', report.notices]] as const) {
    for (const message of messages) process.stdout.write(`${kind}: ${describe(message)}\n`);
  }
  const failed = report.errors.length > 0 ? 1 : 0;
  process.stdout.write(`web-ext lint: ${1 - failed} passed, ${failed} failed (${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices)\n`);
  return failed;
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  runLint().then(
    (report) => process.exit(printLint(report)),
    (error: unknown) => {
      process.stderr.write(`web-ext lint: ${error instanceof Error ? error.message : String(error)}\nweb-ext lint: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
