/**
 * Alerts without a click, in the browser (issue 11, item 3): the production build is installed in
 * Debian's Chromium inside the lab's network namespace and runs its first round on its own; at a
 * random moment of the round interval that follows, WhatsApp's names stop resolving (as in Russia
 * on 2026-02-11), with Chromium's DNS cache and idle connections left as they are. Nobody clicks
 * and no Blockwatch page is open: the worker's own alarms run every round. Measures block start →
 * the "blocked" notification, read from the background as a person would see it appear.
 *
 * One trial per process (each in its own namespace); `run.ts` starts several at once, since a
 * trial mostly waits on alarms. Prints one JSON object.
 *
 *   node --import tsx tests/lab/netns/run-in-namespace.ts -- node --import tsx scripts/bench/browser-unattended.ts
 */
import { CONFIRM_BAD_OF, CONFIRM_WINDOW, ROUND_INTERVAL_MIN } from '../../src/defaults';
import { launchBrowser } from '../../tests/e2e/harness/launch-browser';
import { startBrowserLab } from '../../tests/lab/netns/browser-lab';

/** How often the notification tray is read, ms: the resolution of the figure. */
const POLL_MS = 1_000;
/** Give up this long after the block started, ms: twice the aim (7.5 min) is a broken product, not a figure. */
const GIVE_UP_MS = 15 * 60_000;
/** Give up waiting for a clean, settled schedule after install this long, ms (three round intervals). */
const SETTLE_GIVE_UP_MS = 3 * ROUND_INTERVAL_MIN * 60_000;

export interface UnattendedTrial {
  /** ms from the end of the install round to the block's start. */
  readonly blockAfterInstallMs: number;
  /** Block start → notification, ms; null when none came within GIVE_UP_MS. */
  readonly latencyMs: number | null;
  /** What was notified (ids). */
  readonly notified: readonly string[];
  /** Every stored round from the install on: its start relative to the block's start (ms, negative before it) and WhatsApp's verdict there. */
  readonly rounds: readonly { readonly atMs: number; readonly whatsapp: string }[];
}

interface ExportedRounds {
  readonly rounds: readonly { readonly roundId: number }[];
  readonly verdicts: readonly { readonly s: string; readonly r: number; readonly st?: string; readonly h?: string }[];
}

/** `chrome` inside the worker (the callbacks given to `evaluate` run there). */
interface InWorker {
  readonly chrome: {
    notifications: { getAll(): Promise<Record<string, unknown>> };
    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
    runtime: { sendMessage(message: unknown): Promise<unknown> };
  };
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Every stored round, oldest first: its start and WhatsApp's verdict there. */
async function exportedRounds(ask: (message: object) => Promise<unknown>): Promise<{ at: number; whatsapp: string }[]> {
  const file = (await ask({ type: 'exportData', format: 'json', full: true })) as { text: string } | undefined;
  const exported = JSON.parse(file?.text ?? '{"rounds":[],"verdicts":[]}') as ExportedRounds;
  return exported.rounds
    .map((round) => {
      const verdict = exported.verdicts.find((entry) => entry.s === 'whatsapp' && entry.r === round.roundId);
      return { at: round.roundId, whatsapp: verdict ? `${verdict.st ?? 'reachable'}${verdict.h ? `:${verdict.h}` : ''}` : 'not probed' };
    })
    .sort((a, b) => a.at - b.at);
}

async function main(): Promise<void> {
  // A person in Moscow: the build guesses Russia from the time zone (the domestic controls are Russian).
  process.env.TZ = 'Europe/Moscow';
  const lab = await startBrowserLab();
  const browser = await launchBrowser({ extensionDir: process.env.BLOCKWATCH_EXTENSION_DIR ?? '.output/chrome-mv3' });
  try {
    // The install round runs on its own. The extension's own page (no script of its own) reads the
    // state until the schedule has settled: nothing left to confirm, and WhatsApp clean in enough
    // recent rounds (a busy machine can make the first rounds fail) that only the block's own
    // rounds can confirm it.
    const control = await browser.openPage('manifest.json');
    const ask = async (message: object): Promise<unknown> => {
      const answer = (await control.evaluate((outgoing) => (globalThis as unknown as InWorker).chrome.runtime.sendMessage(outgoing), message as Record<string, unknown>)) as { ok: boolean; value?: unknown } | undefined;
      return answer?.ok ? answer.value : undefined;
    };
    const settleDeadline = Date.now() + SETTLE_GIVE_UP_MS;
    for (;;) {
      if (Date.now() > settleDeadline) throw new Error('the schedule never settled with WhatsApp clean');
      await sleep(2_000);
      const snapshot = (await ask({ type: 'getSnapshot' })) as { lastRoundAt?: number; activity: { running: boolean } } | undefined;
      if (snapshot?.lastRoundAt === undefined || snapshot.activity.running) continue;
      const confirmOwed = await browser.evaluate(async () => (await (globalThis as unknown as InWorker).chrome.alarms.get('confirm')) !== undefined, undefined);
      if (confirmOwed) continue;
      const exported = await exportedRounds(ask);
      // With the last CONFIRM_WINDOW − CONFIRM_BAD_OF + 1 rounds clean, an earlier bad round can no
      // longer count towards the block's confirmation (3 of 4: the last two).
      if (exported.slice(-(CONFIRM_WINDOW - CONFIRM_BAD_OF + 1)).every((round) => round.whatsapp === 'reachable')) break;
    }
    await control.close();
    const installedAt = Date.now();
    // The block starts at a uniformly random moment of the round interval that follows.
    const blockAfterInstallMs = Math.random() * ROUND_INTERVAL_MIN * 60_000;
    await sleep(blockAfterInstallMs);
    await lab.service('whatsapp').dns().nxdomain();
    const blockAt = Date.now();

    let notified: string[] = [];
    while (Date.now() - blockAt < GIVE_UP_MS) {
      notified = await browser.evaluate(async () => Object.keys(await (globalThis as unknown as InWorker).chrome.notifications.getAll()), undefined);
      if (notified.some((id) => id.startsWith('whatsapp|blocked'))) break;
      await sleep(POLL_MS);
    }
    const notifiedAt = notified.some((id) => id.startsWith('whatsapp|blocked')) ? Date.now() : null;
    // The evidence, read after the fact from the build's own export (as the history page offers it).
    const page = await browser.openPage('manifest.json');
    const rounds = await exportedRounds(async (message) => {
      const answer = (await page.evaluate((outgoing) => (globalThis as unknown as InWorker).chrome.runtime.sendMessage(outgoing), message as Record<string, unknown>)) as { ok: boolean; value?: unknown } | undefined;
      return answer?.ok ? answer.value : undefined;
    });
    await page.close();
    const trial: UnattendedTrial = {
      blockAfterInstallMs: blockAt - installedAt,
      latencyMs: notifiedAt === null ? null : notifiedAt - blockAt,
      notified,
      rounds: rounds.map((round) => ({ atMs: round.at - blockAt, whatsapp: round.whatsapp })),
    };
    process.stdout.write(`${JSON.stringify(trial)}\n`);
  } finally {
    await browser.close();
    await lab.close();
  }
}

await main();
