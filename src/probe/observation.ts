/**
 * What a probe saw, raw. Observations are never judged where they are made: `classify/` is the
 * only place that turns them into states.
 */
import type { HttpMethod, ProbeKind } from '../catalogue/types';
import type { FailureCode } from './failure/codes';

/** What the probe was aimed at. */
export type TargetRef =
  | { readonly type: 'endpoint'; readonly serviceId: string; readonly componentId: string; readonly endpointId: string }
  | { readonly type: 'control'; readonly controlId: string }
  | { readonly type: 'throughput'; readonly serviceId: string }
  | { readonly type: 'throughput-control'; readonly controlId: string };

/** How far a request got before it ended or failed. Nothing at all: `headers` false, `bytes` 0. */
export interface Reached {
  readonly headers: boolean;
  /** Body bytes received. */
  readonly bytes: number;
}

/** Timing of a streamed body, for throughput probes. */
export interface TransferTiming {
  /** From the start of the request to the response headers, ms. */
  readonly headersMs: number;
  /** From the start of the request to the first body byte, ms (absent when none came). */
  readonly firstByteMs?: number;
  /** Goodput, kbit/s: from the first chunk to the last, or for a body that came in one chunk, from the headers to it (absent when no byte came). */
  readonly goodputKbps?: number;
  /** The longest gap between body chunks, or from the last chunk to the end, ms. */
  readonly longestGapMs: number;
  /** Whether the bytes stopped for at least STALL_GAP_MS before the transfer ended. */
  readonly stalled: boolean;
  /** Whether the object ended before the bytes the probe wanted (too small to measure). */
  readonly complete: boolean;
}

export interface Observation {
  /** The round this belongs to: the round's start time, ms since the epoch. */
  readonly roundStart: number;
  readonly target: TargetRef;
  readonly kind: ProbeKind;
  readonly url: string;
  readonly method: HttpMethod;
  /** Start, ms since the epoch. */
  readonly at: number;
  /** Duration, ms. */
  readonly ms: number;
  /**
   * Whether the target answered in the way its probe kind counts as an answer (any HTTP status
   * for `http`; an answer or an expected post-connect error for `reach`; a 2xx body for
   * `throughput`). A blockpage is an answer but not `ok`.
   */
  readonly ok: boolean;
  readonly status?: number;
  /** The URL after redirects, when it differs. */
  readonly finalUrl?: string;
  /** The address the environment connected to, when it tells. */
  readonly ip?: string;
  readonly failure?: FailureCode;
  /** The environment's own error, verbatim ("net::ERR_CONNECTION_RESET", "ECONNRESET"…). */
  readonly raw?: string;
  readonly reached: Reached;
  /** The id of the blockpage fingerprint the answer matched. */
  readonly blockpage?: string;
  /** For controls with an expected answer: whether the answer matched it. */
  readonly contentOk?: boolean;
  /** For a country control: the country its answer placed the client's address in. */
  readonly clientCountry?: string;
  readonly transfer?: TransferTiming;
  /** Estimated bytes on the wire in both directions (handshakes included), for the data budget. */
  readonly wireBytes: number;
}
