/**
 * The browser lab's self-test: each kind of censorship the lab plays, met by a real Chromium
 * through the probe fixture, must look the way docs/sources.md#browser-lab says it looks to an
 * extension — and the lab itself (isolation, scenario switches, worker stop, browser restart,
 * traffic accounting) must work. One command, as root:
 *
 *   node --import tsx tests/e2e/lab-selftest.ts
 *
 * Outside a lab namespace it re-runs itself inside a fresh one (run-in-namespace.ts) and exits
 * with its status. It prints what Chromium said for each behaviour, with times, and a last line
 * `lab self-test: N passed, M failed`; the exit status is 0 only when nothing failed.
 */
import { fileURLToPath } from 'node:url';
import { startBrowserLab, type BrowserLab } from '../lab/netns/browser-lab';
import { currentLabNamespace } from '../lab/netns/namespace';
import { runInNamespace } from '../lab/netns/run-in-namespace';
import { THROTTLE_BYTES_PER_SECOND } from '../lab/servers/throttle';
import { STALL_AFTER_BYTES } from '../lab/servers/stall';
import { launchBrowser, type LabBrowser } from './harness/launch-browser';
import { PROBE_EXTENSION_DIR, probe, recall, remember, type ProbeResult, type ProbeSpec } from './harness/probe-fixture';

/** The fixture's own timer, ms: what "our timer" means in the table. */
const PROBE_TIMEOUT_MS = 10_000;
/** A shorter timer for the scope checks, where only "no answer" matters, ms. */
const SHORT_TIMEOUT_MS = 3_000;
/** The throttle may deliver at most this multiple of its nominal rate: a policer that lets more through is not one. */
const THROTTLE_TOLERANCE = 2;
/** Bytes fetched through the throttle: 64 KiB takes ~4 s at 128 kbit/s, inside the 10 s timer. */
const THROTTLE_SAMPLE_BYTES = 64 * 1024;
/** Chromium learns of a link change through netlink, asynchronously: probes are repeated this often, and at most this many times. */
const LINK_CHANGE_POLL_MS = 250;
const LINK_CHANGE_POLLS = 40;
/** An address outside every lab range: no route leads there. */
const UNROUTED_ADDRESS = '203.0.113.7';

type Failures = string[];

interface ProbeCase {
  /** What the network does. */
  readonly network: string;
  readonly setup?: (lab: BrowserLab) => Promise<void>;
  readonly spec: ProbeSpec;
  readonly expect: (result: ProbeResult, lab: BrowserLab) => Failures;
}

interface Outcome {
  readonly name: string;
  readonly failures: Failures;
  /** What Chromium said, and when (for the table). */
  readonly seen?: string;
  readonly timeMs?: number;
  readonly url?: string;
}

// ---- expectations -------------------------------------------------------------------------

const status =
  (code: number) =>
  (result: ProbeResult): Failures =>
    result.status === code ? [] : [`expected HTTP ${code}, got ${describe(result)}`];

const chromeError =
  (error: string) =>
  (result: ProbeResult): Failures =>
    result.chromeError === error && result.status === undefined ? [] : [`expected ${error}, got ${describe(result)}`];

/** Our timer fired before any answer; Chromium reports its own cancellation. */
const ourTimerFired = (result: ProbeResult): Failures =>
  result.timedOut && result.status === undefined && result.chromeError === 'net::ERR_ABORTED'
    ? []
    : [`expected net::ERR_ABORTED when our timer fired, got ${describe(result)}`];

const bodyIncludes =
  (text: string) =>
  (result: ProbeResult): Failures =>
    result.bodySample?.includes(text) ? [] : [`body lacks ${JSON.stringify(text)}: ${JSON.stringify(result.bodySample?.slice(0, 160))}`];

const connectedTo =
  (address: string) =>
  (result: ProbeResult): Failures =>
    result.ip === address ? [] : [`expected a connection to ${address}, Chromium says ${result.ip ?? 'none'}`];

function all(...checks: ((result: ProbeResult, lab: BrowserLab) => Failures)[]) {
  return (result: ProbeResult, lab: BrowserLab): Failures => checks.flatMap((check) => check(result, lab));
}

function describe(result: ProbeResult): string {
  if (result.status !== undefined) return `HTTP ${result.status}${result.bodyError ? ` then ${result.chromeError ?? result.bodyError.name}` : ''}`;
  return `${result.chromeError ?? 'no webRequest error'} (fetch: ${result.error?.name ?? 'none'}${result.timedOut ? ', our timer' : ''})`;
}

function seenOf(result: ProbeResult): { seen: string; timeMs?: number } {
  if (result.status === undefined) {
    const timeMs = result.errorMs;
    return { seen: `\`${result.chromeError ?? result.error?.name ?? '?'}\`${result.timedOut ? ' (our timer)' : ''}`, ...(timeMs !== undefined ? { timeMs } : {}) };
  }
  const parts = [`${result.status}`];
  if (result.bodyBytes !== undefined) parts.push(`${result.bodyBytes} B body`);
  if (result.bodyError) parts.push(`then \`${result.chromeError ?? result.bodyError.name}\`${result.timedOut ? ' (our timer)' : ''}`);
  const timeMs = result.bodyErrorMs ?? result.bodyDoneMs ?? result.headersMs;
  return { seen: parts.join(', '), ...(timeMs !== undefined ? { timeMs } : {}) };
}

/** Body goodput after the first chunk, kbit/s (1 kbit = 1024 bit, as the throttle is set). */
function goodputKbps(result: ProbeResult): number | undefined {
  const progress = result.progress ?? [];
  const first = progress[0];
  const last = progress[progress.length - 1];
  if (!first || !last || last[0] <= first[0]) return undefined;
  return ((last[1] - first[1]) * 8) / 1024 / ((last[0] - first[0]) / 1000);
}

// ---- the behaviours, all probed at once on distinct hosts ----------------------------------

function probeCases(lab: BrowserLab): Record<string, ProbeCase> {
  const redirectHost = lab.node.blockpage.redirectHost;
  const marker = lab.node.blockpage.marker;
  return {
    'ok over https (lab CA trusted)': {
      network: 'works',
      spec: { url: 'https://web.whatsapp.com/' },
      expect: all(status(200), bodyIncludes('web.whatsapp.com works'), connectedTo(lab.addressOf('web.whatsapp.com'))),
    },
    'HSTS upgrade of http://web.whatsapp.com': {
      network: 'works; the URL is plain http on an HSTS-preloaded name',
      spec: { url: 'http://web.whatsapp.com/' },
      expect: all(status(200), (result) => {
        const upgraded = result.events.some((event) => event.type === 'beforeRedirect' && event.redirectUrl?.startsWith('https://web.whatsapp.com/'));
        const final = result.finalUrl?.startsWith('https://') ?? false;
        return upgraded && final ? [] : [`expected an internal redirect to https, got events ${JSON.stringify(result.events.map((event) => event.type))}, final URL ${result.finalUrl}`];
      }),
    },
    'plain-HTTP POST to a Telegram DC': {
      network: 'works (HTTP on port 443 of an IP literal)',
      spec: { url: 'http://149.154.167.51:443/', method: 'POST', body: '' },
      expect: all(status(200), connectedTo('149.154.167.51')),
    },
    'DNS NXDOMAIN': {
      network: 'NXDOMAIN (with SOA)',
      setup: (l) => l.dns('web.telegram.org').nxdomain(),
      spec: { url: 'https://web.telegram.org/' },
      expect: chromeError('net::ERR_NAME_NOT_RESOLVED'),
    },
    'DNS SERVFAIL': {
      network: 'SERVFAIL',
      setup: (l) => l.dns('www.viber.com').servfail(),
      spec: { url: 'https://www.viber.com/' },
      expect: chromeError('net::ERR_NAME_NOT_RESOLVED'),
    },
    'DNS silent': {
      network: 'no DNS answer',
      setup: (l) => l.dns('chatapi.viber.com').silent(),
      spec: { url: 'https://chatapi.viber.com/' },
      expect: ourTimerFired,
    },
    'DNS lie to the blockpage, plain HTTP': {
      network: 'DNS answers 10.10.34.34',
      setup: (l) => l.dns('t.me').bogus(),
      spec: { url: 'http://t.me/' },
      expect: all(status(200), bodyIncludes(marker), bodyIncludes('Доступ ограничен'), connectedTo('10.10.34.34')),
    },
    'DNS lie on an HSTS-preloaded name': {
      network: 'DNS answers 10.10.34.34',
      setup: (l) => l.dns('www.whatsapp.com').bogus(),
      spec: { url: 'https://www.whatsapp.com/' },
      expect: chromeError('net::ERR_CERT_COMMON_NAME_INVALID'),
    },
    'connection refused': {
      network: 'RST to the SYN',
      setup: (l) => l.host('discord.com').refuse(),
      spec: { url: 'https://discord.com/' },
      expect: chromeError('net::ERR_CONNECTION_REFUSED'),
    },
    'black hole': {
      network: 'SYNs dropped',
      setup: (l) => l.host('x.com').blackhole(),
      spec: { url: 'https://x.com/' },
      expect: ourTimerFired,
    },
    'reset after ClientHello': {
      network: 'RST after the first bytes',
      setup: (l) => l.host('signal.org').reset(),
      spec: { url: 'https://signal.org/' },
      expect: chromeError('net::ERR_CONNECTION_RESET'),
    },
    'close after ClientHello': {
      network: 'FIN after the first bytes',
      setup: (l) => l.host('updates.signal.org').close(),
      spec: { url: 'https://updates.signal.org/' },
      expect: chromeError('net::ERR_CONNECTION_CLOSED'),
    },
    'silence after ClientHello': {
      network: 'accepts, never answers',
      setup: (l) => l.host('api.x.com').silence(),
      spec: { url: 'https://api.x.com/' },
      expect: ourTimerFired,
    },
    'certificate: unknown authority': {
      network: 'self-signed certificate',
      setup: (l) => l.host('www.instagram.com').wrongCert('self-signed'),
      spec: { url: 'https://www.instagram.com/' },
      expect: chromeError('net::ERR_CERT_AUTHORITY_INVALID'),
    },
    'certificate: another name': {
      network: 'lab-CA certificate for another name',
      setup: (l) => l.host('www.facebook.com').wrongCert('wrong-name'),
      spec: { url: 'https://www.facebook.com/' },
      expect: chromeError('net::ERR_CERT_COMMON_NAME_INVALID'),
    },
    'certificate: expired': {
      network: 'expired lab-CA certificate',
      setup: (l) => l.host('www.messenger.com').wrongCert('expired'),
      spec: { url: 'https://www.messenger.com/' },
      expect: chromeError('net::ERR_CERT_DATE_INVALID'),
    },
    'blockpage on a plain-HTTP name': {
      network: 'the answer replaced by a blockpage',
      setup: (l) => l.host('detectportal.firefox.com').blockpage(),
      spec: { url: 'http://detectportal.firefox.com/success.txt' },
      expect: all(status(200), bodyIncludes(marker)),
    },
    'blockpage on an IP literal': {
      network: 'the answer replaced by a blockpage',
      setup: (l) => l.address('149.154.167.91').blockpage(),
      spec: { url: 'http://149.154.167.91:443/', method: 'POST', body: '' },
      expect: all(status(200), bodyIncludes(marker)),
    },
    'redirect to a blockpage host': {
      network: `302 to ${redirectHost}`,
      setup: (l) => l.host('www.msftconnecttest.com').redirectToBlockpage(),
      spec: { url: 'http://www.msftconnecttest.com/connecttest.txt' },
      expect: all(status(200), bodyIncludes(marker), (result) =>
        result.finalUrl && new URL(result.finalUrl).hostname === redirectHost ? [] : [`expected to end on ${redirectHost}, ended on ${result.finalUrl}`],
      ),
    },
    'stall after 16 KiB': {
      network: 'headers and 16 KiB, then nothing',
      setup: (l) => l.host('td.telegram.org').stall(),
      spec: { url: 'https://td.telegram.org/__object' },
      expect: (result) => {
        const failures: Failures = [];
        if (result.status !== 200) failures.push(`expected headers (200), got ${describe(result)}`);
        if (result.bodyBytes !== STALL_AFTER_BYTES) failures.push(`expected exactly ${STALL_AFTER_BYTES} body bytes, got ${result.bodyBytes}`);
        if (!result.timedOut || !result.bodyError) failures.push('expected the body read to end at our timer');
        return failures;
      },
    },
    'throttle to 128 kbit/s': {
      network: 'body paced at 128 kbit/s',
      setup: (l) => l.host('speed.cloudflare.com').throttle(),
      spec: { url: `https://speed.cloudflare.com/__object/${THROTTLE_SAMPLE_BYTES}` },
      expect: (result) => {
        const failures: Failures = [];
        if (result.status !== 200 || result.bodyBytes !== THROTTLE_SAMPLE_BYTES) failures.push(`expected all ${THROTTLE_SAMPLE_BYTES} bytes, got ${describe(result)} with ${result.bodyBytes} B`);
        const rate = goodputKbps(result);
        const nominal = (THROTTLE_BYTES_PER_SECOND * 8) / 1024;
        if (rate === undefined || rate > nominal * THROTTLE_TOLERANCE) failures.push(`goodput ${rate?.toFixed(0)} kbit/s is not throttled to ~${nominal} kbit/s`);
        return failures;
      },
    },
    'service down (503)': {
      network: 'HTTP 503',
      setup: (l) => l.host('www.youtube.com').serverError(),
      spec: { url: 'https://www.youtube.com/' },
      expect: status(503),
    },
    'Range request': {
      network: 'works',
      spec: { url: 'https://dl.google.com/__object', headers: { Range: 'bytes=0-1023' } },
      expect: all(status(206), (result) => (result.bodyBytes === 1024 ? [] : [`expected 1024 bytes, got ${result.bodyBytes}`])),
    },
    'no route to the address': {
      network: 'an address outside the lab',
      spec: { url: `http://${UNROUTED_ADDRESS}/` },
      expect: chromeError('net::ERR_ADDRESS_UNREACHABLE'),
    },
  };
}

async function runProbeCases(lab: BrowserLab, browser: LabBrowser): Promise<Outcome[]> {
  const cases = Object.entries(probeCases(lab));
  for (const [, probeCase] of cases) await probeCase.setup?.(lab);
  const results = await Promise.all(cases.map(([, probeCase]) => probe(browser, { timeoutMs: PROBE_TIMEOUT_MS, ...probeCase.spec })));
  return cases.map(([name, probeCase], index) => {
    const result = results[index] as ProbeResult;
    const failures = probeCase.expect(result, lab);
    const rate = name.startsWith('throttle') ? goodputKbps(result) : undefined;
    const { seen, timeMs } = seenOf(result);
    return {
      name,
      failures,
      seen: `${seen}${rate !== undefined ? `, ${rate.toFixed(0)} kbit/s` : ''}`,
      ...(timeMs !== undefined ? { timeMs } : {}),
      url: `${probeCase.spec.method ?? 'GET'} ${probeCase.spec.url} — ${probeCase.network}`,
    };
  });
}

// ---- the lab's own machinery ----------------------------------------------------------------

async function probeUntil(browser: LabBrowser, spec: ProbeSpec, done: (result: ProbeResult) => boolean): Promise<ProbeResult> {
  let result = await probe(browser, spec);
  for (let poll = 1; poll < LINK_CHANGE_POLLS && !done(result); poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, LINK_CHANGE_POLL_MS));
    result = await probe(browser, spec);
  }
  return result;
}

async function check(name: string, run: () => Promise<Failures | { failures: Failures; seen: string }>): Promise<Outcome> {
  const started = performance.now();
  const timeMs = () => Math.round(performance.now() - started);
  try {
    const outcome = await run();
    return Array.isArray(outcome) ? { name, failures: outcome, timeMs: timeMs() } : { name, failures: outcome.failures, seen: outcome.seen, timeMs: timeMs() };
  } catch (error) {
    return { name, failures: [`threw: ${error instanceof Error ? error.message : String(error)}`], timeMs: timeMs() };
  }
}

async function machineryChecks(lab: BrowserLab, browserAtStart: LabBrowser): Promise<{ outcomes: Outcome[]; browser: LabBrowser }> {
  let browser = browserAtStart;
  const outcomes: Outcome[] = [];
  const short = (url: string, extra: Partial<ProbeSpec> = {}): ProbeSpec => ({ url, timeoutMs: SHORT_TIMEOUT_MS, ...extra });

  outcomes.push(
    await check('traffic after the behaviours: nothing left the lab', async () => {
      const traffic = await lab.checkTraffic();
      const blackholed = traffic.destinations.find((port) => port.address === lab.addressOf('x.com') && port.port === 443);
      const failures: Failures = [];
      if (!traffic.clean) failures.push(`leaked ${traffic.leakedPackets} packets; foreign names ${traffic.foreignNames.join(', ') || 'none'}; foreign destinations ${traffic.foreignDestinations.map((port) => `${port.address}:${port.port}`).join(', ') || 'none'}`);
      if (!blackholed || blackholed.synPackets === 0) failures.push('the black-holed x.com:443 shows no SYNs');
      const queries = (name: string) => lab.dnsQueries().filter((query) => query.name === name).length;
      const sent = traffic.destinations.reduce((sum, port) => sum + port.bytesSent, 0);
      const received = traffic.destinations.reduce((sum, port) => sum + port.bytesReceived, 0);
      return {
        failures,
        seen: `${traffic.destinations.length} lab destinations, ${sent} B sent, ${received} B received; ${blackholed?.synPackets ?? 0} SYNs to black-holed x.com:443; reset signal.org: ${lab.node.connections('signal.org')} connections; DNS queries for one fetch: ${queries('web.telegram.org')} (NXDOMAIN), ${queries('chatapi.viber.com')} (silent); Chromium's own lookups: ${traffic.chromiumOwnQueries}`,
      };
    }),
  );

  outcomes.push(
    await check('a DNS change is seen after clearing Chromium\'s host cache', async () => {
      await lab.dns('web.telegram.org').answer();
      await browser.clearHostCache();
      return status(200)(await probe(browser, short('https://web.telegram.org/')));
    }),
  );

  outcomes.push(
    await check('offline device: ERR_INTERNET_DISCONNECTED, then back online', async () => {
      await lab.offline();
      const offline = await probeUntil(browser, short('https://web.whatsapp.com/'), (r) => r.chromeError === 'net::ERR_INTERNET_DISCONNECTED');
      await lab.online();
      const online = await probeUntil(browser, short('https://web.whatsapp.com/'), (r) => r.status === 200);
      return [...chromeError('net::ERR_INTERNET_DISCONNECTED')(offline), ...status(200)(online)];
    }),
  );

  outcomes.push(
    await check("lab.service('telegram').blackhole() spares other services", async () => {
      await lab.service('telegram').blackhole();
      await browser.closeIdleSockets();
      const [dc, web, other] = await Promise.all([
        probe(browser, short('http://149.154.167.51:443/', { method: 'POST', body: '' })),
        probe(browser, short('https://web.telegram.org/')),
        probe(browser, short('https://web.whatsapp.com/')),
      ]);
      return [...ourTimerFired(dc), ...ourTimerFired(web), ...status(200)(other)];
    }),
  );

  outcomes.push(
    await check("lab.controls('intl').blackhole() spares the domestic controls", async () => {
      await lab.controls('intl').blackhole();
      const [intl, domestic] = await Promise.all([
        probe(browser, short('http://connectivitycheck.gstatic.com/generate_204')),
        probe(browser, short('https://ya.ru/')),
      ]);
      return [...ourTimerFired(intl), ...status(200)(domestic)];
    }),
  );

  outcomes.push(
    await check('lab.everything().down(), then lab.reset()', async () => {
      await lab.everything().down();
      await browser.clearHostCache();
      const [named, literal] = await Promise.all([
        probe(browser, short('https://ya.ru/')),
        probe(browser, short('http://149.154.175.50:443/', { method: 'POST', body: '' })),
      ]);
      await lab.reset();
      await browser.clearHostCache();
      await browser.closeIdleSockets();
      const back = await probe(browser, short('https://ya.ru/'));
      return [...ourTimerFired(named), ...ourTimerFired(literal), ...status(200)(back)];
    }),
  );

  outcomes.push(
    await check("an extension page opens in a tab", async () => {
      const page = await browser.openPage('manifest.json');
      const text = (await page.textContent('body')) ?? '';
      await page.close();
      return text.includes('Blockwatch lab probe') ? [] : [`the page shows ${JSON.stringify(text.slice(0, 80))}`];
    }),
  );

  outcomes.push(
    await check('worker stopped: memory lost, IndexedDB kept, probes work again', async () => {
      await remember(browser, 'kept');
      await browser.stopWorker();
      const recalled = await recall(browser);
      const after = await probe(browser, short('https://web.whatsapp.com/'));
      const failures: Failures = [];
      if (recalled.stored !== 'kept') failures.push(`IndexedDB lost the value: ${JSON.stringify(recalled)}`);
      if (recalled.memory !== null) failures.push(`the worker kept its memory, so it was not stopped: ${JSON.stringify(recalled)}`);
      return [...failures, ...status(200)(after)];
    }),
  );

  outcomes.push(
    await check('browser restarted with the same profile', async () => {
      const before = browser.extensionId;
      browser = await browser.relaunch();
      const recalled = await recall(browser);
      const after = await probe(browser, short('https://web.whatsapp.com/'));
      const failures: Failures = [];
      if (browser.extensionId !== before) failures.push(`extension id changed: ${before} → ${browser.extensionId}`);
      if (recalled.stored !== 'kept') failures.push(`IndexedDB lost the value across the restart: ${JSON.stringify(recalled)}`);
      return [...failures, ...status(200)(after)];
    }),
  );

  outcomes.push(
    await check('traffic at the end: nothing left the lab; the servers met no problem', async () => {
      const traffic = await lab.checkTraffic();
      const failures: Failures = [];
      if (!traffic.clean) failures.push(`leaked ${traffic.leakedPackets}; foreign names ${traffic.foreignNames.join(', ') || 'none'}`);
      const errors = lab.errors();
      if (errors.length > 0) failures.push(`lab errors: ${errors.map((error) => error.message).join('; ')}`);
      return failures;
    }),
  );

  return { outcomes, browser };
}

// ---- report -----------------------------------------------------------------------------------

function print(outcomes: readonly Outcome[], title: string): void {
  process.stdout.write(`\n${title}\n`);
  for (const outcome of outcomes) {
    const mark = outcome.failures.length === 0 ? 'ok  ' : 'FAIL';
    const time = outcome.timeMs !== undefined ? ` [${outcome.timeMs} ms]` : '';
    process.stdout.write(`${mark} ${outcome.name}: ${outcome.seen ?? ''}${time}\n`);
    if (outcome.url) process.stdout.write(`       ${outcome.url}\n`);
    for (const failure of outcome.failures) process.stdout.write(`       ✗ ${failure}\n`);
  }
}

async function main(): Promise<number> {
  const started = performance.now();
  const lab = await startBrowserLab();
  const labReady = performance.now();
  let browser: LabBrowser | undefined;
  try {
    browser = await launchBrowser({ extensionDir: PROBE_EXTENSION_DIR });
    const browserReady = performance.now();
    process.stdout.write(
      `lab self-test in ${lab.namespace}: lab ready in ${Math.round(labReady - started)} ms (${lab.names.size} names), Chromium and the fixture's worker in ${Math.round(browserReady - labReady)} ms\n`,
    );
    const behaviours = await runProbeCases(lab, browser);
    print(behaviours, `What Chromium says for each behaviour (fixture timer ${PROBE_TIMEOUT_MS} ms):`);
    const machinery = await machineryChecks(lab, browser);
    browser = machinery.browser;
    print(machinery.outcomes, 'The lab itself:');
    const outcomes = [...behaviours, ...machinery.outcomes];
    const failed = outcomes.filter((outcome) => outcome.failures.length > 0).length;
    process.stdout.write(
      `\nlab self-test: ${outcomes.length - failed} passed, ${failed} failed (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await lab.close();
  }
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const run = async (): Promise<number> => {
    if (await currentLabNamespace()) return main();
    // Not inside a lab namespace yet: run this same file, the same way, inside a fresh one.
    return runInNamespace([process.execPath, ...process.execArgv, thisFile, ...process.argv.slice(2)]);
  };
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`lab self-test: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\nlab self-test: 0 passed, 1 failed\n`);
      process.exit(1);
    },
  );
}
