/**
 * Which of the scenario files (`tests/e2e/scenarios/`) the Firefox run runs, and why the others
 * do not. The files are the same ones Chromium runs; `BLOCKWATCH_BROWSER=firefox` only changes
 * the browser under them (tests/e2e/harness/blockwatch.ts).
 */

/** Run in Firefox ESR in every Firefox run (`run.ts`, CI). */
export const FIREFOX_SCENARIOS: readonly string[] = [
  'all-reachable',
  'dns-block',
  'reset-block',
  'blockpage',
  'partial',
  'interception',
  'dns-lie-filter',
  'proxy-app',
  'allowlist',
  'flapping',
  'block-starts-and-ends',
];

/**
 * Each in a namespace of its own beside the lanes of the others (harness/files-in-lanes.ts
 * `waiting`) when they run: they spend minutes waiting on the product's confirmation alarms and on
 * 128 kbit/s or frozen transfers, and little CPU. Both pass in Firefox (6 of 6 each, 2026-12-07)
 * but stretch the Firefox phase by a minute, so CI leaves them to BLOCKWATCH_FIREFOX_LONG=1.
 */
export const FIREFOX_WAITING_SCENARIOS: readonly string[] = ['throttle', 'stall'];

/**
 * Apply to Firefox and pass there, but left out of the CI run to keep the Firefox lane within
 * ~10 minutes: each waits out the product's 15 s timers round after round (~2 min or more each on
 * 2 shared cores). `BLOCKWATCH_FIREFOX_LONG=1` runs them too.
 */
export const FIREFOX_LONG_SCENARIOS: Readonly<Record<string, string>> = {
  'connect-block': 'a black hole: every round waits out the 15 s header timer',
  'network-down': 'a silent upstream: three rounds of 15 s timers on every service',
  'vpn-exit': 'ten rounds; the path switch itself is proven in Firefox by proxy-app',
};

/** Not run in Firefox, each with the reason (tests/e2e/README.md lists them too). */
export const NOT_IN_FIREFOX: Readonly<Record<string, string>> = {
  'worker-restart': 'stops an MV3 service worker; the Firefox build is MV2 with a persistent background page, which is never stopped',
  'browser-restart': 'relaunches the same profile; the lab installs the add-on as a temporary one, which Firefox removes when it closes',
  'round-fault': 'the same case (history deleted under a scheduled round) is a check of the Firefox smoke run (smoke.ts)',
  'wire-identity': 'Chromium-specific headers; Firefox has its own wire check (wire.ts)',
  screenshots: 'Chromium screenshots of the six locales; the pages are the same documents in Firefox',
  'welcome-screenshots': 'Chromium screenshots; the pages are the same documents in Firefox',
  'phone-size': 'emulates a touch screen through playwright (Chromium); Firefox for Android is declared, not emulated here',
  pause: 'reads the opened tabs and counts every packet over 2.5 round intervals (~3 min): left out of the Firefox time budget',
};

/** Whether this run takes the long files too (`BLOCKWATCH_FIREFOX_LONG=1`). */
const longRun = (): boolean => process.env.BLOCKWATCH_FIREFOX_LONG === '1';

/** The files that run in the lanes: every run's, and the long ones on request. */
export function firefoxLaneScenarios(): string[] {
  return [...FIREFOX_SCENARIOS, ...(longRun() ? Object.keys(FIREFOX_LONG_SCENARIOS) : [])];
}

/** The files that run beside the lanes: the waiting ones, on request. */
export function firefoxWaitingScenarios(): string[] {
  return longRun() ? [...FIREFOX_WAITING_SCENARIOS] : [];
}
