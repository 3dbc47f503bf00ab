/**
 * A throwaway HOME for Chromium whose NSS database trusts the lab's certificate authority, so the
 * lab's certificates for real host names (web.whatsapp.com…) are valid inside the lab browser,
 * and only there. Chromium on Linux reads trust from `$HOME/.pki/nssdb`; `certutil` is Debian's
 * `libnss3-tools`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_DIR_ENV } from './namespace';
import { runCommand } from './run-command';

/** The browser home of a lab run: under the run dir, so the runner removes it with the rest. */
export const BROWSER_HOME_DIR = 'browser-home';

/** Where the current lab run keeps Chromium's HOME, when this process is part of one. */
export function labBrowserHome(): string | undefined {
  const runDir = process.env[RUN_DIR_ENV];
  return runDir ? join(runDir, BROWSER_HOME_DIR) : undefined;
}

/** The nickname of the lab CA in the NSS database. */
const CA_NICKNAME = 'blockwatch-lab-ca';

/** Creates `dir/.pki/nssdb` trusting `caPem` for TLS servers; returns `dir`, to be used as HOME. */
export async function createBrowserHome(dir: string, caPem: string): Promise<string> {
  if (!caPem.includes('BEGIN CERTIFICATE')) throw new Error('the lab CA must be a PEM certificate');
  const database = join(dir, '.pki', 'nssdb');
  await mkdir(database, { recursive: true });
  const caFile = join(dir, 'lab-ca.pem');
  await writeFile(caFile, caPem);
  await runCommand(['certutil', '-d', `sql:${database}`, '-N', '--empty-password']);
  // "C,,": a trusted CA for TLS servers, nothing else (not for mail or code signing).
  await runCommand(['certutil', '-d', `sql:${database}`, '-A', '-t', 'C,,', '-n', CA_NICKNAME, '-i', caFile]);
  return dir;
}
