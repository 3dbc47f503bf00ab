/**
 * Typed access to the lab's probe fixture (`tests/e2e/fixtures/probe-ext`): one fetch from an MV3
 * service worker, as Blockwatch makes them, and everything Chromium reported about it. For tests
 * of the lab itself and for comparing the product's verdicts with what the browser really saw.
 */
import { fileURLToPath } from 'node:url';
import type { LabBrowser } from './launch-browser';

export const PROBE_EXTENSION_DIR = fileURLToPath(new URL('../fixtures/probe-ext', import.meta.url));

export interface ProbeSpec {
  readonly url: string;
  readonly method?: 'GET' | 'HEAD' | 'POST';
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Our own timer for the whole probe, ms. Default 10 000 (the fixture's). */
  readonly timeoutMs?: number;
  /** Read the body (default) or stop at the headers. */
  readonly readBody?: boolean;
}

export interface WebRequestEvent {
  readonly type: 'beforeRequest' | 'beforeRedirect' | 'responseStarted' | 'completed' | 'errorOccurred';
  /** ms from the probe's start. */
  readonly at: number;
  readonly url: string;
  readonly ip?: string;
  readonly statusCode?: number;
  readonly error?: string;
  readonly redirectUrl?: string;
}

export interface ProbeResult {
  readonly tag: string;
  /** The URL fetched (with the probe's tag). */
  readonly url: string;
  readonly method: string;
  readonly status?: number;
  readonly finalUrl?: string;
  readonly redirected?: boolean;
  /** ms from the start to the response headers. */
  readonly headersMs?: number;
  readonly bodyBytes?: number;
  readonly bodyDoneMs?: number;
  readonly bodyError?: { readonly name: string; readonly message: string };
  readonly bodyErrorMs?: number;
  /** The start of the body, as text. */
  readonly bodySample?: string;
  /** [ms from start, bytes so far] after each chunk. */
  readonly progress?: readonly (readonly [number, number])[];
  /** fetch() itself rejected. */
  readonly error?: { readonly name: string; readonly message: string };
  readonly errorMs?: number;
  /** Our timer fired (the signal's reason is a TimeoutError). */
  readonly timedOut: boolean;
  readonly events: readonly WebRequestEvent[];
  /** `webRequest.onErrorOccurred`'s error ("net::ERR_CONNECTION_RESET"). */
  readonly chromeError?: string;
  /** The address Chromium connected to, when it said. */
  readonly ip?: string;
}

export function probe(browser: LabBrowser, spec: ProbeSpec): Promise<ProbeResult> {
  return browser.evaluate(
    (arg: ProbeSpec) => (globalThis as unknown as { labProbe(spec: ProbeSpec): Promise<ProbeResult> }).labProbe(arg),
    spec,
  );
}

export interface Recalled {
  /** What IndexedDB kept. */
  readonly stored: unknown;
  /** What the worker's memory kept. */
  readonly memory: unknown;
}

/** Stores `value` in the worker's IndexedDB and memory. */
export function remember(browser: LabBrowser, value: string): Promise<void> {
  return browser.evaluate((arg: string) => (globalThis as unknown as { labRemember(value: string): Promise<void> }).labRemember(arg), value);
}

export function recall(browser: LabBrowser): Promise<Recalled> {
  return browser.evaluate(() => (globalThis as unknown as { labRecall(): Promise<Recalled> }).labRecall(), undefined);
}
