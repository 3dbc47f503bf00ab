/**
 * Which of the scenario files (`tests/e2e/scenarios/`) the Firefox run runs, and why the others
 * do not. The files are the same ones Chromium runs; `BLOCKWATCH_BROWSER=firefox` only changes
 * the browser under them (tests/e2e/harness/blockwatch.ts).
 */

/** Run in Firefox ESR, in this order. */
export const FIREFOX_SCENARIOS: readonly string[] = [
  'all-reachable',
  'dns-block',
  'connect-block',
  'reset-block',
  'blockpage',
  'partial',
  'interception',
  'dns-lie-filter',
  'proxy-app',
  'vpn-exit',
  'network-down',
  'allowlist',
  'flapping',
  'block-starts-and-ends',
];

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
  throttle: 'three speed measurements at 128 kbit/s (~2 min): left out of the Firefox time budget',
  stall: 'three stalled transfers (~2 min): left out of the Firefox time budget',
};
