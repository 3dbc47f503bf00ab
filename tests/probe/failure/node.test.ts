import { describe, expect, it } from 'vitest';
import type { FailureCode } from '../../../src/probe/failure/codes';
import { describeNodeError, nodeFailure } from '../../../src/probe/failure/node';

const CASES: readonly (readonly [string, FailureCode])[] = [
  ['ENOTFOUND', 'dns_nxdomain'],
  ['EAI_AGAIN', 'dns_nxdomain'],
  ['ESERVFAIL', 'dns_nxdomain'],
  ['ETIMEOUT', 'dns_timeout'],
  ['ECONNREFUSED', 'connect_refused'],
  ['ETIMEDOUT', 'connect_timeout'],
  ['UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error (attempted address: 45.67.0.1:443, timeout: 10000ms)', 'connect_timeout'],
  ['EHOSTUNREACH', 'address_unreachable'],
  ['ENETUNREACH', 'address_unreachable'],
  ['ECONNRESET', 'connection_reset'],
  ['EPIPE', 'connection_reset'],
  ['ECONNRESET: Client network socket disconnected before secure TLS connection was established', 'connection_closed'],
  ['UND_ERR_SOCKET: other side closed', 'connection_closed'],
  ['UND_ERR_HEADERS_TIMEOUT: Headers Timeout Error', 'timeout'],
  ['UND_ERR_BODY_TIMEOUT: Body Timeout Error', 'timeout'],
  ['ERR_TLS_HANDSHAKE_TIMEOUT', 'tls_timeout'],
  ['CERT_HAS_EXPIRED: certificate has expired', 'tls_cert_date'],
  ['CERT_NOT_YET_VALID: certificate is not yet valid', 'tls_cert_date'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate', 'tls_cert_authority'],
  ['SELF_SIGNED_CERT_IN_CHAIN: self-signed certificate in certificate chain', 'tls_cert_authority'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate', 'tls_cert_authority'],
  ["ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: a.example. is not in the cert's altnames: DNS:b.example", 'tls_cert_name'],
  ['CERT_REVOKED', 'tls_cert_invalid'],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls_protocol'],
  ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'tls_protocol'],
  ['EPROTO', 'tls_protocol'],
  ['HPE_INVALID_CONSTANT: Expected HTTP/', 'http_protocol'],
  ['HPE_INVALID_HEADER_TOKEN: Invalid header value char', 'http_protocol'],
  ['HTTPParserError: Response does not match the HTTP/1.1 protocol (Expected HTTP/, RTSP/ or ICE/)', 'http_protocol'],
  ['ENETDOWN', 'offline'],
];

describe('Node failure table', () => {
  it.each(CASES)('%s → %s', (raw, failure) => {
    expect(nodeFailure(raw)).toBe(failure);
  });

  it.each(['UND_ERR_ABORTED', 'TimeoutError: no response headers within 10 ms', 'TypeError: fetch failed', 'something odd', ''])(
    'does not know %j',
    (raw) => {
      expect(nodeFailure(raw)).toBeUndefined();
    },
  );
});

describe('describeNodeError', () => {
  it('speaks with the innermost code, alone when the message only repeats it', () => {
    const cause = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(describeNodeError(new TypeError('fetch failed', { cause }))).toBe('ECONNRESET');
  });

  it('keeps the message when it adds to the code', () => {
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const outer = new TypeError('terminated', { cause });
    expect(describeNodeError(outer)).toBe('UND_ERR_SOCKET: other side closed');
  });

  it('falls back to the name and message, and to the value itself', () => {
    expect(describeNodeError(new DOMException('no response headers within 5 ms', 'TimeoutError'))).toBe(
      'TimeoutError: no response headers within 5 ms',
    );
    expect(describeNodeError('boom')).toBe('boom');
    expect(describeNodeError(null)).toBe('null');
  });

  it('survives a cycle of causes', () => {
    const a: { message: string; cause?: unknown } = { message: 'a' };
    const b = { message: 'b', cause: a };
    a.cause = b;
    expect(describeNodeError(a)).toBe('Error: b');
  });
});
