/**
 * Firefox smoke run: the MV2 build in Debian's headless Firefox ESR, inside a lab namespace.
 *
 *   node --import tsx tests/e2e/firefox/smoke.ts            # against the lab, its CA trusted by the profile
 *   node --import tsx tests/e2e/firefox/smoke.ts --offline  # in an empty namespace: no network at all
 *
 * Outside a namespace it re-runs itself inside a fresh one (the product's probes must never reach
 * the real hosts). It checks that the add-on installs, its background answers its pages, the
 * install round and a "Check now" round are stored, and what they found (every service reachable
 * in the lab; `offline` without a network), then prints `firefox smoke: N passed, M failed`.
 */
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../../../src/snapshot/snapshot';
import { HISTORY_DB_NAME } from '../../../src/store/schema';
import { startBrowserLab, type BrowserLab } from '../../lab/netns/browser-lab';
import { currentLabNamespace, RUN_DIR_ENV } from '../../lab/netns/namespace';
import { runInNamespace } from '../../lab/netns/run-in-namespace';
import { GECKO_ID, launchFirefoxWithExtension, type FirefoxWithExtension } from './launch-firefox';

/** How long a round may take, ms: 15 s timers when nothing answers, plus Firefox's retries. A deadline, not a measurement. */
const ROUND_DEADLINE_MS = 90_000;
/** How long a fired round alarm may go without starting a round before the smoke run fires it again, ms. */
const REFIRE_AFTER_MS = 20_000;
const POLL_MS = 250;

interface Check {
  readonly name: string;
  readonly failures: readonly string[];
  readonly seen?: string;
}

interface Envelope<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: string;
}

export async function request<T>(firefox: FirefoxWithExtension, message: { readonly type: string } & Record<string, unknown>): Promise<T> {
  const envelope = (await firefox.send(message)) as Envelope<T> | undefined;
  if (!envelope?.ok || envelope.value === undefined) throw new Error(`${message.type}: ${envelope?.error ?? 'no answer'}`);
  return envelope.value;
}

export async function roundAfter(firefox: FirefoxWithExtension, after: number): Promise<Snapshot> {
  const deadline = Date.now() + ROUND_DEADLINE_MS;
  for (;;) {
    const snapshot = await request<Snapshot>(firefox, { type: 'getSnapshot' });
    if (!snapshot.activity.running && snapshot.lastRoundAt !== undefined && snapshot.lastRoundAt > after) return snapshot;
    if (Date.now() > deadline) throw new Error(`no round stored after ${after} within ${ROUND_DEADLINE_MS} ms`);
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

interface FirefoxAlarms {
  alarms: { create(name: string, info: { when: number }): Promise<void>; get(name: string): Promise<{ scheduledTime: number } | undefined> };
}

/** A round re-armed after a failure is due an interval later (5 min ± 30 s jitter): later than this after the failure, ms. */
const REARMED_AFTER_MS = 4 * 60_000;

/** Waits until the `round` alarm is armed later than `later`; null if it never is within ROUND_DEADLINE_MS. */
async function nextRoundAlarm(firefox: FirefoxWithExtension, later: number): Promise<number | null> {
  const deadline = Date.now() + ROUND_DEADLINE_MS;
  while (Date.now() < deadline) {
    const at = await firefox.page.evaluate(async () => (await (globalThis as unknown as { browser: FirefoxAlarms }).browser.alarms.get('round'))?.scheduledTime ?? null);
    if (at !== null && at > later) return at;
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return null;
}

async function storedRounds(firefox: FirefoxWithExtension): Promise<number> {
  const file = await request<{ text: string }>(firefox, { type: 'exportData', format: 'json', full: true });
  return ((JSON.parse(file.text) as { rounds?: readonly unknown[] }).rounds ?? []).length;
}

function states(snapshot: Snapshot): string {
  return snapshot.services.map((service) => `${service.id}=${service.state}`).join(' ');
}

async function check(checks: Check[], name: string, run: () => Promise<readonly string[] | { failures: readonly string[]; seen: string }>): Promise<void> {
  try {
    const outcome = await run();
    checks.push(Array.isArray(outcome) ? { name, failures: outcome } : { name, ...(outcome as { failures: readonly string[]; seen: string }) });
  } catch (error) {
    checks.push({ name, failures: [`threw: ${error instanceof Error ? error.message : String(error)}`] });
  }
}

export async function firefoxSmoke(offline: boolean): Promise<Check[]> {
  const checks: Check[] = [];
  let lab: BrowserLab | undefined;
  let firefox: FirefoxWithExtension | undefined;
  const started = performance.now();
  try {
    if (!offline) lab = await startBrowserLab();
    const workDir = process.env[RUN_DIR_ENV];
    await check(checks, 'the MV2 build installs as a temporary add-on, and an extension page opens', async () => {
      firefox = await launchFirefoxWithExtension({ ...(lab ? { trustCaPem: lab.node.ca.certificatePem } : {}), ...(workDir ? { workDir } : {}) });
      return {
        failures: firefox.extensionId === GECKO_ID ? [] : [`installed as ${firefox.extensionId}, expected ${GECKO_ID}`],
        seen: `${firefox.extensionId}, ready after ${Math.round(performance.now() - started)} ms`,
      };
    });
    const ff = firefox as FirefoxWithExtension | undefined;
    if (!ff) return checks;

    let installRound: Snapshot | undefined;
    await check(checks, 'the install round is stored', async () => {
      installRound = await roundAfter(ff, 0);
      const rounds = await storedRounds(ff);
      return { failures: rounds >= 1 ? [] : [`the history has ${rounds} rounds`], seen: `${rounds} round(s); network ${installRound.network.state}; ${states(installRound)}` };
    });

    await check(checks, offline ? 'with no network at all, the round says offline for every service' : 'in the lab, every service is reachable', async () => {
      const snapshot = installRound ?? (await request<Snapshot>(ff, { type: 'getSnapshot' }));
      const wanted = offline ? 'offline' : 'reachable';
      const wrong = snapshot.services.filter((service) => service.state !== wanted);
      const failures = [
        ...(snapshot.network.state === (offline ? 'offline' : 'online') ? [] : [`network ${snapshot.network.state}`]),
        ...wrong.map((service) => `${service.id} is ${service.state} (${service.components.map((component) => `${component.id}: ${component.failure ?? 'ok'}`).join(', ')})`),
        ...(snapshot.services.length === 0 ? ['no services'] : []),
      ];
      return { failures, seen: states(snapshot) };
    });

    await check(checks, '"Check now" runs a second round, stored too', async () => {
      const before = (await request<Snapshot>(ff, { type: 'getSnapshot' })).lastRoundAt ?? 0;
      const roundStarted = performance.now();
      await request(ff, { type: 'runNow' });
      const after = await roundAfter(ff, before);
      const rounds = await storedRounds(ff);
      return { failures: rounds >= 2 ? [] : [`the history has ${rounds} rounds`], seen: `${rounds} rounds; this one took ${Math.round(performance.now() - roundStarted)} ms; ${states(after)}` };
    });

    await check(checks, 'the popup lists every service with its state', async () => {
      const rows = await ff.page.evaluate(() => [...document.querySelectorAll('[data-service]')].map((row) => `${row.getAttribute('data-service')}=${row.getAttribute('data-state')}`));
      const snapshot = await request<Snapshot>(ff, { type: 'getSnapshot' });
      const expected = states(snapshot).split(' ');
      const failures = rows.length === expected.length && expected.every((entry) => rows.includes(entry)) ? [] : [`popup rows ${rows.join(' ')}, background ${expected.join(' ')}`];
      return { failures, seen: rows.join(' ') };
    });

    if (lab) {
      const inLabForRound = lab;
      await check(checks, 'a scheduled round whose history is deleted under it is followed by the next scheduled round, stored', async () => {
        // From the extension's own page (same origin), no test hook: the round alarm fires now, and
        // the database is deleted as clearing the add-on's data would (the background's connection closes).
        // First no round running: an alarm that fires while one finishes is dropped when that round
        // re-arms the schedule for later (monitor.ts onAlarm), and this check would wait for nothing.
        const idleBy = Date.now() + ROUND_DEADLINE_MS;
        while ((await request<Snapshot>(ff, { type: 'getSnapshot' })).activity.running) {
          if (Date.now() > idleBy) return ['a round was still running when the check began'];
          await new Promise((done) => setTimeout(done, 50));
        }
        // A round long enough to be seen running and to lose its history under it: WhatsApp's hosts
        // go silent after the handshake, so the round waits out its 15 s header timer. A regular
        // round that all answers is over in well under a second in the lab, sooner than one poll
        // of the snapshot from here, and this check once never saw it start.
        await inLabForRound.service('whatsapp').silence();
        const fire = () => ff.page.evaluate(() => (globalThis as unknown as { browser: FirefoxAlarms }).browser.alarms.create('round', { when: Date.now() }));
        const firedAt = Date.now();
        await fire();
        // Deleted while the round probes: its save, at the end, meets a closed connection.
        // In 3 of 5 runs on 2026-12-07 the first firing started no round within 90 s (not
        // understood: no round was running, the alarm was gone); the check fires again every
        // REFIRE_AFTER_MS and says how many firings it took, so a lost firing shows in the log.
        const deadline = Date.now() + ROUND_DEADLINE_MS;
        let firings = 1;
        let lastFiring = Date.now();
        for (;;) {
          const seen = await request<Snapshot>(ff, { type: 'getSnapshot' });
          if (seen.activity.running) break;
          if (Date.now() > deadline) {
            const alarm = await ff.page.evaluate(() => (globalThis as unknown as { browser: FirefoxAlarms }).browser.alarms.get('round'));
            return [`no round started after ${firings} firings (last round ${seen.lastRoundAt === null ? 'none' : `${Math.round(((seen.lastRoundAt ?? 0) - firedAt) / 1000)} s from the first firing`}; round alarm ${alarm ? `at ${Math.round((alarm.scheduledTime - firedAt) / 1000)} s from it` : 'none'})`];
          }
          if (Date.now() - lastFiring > REFIRE_AFTER_MS) {
            firings += 1;
            lastFiring = Date.now();
            await fire();
          }
          await new Promise((done) => setTimeout(done, 50));
        }
        await ff.page.evaluate(
          (name) =>
            new Promise<void>((resolve, reject) => {
              const deletion = indexedDB.deleteDatabase(name);
              deletion.onsuccess = () => resolve();
              deletion.onerror = () => reject(deletion.error);
            }),
          HISTORY_DB_NAME,
        );
        await inLabForRound.service('whatsapp').ok();
        const armed = await nextRoundAlarm(ff, firedAt + REARMED_AFTER_MS);
        const failures = armed === null ? [`no round alarm armed later than ${REARMED_AFTER_MS} ms after the failed round`] : [];
        if (armed === null) return failures;
        await ff.page.evaluate(() => (globalThis as unknown as { browser: FirefoxAlarms }).browser.alarms.create('round', { when: Date.now() }));
        const after = await roundAfter(ff, firedAt);
        return { failures, seen: `round started after ${firings} firing(s); re-armed ${Math.round((armed - firedAt) / 1000)} s after the failure; the next round stored at +${Math.round(((after.lastRoundAt ?? 0) - firedAt) / 1000)} s: ${states(after)}` };
      });
      const inLab = lab;
      await check(checks, 'nothing left the lab', async () => {
        const traffic = await inLab.checkTraffic();
        const failures = [
          ...(traffic.leakedPackets > 0 ? [`${traffic.leakedPackets} packets leaked`] : []),
          ...traffic.foreignDestinations.map((port) => `sent to ${port.address}:${port.port}`),
        ];
        const bytes = traffic.destinations.reduce((sum, port) => sum + port.bytesSent + port.bytesReceived, 0);
        // Firefox's own lookups (update and settings hosts) get NXDOMAIN; they are listed, not failed.
        return { failures, seen: `${traffic.destinations.length} lab destinations, ${bytes} B; names Firefox itself looked up: ${traffic.foreignNames.join(', ') || 'none'}` };
      });
    }
    return checks;
  } finally {
    await (firefox as FirefoxWithExtension | undefined)?.close().catch(() => undefined);
    await lab?.close();
  }
}

function print(checks: readonly Check[], title: string): number {
  for (const outcome of checks) {
    process.stdout.write(`${outcome.failures.length === 0 ? 'ok  ' : 'FAIL'} ${outcome.name}${outcome.seen ? `: ${outcome.seen}` : ''}\n`);
    for (const failure of outcome.failures) process.stdout.write(`       ✗ ${failure}\n`);
  }
  const failed = checks.filter((outcome) => outcome.failures.length > 0).length;
  process.stdout.write(`${title}: ${checks.length - failed} passed, ${failed} failed\n`);
  return failed;
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const offline = process.argv.includes('--offline');
  const run = async (): Promise<number> => {
    if (!(await currentLabNamespace())) return runInNamespace([process.execPath, ...process.execArgv, thisFile, ...process.argv.slice(2)]);
    process.stdout.write(`Firefox smoke run (${offline ? 'no network' : 'lab'}):\n`);
    return print(await firefoxSmoke(offline), 'firefox smoke') === 0 ? 0 : 1;
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`firefox smoke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nfirefox smoke: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
