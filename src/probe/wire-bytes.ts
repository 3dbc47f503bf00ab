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
 * A TLS 1.3 handshake as rounds see it: Chrome resumes sessions with hosts it contacted recently,
 * and every round contacts the same hosts, so most handshakes are a ClientHello (~1.8 KB with the
 * post-quantum key share) and a short server flight with a fresh ticket (~1 KB). A first contact
 * sends the certificate chain too (3–5 KB more); a connection kept alive from the last round costs
 * none. Measured in the browser lab: a regular round of 12 requests came to 9–13 KB on reused
 * connections and a full 46-request sweep to ~42 KB, both below this estimate.
 */
export const TLS_HANDSHAKE_BYTES = 3_000;
/** A browser's request line and headers (User-Agent, Accept*, Sec-Fetch-*, client hints). */
export const REQUEST_HEADER_BYTES = 600;
/** A typical response's status line and headers (CDNs send more, bare servers less). */
export const RESPONSE_HEADER_BYTES = 400;

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
