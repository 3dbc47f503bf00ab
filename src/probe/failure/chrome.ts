/**
 * Chrome's words for a failed request, as `webRequest.onErrorOccurred` gives them
 * ("net::ERR_CONNECTION_RESET"). Names from Chromium's `net/base/net_error_list.h`; the ones seen
 * against a censorship lab are listed in docs/sources.md#browser-lab.
 *
 * `ERR_ABORTED` and `ERR_FAILED` are what Chrome says when our own timer cancels a request; the
 * timer is recognised by its signal's reason before this table is asked, so here they mean that
 * something else cancelled the request, which says nothing: `error`.
 */
import type { FailureCode } from './codes';
import { lookUpFailure, type FailureTable } from './table';

export const CHROME_FAILURES: FailureTable = {
  exact: {
    // DNS
    NAME_NOT_RESOLVED: 'dns_nxdomain',
    NAME_RESOLUTION_FAILED: 'dns_nxdomain',
    DNS_TIMED_OUT: 'dns_timeout',
    // The resolver answered 127.0.53.53 (ICANN's name-collision marker): an address no public host has.
    ICANN_NAME_COLLISION: 'dns_bogus',
    // Connecting to 0.0.0.0 or port 0. For a name, only a resolver's answer leads there ("0.0.0.0" is a common block answer).
    ADDRESS_INVALID: 'dns_bogus',
    // Connection
    CONNECTION_REFUSED: 'connect_refused',
    CONNECTION_TIMED_OUT: 'connect_timeout',
    ADDRESS_UNREACHABLE: 'address_unreachable',
    CONNECTION_RESET: 'connection_reset',
    // The OS gave up on a connection that was made (data never acknowledged): the path broke after connecting.
    CONNECTION_ABORTED: 'connection_reset',
    CONNECTION_CLOSED: 'connection_closed',
    EMPTY_RESPONSE: 'connection_closed',
    CONTENT_LENGTH_MISMATCH: 'connection_closed',
    INCOMPLETE_CHUNKED_ENCODING: 'connection_closed',
    RESPONSE_HEADERS_TRUNCATED: 'connection_closed',
    SOCKET_NOT_CONNECTED: 'connection_closed',
    // Chrome's own timers (30 s for a TLS handshake); ours is shorter, so these are rare.
    TIMED_OUT: 'timeout',
    // TLS
    SSL_PROTOCOL_ERROR: 'tls_protocol',
    SSL_VERSION_OR_CIPHER_MISMATCH: 'tls_protocol',
    TLS13_DOWNGRADE_DETECTED: 'tls_protocol',
    BAD_SSL_CLIENT_AUTH_CERT: 'tls_protocol',
    // A pinned host (Google's own) presented a chain outside its pins: an interception certificate.
    SSL_PINNED_KEY_NOT_IN_CERT_CHAIN: 'tls_cert_authority',
    SSL_SERVER_CERT_BAD_FORMAT: 'tls_cert_invalid',
    SSL_SERVER_CERT_CHANGED: 'tls_cert_invalid',
    CERT_AUTHORITY_INVALID: 'tls_cert_authority',
    CERT_SYMANTEC_LEGACY: 'tls_cert_authority',
    // Chrome knows this root as one used to intercept (e.g. Kazakhstan's 2019 national certificate).
    CERT_KNOWN_INTERCEPTION_BLOCKED: 'tls_cert_authority',
    CERT_COMMON_NAME_INVALID: 'tls_cert_name',
    CERT_NON_UNIQUE_NAME: 'tls_cert_name',
    CERT_DATE_INVALID: 'tls_cert_date',
    // HTTP
    INVALID_HTTP_RESPONSE: 'http_protocol',
    INVALID_RESPONSE: 'http_protocol',
    INVALID_CHUNKED_ENCODING: 'http_protocol',
    RESPONSE_HEADERS_TOO_BIG: 'http_protocol',
    CONTENT_DECODING_FAILED: 'http_protocol',
    CONTENT_DECODING_INIT_FAILED: 'http_protocol',
    INVALID_REDIRECT: 'http_protocol',
    TOO_MANY_REDIRECTS: 'http_protocol',
    UNSAFE_REDIRECT: 'http_protocol',
    METHOD_NOT_SUPPORTED: 'http_protocol',
    QUIC_PROTOCOL_ERROR: 'http_protocol',
    QUIC_HANDSHAKE_FAILED: 'tls_protocol',
    // The device
    INTERNET_DISCONNECTED: 'offline',
    NETWORK_CHANGED: 'offline',
    NETWORK_IO_SUSPENDED: 'offline',
    BLOCKED_BY_CLIENT: 'client_blocked',
    BLOCKED_BY_ADMINISTRATOR: 'client_blocked',
    BLOCKED_ENROLLMENT_CHECK_PENDING: 'client_blocked',
    BLOCKED_BY_RESPONSE: 'client_blocked',
    BLOCKED_BY_ORB: 'client_blocked',
    BLOCKED_BY_CSP: 'client_blocked',
    BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS: 'client_blocked',
    BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS: 'client_blocked',
    NETWORK_ACCESS_DENIED: 'client_blocked',
    ACCESS_DENIED: 'client_blocked',
    UNSAFE_PORT: 'client_blocked',
    CLEARTEXT_NOT_PERMITTED: 'client_blocked',
    DISALLOWED_URL_SCHEME: 'client_blocked',
    TUNNEL_CONNECTION_FAILED: 'proxy_error',
    MANDATORY_PROXY_CONFIGURATION_FAILED: 'proxy_error',
    NO_SUPPORTED_PROXIES: 'proxy_error',
    UNEXPECTED_PROXY_AUTH: 'proxy_error',
    SOCKS_CONNECTION_FAILED: 'proxy_error',
    SOCKS_CONNECTION_HOST_UNREACHABLE: 'proxy_error',
    HTTPS_PROXY_TUNNEL_RESPONSE: 'proxy_error',
    HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT: 'proxy_error',
  },
  prefixes: [
    ['DNS_', 'dns_nxdomain'],
    ['CERT_', 'tls_cert_invalid'],
    ['CERTIFICATE_', 'tls_cert_invalid'],
    ['SSL_', 'tls_protocol'],
    ['ECH_', 'tls_protocol'],
    ['HTTP2_', 'http_protocol'],
    ['RESPONSE_HEADERS_', 'http_protocol'],
    ['PROXY_', 'proxy_error'],
    ['PAC_', 'proxy_error'],
  ],
};

/** "net::ERR_CONNECTION_RESET" (or "ERR_CONNECTION_RESET") → its failure code; `undefined` when unknown. */
export function chromeFailure(raw: string): FailureCode | undefined {
  const match = /^(?:net::)?ERR_([A-Z0-9_]+)$/.exec(raw.trim());
  if (!match?.[1]) return undefined;
  return lookUpFailure(CHROME_FAILURES, match[1]);
}
