import { describe, expect, it } from 'vitest';
import { chromeFailure } from '../../../src/probe/failure/chrome';
import type { FailureCode } from '../../../src/probe/failure/codes';

// Strings as webRequest.onErrorOccurred gives them (docs/sources.md#browser-lab, #webrequest-errors).
const CASES: readonly (readonly [string, FailureCode])[] = [
  ['net::ERR_NAME_NOT_RESOLVED', 'dns_nxdomain'],
  ['net::ERR_NAME_RESOLUTION_FAILED', 'dns_nxdomain'],
  ['net::ERR_DNS_TIMED_OUT', 'dns_timeout'],
  ['net::ERR_DNS_SERVER_FAILED', 'dns_nxdomain'],
  ['net::ERR_ICANN_NAME_COLLISION', 'dns_bogus'],
  ['net::ERR_ADDRESS_INVALID', 'dns_bogus'],
  ['net::ERR_CONNECTION_REFUSED', 'connect_refused'],
  ['net::ERR_CONNECTION_TIMED_OUT', 'connect_timeout'],
  ['net::ERR_ADDRESS_UNREACHABLE', 'address_unreachable'],
  ['net::ERR_CONNECTION_RESET', 'connection_reset'],
  ['net::ERR_CONNECTION_CLOSED', 'connection_closed'],
  ['net::ERR_EMPTY_RESPONSE', 'connection_closed'],
  ['net::ERR_CONTENT_LENGTH_MISMATCH', 'connection_closed'],
  ['net::ERR_TIMED_OUT', 'timeout'],
  ['net::ERR_SSL_PROTOCOL_ERROR', 'tls_protocol'],
  ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls_protocol'],
  ['net::ERR_SSL_UNRECOGNIZED_NAME_ALERT', 'tls_protocol'],
  ['net::ERR_CERT_AUTHORITY_INVALID', 'tls_cert_authority'],
  ['net::ERR_CERT_KNOWN_INTERCEPTION_BLOCKED', 'tls_cert_authority'],
  ['net::ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN', 'tls_cert_authority'],
  ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls_cert_name'],
  ['net::ERR_CERT_DATE_INVALID', 'tls_cert_date'],
  ['net::ERR_CERT_REVOKED', 'tls_cert_invalid'],
  ['net::ERR_CERT_WEAK_KEY', 'tls_cert_invalid'],
  ['net::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED', 'tls_cert_invalid'],
  ['net::ERR_INVALID_HTTP_RESPONSE', 'http_protocol'],
  ['net::ERR_HTTP2_PROTOCOL_ERROR', 'http_protocol'],
  ['net::ERR_TOO_MANY_REDIRECTS', 'http_protocol'],
  ['net::ERR_RESPONSE_HEADERS_TRUNCATED', 'connection_closed'],
  ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
  ['net::ERR_NETWORK_CHANGED', 'offline'],
  ['net::ERR_BLOCKED_BY_CLIENT', 'client_blocked'],
  ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'client_blocked'],
  ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy_error'],
  ['net::ERR_PROXY_CERTIFICATE_INVALID', 'proxy_error'],
  ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy_error'],
  ['net::ERR_PAC_SCRIPT_FAILED', 'proxy_error'],
  // Without the "net::" prefix, and with stray whitespace.
  ['ERR_CONNECTION_RESET', 'connection_reset'],
  [' net::ERR_CONNECTION_REFUSED\n', 'connect_refused'],
];

describe('Chrome failure table', () => {
  it.each(CASES)('%s → %s', (raw, failure) => {
    expect(chromeFailure(raw)).toBe(failure);
  });

  it.each([
    // Our timer is recognised by its reason before the table is asked: here these say nothing.
    'net::ERR_ABORTED',
    'net::ERR_FAILED',
    'net::ERR_SOMETHING_NEW_IN_CHROME_200',
    'NS_ERROR_NET_RESET',
    'TypeError: Failed to fetch',
    '',
  ])('does not know %j', (raw) => {
    expect(chromeFailure(raw)).toBeUndefined();
  });
});
