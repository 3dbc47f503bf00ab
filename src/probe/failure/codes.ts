/**
 * Normalized failure codes. Every environment (Chrome, Firefox, Node) has its own words for the
 * same network event; one table per environment, in a file of its own beside this one, maps them
 * here. Unknown words become `error` and are kept verbatim in the observation.
 */
export const FAILURE_CODES = [
  /** The name does not resolve (NXDOMAIN, or the resolver gave up). */
  'dns_nxdomain',
  /** The resolver never answered before our timer fired (Node knows; browsers do not). */
  'dns_timeout',
  /** The name resolved to an address no public host has (private, loopback, a known blockpage IP). */
  'dns_bogus',
  /** The connection was refused (RST to the SYN). */
  'connect_refused',
  /** No answer to the SYN before a timer fired. */
  'connect_timeout',
  /** No route to the address (ICMP unreachable). */
  'address_unreachable',
  /** The connection was reset after it was made (during or after the TLS handshake). */
  'connection_reset',
  /** The connection was closed without an answer (FIN, empty response). */
  'connection_closed',
  /** The TLS handshake started but never finished (Node knows; browsers read `timeout`). */
  'tls_timeout',
  /** The certificate is from an authority the browser does not trust. */
  'tls_cert_authority',
  /** The certificate is for another name. */
  'tls_cert_name',
  /** The certificate is expired or not yet valid. */
  'tls_cert_date',
  /** Some other certificate problem. */
  'tls_cert_invalid',
  /** The TLS handshake failed at the protocol level (wrong version, bad record, not TLS at all). */
  'tls_protocol',
  /** The server answered, but not with valid HTTP. */
  'http_protocol',
  /** Our own timer fired; `reached` says what had arrived by then. */
  'timeout',
  /** The device says it has no network, or the network changed under the request. */
  'offline',
  /** Something on the device refused the request (another extension, a policy, a proxy setting). */
  'client_blocked',
  /** A configured proxy failed. */
  'proxy_error',
  /** Anything else; the raw error is kept verbatim. */
  'error',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && (FAILURE_CODES as readonly string[]).includes(value);
}

/**
 * Failures on the device itself (offline, another extension or a policy, a proxy): nothing left
 * the device, no address was involved, and they say nothing about censorship.
 */
export const LOCAL_FAILURES: readonly FailureCode[] = ['offline', 'client_blocked', 'proxy_error'];

export function isLocalFailureCode(code: FailureCode): boolean {
  return LOCAL_FAILURES.includes(code);
}

/**
 * Failures that can only happen after a TCP connection to the host was made and it spoke:
 * for a `reach` endpoint, these prove the host is reachable.
 */
export const POST_CONNECT_FAILURES: readonly FailureCode[] = [
  'tls_cert_authority',
  'tls_cert_name',
  'tls_cert_date',
  'tls_cert_invalid',
  'tls_protocol',
  'http_protocol',
];
