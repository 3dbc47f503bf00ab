/**
 * An estimate of the bytes a probe put on the wire, both ways, for the data budget. A browser
 * does not tell us real byte counts for its handshakes, so this adds fixed allowances to the body
 * bytes we counted. Payload only: TCP/IP headers add ~4 % on top and are not counted. Retries
 * the browser makes on its own (Chrome once after a reset, Firefox up to 10 times) are not seen
 * and not counted. A body we stop reading early counts only the bytes read, though a receive
 * window's worth more may already have been on its way. The lab measures real bytes to check
 * these figures.
 */
import { isIpLiteral } from '../address';
import { isLocalFailureCode, type FailureCode } from './failure/codes';

/** A resolver exchange: A and AAAA (Chrome adds HTTPS) queries and answers, ~50–100 bytes each. */
export const DNS_LOOKUP_BYTES = 300;
/** TCP set-up and tear-down: SYN, SYN-ACK, ACK, two FIN/ACK pairs, ~60 bytes each. */
export const TCP_CONNECTION_BYTES = 400;
/**
 * A full TLS 1.3 handshake, as every round meets it at the default 5-minute interval: by then
 * Chromium has closed the idle connection (a used idle socket lives at most 300 s) and most
 * servers' session tickets have expired (nginx's and Node's default lifetime is 5 min). The
 * browser lab measures it in Chromium (`npm run bench`, scripts/bench/browser-bytes.ts): the
 * ClientHello with the post-quantum key share is ~1.8 KB, and the server's flight with an
 * ECDSA leaf and its RSA intermediate (≈ 2.4 KB of chain, as real hosts send) ~3 KB. An earlier
 * allowance of 3 KB assumed resumed sessions; with it the day's estimate read 18.7 MB where
 * Chromium spent 24.8 MB, and the data budget counted against too little.
 */
export const TLS_HANDSHAKE_BYTES = 5_000;
/** A browser's request line and headers (User-Agent, Accept*, Sec-Fetch-*, client hints). */
export const REQUEST_HEADER_BYTES = 600;
/** A typical response's status line and headers (CDNs send more, bare servers less). */
export const RESPONSE_HEADER_BYTES = 400;

/**
 * What an HTTPS request that answers costs beyond its body: a lookup, a connection, a full
 * handshake and both headers. The speed sampler plans a sample's cost with it before the sample is
 * made; the ledger then counts the same figure plus the body read (`estimateWireBytes`).
 */
export const THROUGHPUT_REQUEST_OVERHEAD_BYTES = DNS_LOOKUP_BYTES + TCP_CONNECTION_BYTES + TLS_HANDSHAKE_BYTES + REQUEST_HEADER_BYTES + RESPONSE_HEADER_BYTES;

/** Failures that ended at or before the resolver. */
const DNS_ONLY: readonly FailureCode[] = ['dns_nxdomain', 'dns_timeout'];
/** Failures where a connection was attempted but never made. */
const NO_CONNECTION: readonly FailureCode[] = ['connect_refused', 'connect_timeout', 'address_unreachable'];

export interface WireEstimateInput {
  readonly url: string;
  readonly failure?: FailureCode;
  readonly headers: boolean;
  /** Body bytes received. */
  readonly bodyBytes: number;
  /** Requests made: 1, plus one per redirect followed. */
  readonly requests: number;
}

export function estimateWireBytes(input: WireEstimateInput): number {
  const { failure } = input;
  // A local failure: nothing left the device.
  if (failure !== undefined && isLocalFailureCode(failure)) return 0;
  let https = false;
  let ipLiteral = false;
  try {
    const parsed = new URL(input.url);
    https = parsed.protocol === 'https:';
    ipLiteral = isIpLiteral(parsed.hostname);
  } catch {
    return 0;
  }
  const dns = ipLiteral ? 0 : DNS_LOOKUP_BYTES;
  if (failure !== undefined && DNS_ONLY.includes(failure)) return dns;
  if (failure !== undefined && NO_CONNECTION.includes(failure)) return dns + TCP_CONNECTION_BYTES;
  const requests = Math.max(1, input.requests);
  const perRequest = dns + TCP_CONNECTION_BYTES + (https ? TLS_HANDSHAKE_BYTES : 0) + REQUEST_HEADER_BYTES;
  // Every redirect hop answered with headers; the last one only when headers arrived.
  const responseHeaders = (requests - 1 + (input.headers ? 1 : 0)) * RESPONSE_HEADER_BYTES;
  return requests * perRequest + responseHeaders + input.bodyBytes;
}
