/**
 * The probe contract: the tasks, the context and the timers every probe shares.
 *
 * A probe sends one request for a task and reports what happened as an `Observation`
 * (`run-probe.ts` picks the probe of the task's kind):
 *
 * - It never throws for network trouble (nor for a bad URL): every outcome is an
 *   observation, with `failure` and the environment's `raw` words when the request failed. It
 *   only judges what an answer *is* (an answer, a blockpage, the expected content), never what it
 *   means for a service: that is `classify/`'s job.
 * - It runs its own timers: HEADERS_TIMEOUT_MS until the response headers, then BODY_TIMEOUT_MS
 *   for reading a body. A timer aborts the request with a `TimeoutError` DOMException as its
 *   signal's reason, and a failure is judged a timeout by that reason alone.
 * - Each request has a key (`request-key.ts`), never sent, so `ctx.transport.detail(key)` finds
 *   what the environment saw about that very request; the probe calls `transport.forget(key)`
 *   after. The URL goes out unchanged: no marker on the wire says "this is Blockwatch".
 * - Effects come from `ctx`: the transport (which also owns `cache: 'no-store'` and cookie-less
 *   semantics), the clock, and the catalogue's blockpage fingerprints and bogus address prefixes.
 *
 * Kinds: `http` (any HTTP status is an answer), `reach` (as http, plus errors the task lists in
 * `reachedOn` prove the host was reached), both `answer.ts`; `throughput` (a timed streamed
 * download, `throughput.ts`).
 */
import type { AddressRange, BlockpageFingerprint, HttpMethod, ProbeKind } from '../catalogue/types';
import {
  BLOCKPAGE_SNIFF_BYTES,
  BODY_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
  STALL_GAP_MS,
} from '../defaults';
import type { FailureCode } from './failure/codes';
import type { Observation, TargetRef } from './observation';
import type { Transport } from './transport';

interface TaskBase {
  /** The round this request belongs to (its start, ms since the epoch); part of the request tag. */
  readonly roundStart: number;
  readonly target: TargetRef;
  readonly url: string;
  readonly method: HttpMethod;
}

export interface HttpTask extends TaskBase {
  readonly kind: 'http';
  /** For controls: the answer expected; anything else (a captive portal) gives `contentOk: false`. */
  readonly expect?: { readonly status?: number; readonly bodyIncludes?: string };
  /** For a country control: read the client's country from the answer (`client-country.ts`). */
  readonly readsCountry?: true;
}

export interface ReachTask extends TaskBase {
  readonly kind: 'reach';
  /** Failures that are this host's normal answer and prove it was reached. */
  readonly reachedOn: readonly FailureCode[];
}

export interface ThroughputTask extends TaskBase {
  readonly kind: 'throughput';
  readonly method: 'GET';
  /** Bytes to read at most. */
  readonly bytes: number;
  /** Ask for the first `bytes` with a Range header. */
  readonly range: boolean;
}

export type ProbeTask = HttpTask | ReachTask | ThroughputTask;

/** Timers and limits a probe uses; tests shorten them, production uses the defaults. */
export interface ProbeTunables {
  /** Until the response headers, ms. */
  readonly headersTimeoutMs: number;
  /** For reading a body after the headers, ms. */
  readonly bodyTimeoutMs: number;
  /** A gap without body bytes at least this long is a stall, ms. */
  readonly stallGapMs: number;
  /** Body bytes read to look for blockpage markers and expected content. */
  readonly sniffBytes: number;
}

export const DEFAULT_TUNABLES: ProbeTunables = {
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  bodyTimeoutMs: BODY_TIMEOUT_MS,
  stallGapMs: STALL_GAP_MS,
  sniffBytes: BLOCKPAGE_SNIFF_BYTES,
};

export interface ProbeContext {
  readonly transport: Transport;
  /** Wall clock, ms since the epoch. Timers use the runtime's `setTimeout`. */
  now(): number;
  readonly blockpages: readonly BlockpageFingerprint[];
  /** The catalogue's bogus address ranges (CIDR), matched by `src/address.ts`. */
  readonly bogusAddressPrefixes: readonly AddressRange[];
  /** Overrides of DEFAULT_TUNABLES (tests use short timers). */
  readonly tunables?: Partial<ProbeTunables>;
}

export function tunablesOf(ctx: ProbeContext): ProbeTunables {
  return { ...DEFAULT_TUNABLES, ...ctx.tunables };
}
