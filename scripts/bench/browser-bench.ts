/**
 * Figures only a real browser gives, measured with the production build in Debian's Chromium
 * inside the lab's network namespace (run through `tests/lab/netns/run-in-namespace.ts`):
 * bytes per day at the defaults (`browser-bytes.ts`: rounds as the schedule spaces them, real-size
 * certificate chains, both directions, per request kind, speed samples included), a round's wall
 * time with everything up and everything black-holed, and the popup's first render with 90 days
 * of history imported. Prints one JSON object. `--bytes-only` measures the bytes and stops.
 *
 *   node --import tsx tests/lab/netns/run-in-namespace.ts -- node --import tsx scripts/bench/browser-bench.ts [<export.json>|--bytes-only]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserLab } from '../../tests/lab/netns/browser-lab';
import { launchBrowser, type LabBrowser } from '../../tests/e2e/harness/launch-browser';
import { measureBrowserBytes, send, type BrowserBytesReport } from './browser-bytes';

interface Figures {
  sweepWallMs: number;
  blackholedSweepWallMs: number;
  popupFirstRenderMs: number[];
  popupFirstPaintMs: number[];
  popupAfterLoadMs: number[];
  blankPageFirstPaintMs: number[];
  importedRounds: number;
}

/**
 * A copy of the build with one extra page: a line of text, no script, no style. Its first paint is
 * the floor for any extension page on this machine (a new renderer, the document, one frame), so
 * the popup's figure reads against it.
 */
const BLANK_PAGE = 'bench-blank.html';
function buildWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'blockwatch-bench-build-'));
  cpSync('.output/chrome-mv3', dir, { recursive: true });
  writeFileSync(join(dir, BLANK_PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blockwatch</title></head><body><p>Blockwatch</p></body></html>');
  return dir;
}

/** The first contentful paint of an extension page, ms from navigation start. */
async function firstPaintOf(browser: LabBrowser, path: string): Promise<number> {
  const page = await browser.openPage(path);
  try {
    return await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
  } finally {
    await page.close();
  }
}

/** `chrome` inside the browser realm (the callbacks given to `evaluate` run there). */
interface InBrowser {
  readonly chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    alarms: { create(name: string, info: { when: number }): Promise<void> };
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * The popup's first paint and its first rows, ms from navigation start: the browser's own
 * first-contentful-paint entry (the header and "Loading…", painted before any answer from the
 * background), and the popup's mark when the rows are rendered (`FIRST_ROWS_MARK`, after the
 * snapshot came back); plus the rows after DOMContentLoaded (the part that is the popup's own work:
 * asking for the snapshot, rendering).
 */
async function popupFirstRender(browser: LabBrowser): Promise<{ firstPaint: number; fromStart: number; afterLoad: number }> {
  const page = await browser.openPage('popup.html');
  try {
    await page.waitForSelector('[data-service][data-state]');
    return await page.evaluate(async (mark) => {
      // The paint entry is queued with the frame: wait for it rather than read too early.
      const paint = await new Promise<number>((resolve) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      });
      const rows = performance.getEntriesByName(mark)[0]?.startTime ?? NaN;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { firstPaint: paint, fromStart: rows, afterLoad: rows - (navigation?.domContentLoadedEventEnd ?? NaN) };
    }, 'blockwatch-popup-first-rows');
  } finally {
    await page.close();
  }
}

/** Waits for the install round (a Check now the extension runs by itself) to end. */
async function installRound(browser: LabBrowser): Promise<void> {
  for (let wait = 0; wait < 600; wait += 1) {
    const snapshot = (await send(browser, { type: 'getSnapshot' })) as { lastRoundAt?: number; activity: { running: boolean } };
    if (snapshot.lastRoundAt !== undefined && !snapshot.activity.running) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the install round did not finish in 2 min');
}

async function main(): Promise<void> {
  const bytesOnly = process.argv[2] === '--bytes-only';
  const exportPath = bytesOnly ? undefined : process.argv[2];
  const lab = await startBrowserLab();
  const build = buildWithBlankPage();
  const browser = await launchBrowser({ extensionDir: build });
  const figures: Figures = { sweepWallMs: 0, blackholedSweepWallMs: 0, popupFirstRenderMs: [], popupFirstPaintMs: [], popupAfterLoadMs: [], blankPageFirstPaintMs: [], importedRounds: 0 };
  let bytes: BrowserBytesReport;
  try {
    await installRound(browser);
    bytes = await measureBrowserBytes(lab, browser, 'RU');
    if (bytesOnly) {
      process.stdout.write(`${JSON.stringify({ bytesPerDayAtDefaults: bytes.bytesPerDayAtDefaults, bytes })}\n`);
      return;
    }

    const started = Date.now();
    await send(browser, { type: 'runNow' });
    figures.sweepWallMs = Date.now() - started;

    await lab.everything().blackhole();
    await browser.clearHostCache();
    await browser.closeIdleSockets();
    const blackholedStarted = Date.now();
    await send(browser, { type: 'runNow' });
    figures.blackholedSweepWallMs = Date.now() - blackholedStarted;
    await lab.reset();

    if (exportPath) {
      const text = readFileSync(exportPath, 'utf8');
      const imported = (await send(browser, { type: 'importData', text })) as { ok: boolean; report?: { rounds: number } };
      figures.importedRounds = imported.report?.rounds ?? 0;
      for (let i = 0; i < 9; i += 1) {
        const render = await popupFirstRender(browser);
        figures.popupFirstRenderMs.push(render.fromStart);
        figures.popupFirstPaintMs.push(render.firstPaint);
        figures.popupAfterLoadMs.push(render.afterLoad);
        figures.blankPageFirstPaintMs.push(await firstPaintOf(browser, BLANK_PAGE));
      }
    }
  } finally {
    await browser.close();
    await lab.close();
    rmSync(build, { recursive: true, force: true });
  }
  process.stdout.write(
    `${JSON.stringify({
      bytesPerDayAtDefaults: bytes.bytesPerDayAtDefaults,
      bytes,
      sweepWallMs: figures.sweepWallMs,
      blackholedSweepWallMs: figures.blackholedSweepWallMs,
      importedRounds: figures.importedRounds,
      popupFirstRenderMsMedian: median(figures.popupFirstRenderMs),
      popupFirstRenderMs: figures.popupFirstRenderMs,
      popupFirstPaintMsMedian: median(figures.popupFirstPaintMs),
      popupFirstPaintMs: figures.popupFirstPaintMs,
      popupAfterLoadMsMedian: median(figures.popupAfterLoadMs),
      blankPageFirstPaintMsMedian: median(figures.blankPageFirstPaintMs),
    })}\n`,
  );
}

await main();
