/**
 * Nothing on the wire names the install, in Firefox (issue 8, item 1): two fresh installs, each
 * with its own random internal UUID (what Firefox gives every install), run their install round
 * and a "Check now" in the lab; the lab records every request header of every probe, plain HTTP
 * and HTTPS through the lab CA. Fails on an `Origin`, an extension scheme, the UUID or add-on id,
 * or a header that differs between the installs where a plain page load of the same URLs differs in
 * nothing. Prints `firefox wire: N passed, M failed`.
 *
 *   node --import tsx tests/e2e/firefox/wire.ts
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { LabRequest } from '../../lab/lab';
import { startBrowserLab, type BrowserLab } from '../../lab/netns/browser-lab';
import { currentLabNamespace, RUN_DIR_ENV } from '../../lab/netns/namespace';
import { runInNamespace } from '../../lab/netns/run-in-namespace';
import { headerNamesByShape, sharedKinds, wireFindings, type InstallCapture, type WireRequest } from '../harness/wire-markers';
import { GECKO_ID, launchFirefoxWithExtension } from './launch-firefox';
import { request, roundAfter } from './smoke';

/** Probed URLs a person could also open in a tab: a Telegram data centre (plain HTTP on 443) and a web client (HTTPS). */
const PAGE_URLS: readonly string[] = ['http://149.154.167.51:443/', 'https://web.telegram.org/'];

function wire(requests: readonly LabRequest[]): WireRequest[] {
  return requests.map(({ method, tls, host, path, headers }) => ({ method, tls, host, path, headers }));
}

async function captureInstall(lab: BrowserLab, label: string): Promise<InstallCapture> {
  await lab.reset();
  const workDir = process.env[RUN_DIR_ENV];
  const firefox = await launchFirefoxWithExtension({ trustCaPem: lab.node.ca.certificatePem, uuid: randomUUID(), ...(workDir ? { workDir } : {}) });
  try {
    await roundAfter(firefox, 0);
    // "Check now" answers once its round has run.
    await request(firefox, { type: 'runNow' });
    const probes = wire(lab.node.requests());
    await lab.reset();
    const page = await firefox.browser.newPage();
    for (const url of PAGE_URLS) await page.goto(url);
    await page.close();
    const pageLoads = wire(lab.node.requests()).filter((served) => served.path === '/');
    return { label, identifiers: [firefox.uuid, GECKO_ID, GECKO_ID.replace(/[{}]/g, '')], probes, pageLoads };
  } finally {
    await firefox.close();
  }
}

export interface WireCheck {
  readonly name: string;
  readonly failures: readonly string[];
  readonly seen?: string;
}

export async function firefoxWire(): Promise<WireCheck[]> {
  const lab = await startBrowserLab();
  try {
    const a = await captureInstall(lab, 'install A');
    const b = await captureInstall(lab, 'install B');
    const kinds = sharedKinds(a, b);
    const shapes = [...new Set(kinds.map((kind) => kind.split('/')[0] ?? ''))].sort();
    const wanted = ['GET https:', 'HEAD http:', 'HEAD https:', 'POST http:'];
    const findings = wireFindings(a, b);
    const names = Object.entries(headerNamesByShape(a.probes)).map(([shape, list]) => `${shape}: ${list}`).join('; ');
    return [
      {
        name: 'both installs sent every kind of probe (POST over plain HTTP, HEAD and GET over HTTPS)',
        failures: wanted.filter((shape) => !shapes.includes(shape)).map((shape) => `no ${shape} probe from both installs`),
        seen: `${kinds.length} probe kinds compared; page loads ${a.pageLoads.length}+${b.pageLoads.length}`,
      },
      {
        name: 'no probe carries an Origin, an extension scheme, the UUID or id, or a value that differs between installs',
        failures: findings,
        seen: names,
      },
    ];
  } finally {
    await lab.close();
  }
}

function print(checks: readonly WireCheck[]): number {
  for (const outcome of checks) {
    process.stdout.write(`${outcome.failures.length === 0 ? 'ok  ' : 'FAIL'} ${outcome.name}${outcome.seen ? `: ${outcome.seen}` : ''}\n`);
    for (const failure of outcome.failures) process.stdout.write(`       ✗ ${failure}\n`);
  }
  const failed = checks.filter((outcome) => outcome.failures.length > 0).length;
  process.stdout.write(`firefox wire: ${checks.length - failed} passed, ${failed} failed\n`);
  return failed;
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const run = async (): Promise<number> => {
    if (!(await currentLabNamespace())) return runInNamespace([process.execPath, ...process.execArgv, thisFile]);
    process.stdout.write('Firefox, what the probes carry on the wire:\n');
    return print(await firefoxWire()) === 0 ? 0 : 1;
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`firefox wire: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nfirefox wire: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
