/**
 * One failed request → one failure code and the environment's own words for it.
 *
 * Rules, in order:
 * 1. Our own timer fired (the caller knows: its signal's reason is its own TimeoutError) →
 *    `timeout`, whatever the error says, because browsers report our abort in their own words
 *    (Chrome `net::ERR_ABORTED`, Firefox `NS_BINDING_ABORTED`, and Firefox even names a timeout
 *    during the body an AbortError). Only Node says where it hung: with nothing received yet,
 *    its `stage` makes it `dns_timeout`, `connect_timeout` or `tls_timeout`.
 * 2. Otherwise the environment's detail (webRequest's error, or what the Node transport recorded)
 *    goes through that environment's table. Browsers' `fetch` errors say nothing ("TypeError:
 *    Failed to fetch"), so without a detail a browser failure is `error`; Node's thrown error
 *    carries its cause and goes through the Node table.
 * 3. Words no table knows → `error`. The raw words are always returned, never dropped.
 */
import type { Reached } from '../observation';
import type { Environment, RequestDetail } from '../transport';
import { chromeFailure } from './chrome';
import type { FailureCode } from './codes';
import { firefoxFailure } from './firefox';
import { describeNodeError, nodeFailure } from './node';

export interface FailureEvidence {
  readonly environment: Environment;
  readonly detail: RequestDetail | undefined;
  /** Whether the probe's own timer ended the request. */
  readonly timerFired: boolean;
  /** What `fetch` or the body read threw. */
  readonly thrown: unknown;
  readonly reached: Reached;
}

export interface NormalizedFailure {
  readonly failure: FailureCode;
  readonly raw: string;
}

const TABLES: Readonly<Record<Environment, (raw: string) => FailureCode | undefined>> = {
  chrome: chromeFailure,
  firefox: firefoxFailure,
  node: nodeFailure,
};

/** The words of a thrown value in a browser: "TypeError: Failed to fetch". */
function describeThrown(thrown: unknown): string {
  if (typeof thrown === 'object' && thrown !== null) {
    const { name, message } = thrown as { name?: unknown; message?: unknown };
    const label = typeof name === 'string' && name !== '' ? name : 'Error';
    return typeof message === 'string' && message !== '' ? `${label}: ${message}` : label;
  }
  return String(thrown);
}

function timerFailure(evidence: FailureEvidence): FailureCode {
  const { environment, detail, reached } = evidence;
  if (environment !== 'node' || reached.headers || reached.bytes > 0) return 'timeout';
  switch (detail?.stage) {
    case 'dns':
      return 'dns_timeout';
    case 'connect':
      return 'connect_timeout';
    case 'tls':
      return 'tls_timeout';
    default:
      return 'timeout';
  }
}

export function normalizeFailure(evidence: FailureEvidence): NormalizedFailure {
  const { environment, detail, thrown } = evidence;
  const detailError = detail?.error !== undefined && detail.error.trim() !== '' ? detail.error : undefined;
  const raw = detailError ?? (environment === 'node' ? describeNodeError(thrown) : describeThrown(thrown));

  if (evidence.timerFired) return { failure: timerFailure(evidence), raw };

  // Browsers' thrown errors carry no cause: only their webRequest detail is worth a lookup.
  const mapped = detailError !== undefined || environment === 'node' ? TABLES[environment](raw) : undefined;
  let failure: FailureCode = mapped ?? 'error';
  // undici's connect timer covers TCP and TLS; the recorded stage says which one hung.
  if (environment === 'node' && failure === 'connect_timeout' && detail?.stage === 'tls') failure = 'tls_timeout';
  return { failure, raw };
}
