/**
 * Node's words for a failed request: the `code` of the error undici's `fetch` gives as its
 * `cause` (system errors such as ECONNRESET, undici's own UND_ERR_*, OpenSSL's certificate
 * verdicts, llhttp's HPE_* parse errors).
 *
 * The raw string is the code alone when the message only repeats it ("read ECONNRESET"), else
 * "CODE: message", because a few codes need their message: Node reports a FIN during the TLS
 * handshake as ECONNRESET with "Client network socket disconnected before secure TLS connection
 * was established", which is a close, not a reset.
 */
import type { FailureCode } from './codes';
import { lookUpFailure, type FailureTable } from './table';

export const NODE_FAILURES: FailureTable = {
  exact: {
    // DNS (getaddrinfo and c-ares words)
    ENOTFOUND: 'dns_nxdomain',
    EAI_AGAIN: 'dns_nxdomain',
    EAI_FAIL: 'dns_nxdomain',
    EAI_NODATA: 'dns_nxdomain',
    EAI_NONAME: 'dns_nxdomain',
    ENODATA: 'dns_nxdomain',
    ESERVFAIL: 'dns_nxdomain',
    EREFUSED: 'dns_nxdomain',
    ENONAME: 'dns_nxdomain',
    ETIMEOUT: 'dns_timeout',
    // Connection
    ECONNREFUSED: 'connect_refused',
    ETIMEDOUT: 'connect_timeout',
    UND_ERR_CONNECT_TIMEOUT: 'connect_timeout',
    EHOSTUNREACH: 'address_unreachable',
    ENETUNREACH: 'address_unreachable',
    EHOSTDOWN: 'address_unreachable',
    EADDRNOTAVAIL: 'address_unreachable',
    ECONNRESET: 'connection_reset',
    // Writing to a connection the other side has reset.
    EPIPE: 'connection_reset',
    ECONNABORTED: 'connection_reset',
    // "other side closed": a FIN before the answer was complete.
    UND_ERR_SOCKET: 'connection_closed',
    UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'connection_closed',
    // undici's own timers (300 s by default); the probes' timers fire long before.
    UND_ERR_HEADERS_TIMEOUT: 'timeout',
    UND_ERR_BODY_TIMEOUT: 'timeout',
    ERR_TLS_HANDSHAKE_TIMEOUT: 'tls_timeout',
    // Certificates (OpenSSL's verify results, as Node names them)
    DEPTH_ZERO_SELF_SIGNED_CERT: 'tls_cert_authority',
    SELF_SIGNED_CERT_IN_CHAIN: 'tls_cert_authority',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls_cert_authority',
    UNABLE_TO_GET_ISSUER_CERT: 'tls_cert_authority',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls_cert_authority',
    CERT_UNTRUSTED: 'tls_cert_authority',
    CERT_REJECTED: 'tls_cert_authority',
    INVALID_CA: 'tls_cert_authority',
    ERR_TLS_CERT_ALTNAME_INVALID: 'tls_cert_name',
    ERR_TLS_CERT_ALTNAME_FORMAT: 'tls_cert_name',
    HOSTNAME_MISMATCH: 'tls_cert_name',
    CERT_HAS_EXPIRED: 'tls_cert_date',
    CERT_NOT_YET_VALID: 'tls_cert_date',
    ERROR_IN_CERT_NOT_BEFORE_FIELD: 'tls_cert_date',
    ERROR_IN_CERT_NOT_AFTER_FIELD: 'tls_cert_date',
    CERT_REVOKED: 'tls_cert_invalid',
    CERT_SIGNATURE_FAILURE: 'tls_cert_invalid',
    CERT_CHAIN_TOO_LONG: 'tls_cert_invalid',
    PATH_LENGTH_EXCEEDED: 'tls_cert_invalid',
    INVALID_PURPOSE: 'tls_cert_invalid',
    UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'tls_cert_invalid',
    UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: 'tls_cert_invalid',
    // TLS protocol
    EPROTO: 'tls_protocol',
    ERR_SSL_WRONG_VERSION_NUMBER: 'tls_protocol',
    // HTTP: llhttp's parse errors carry an HPE_* code; undici reports "not HTTP at all" by name only.
    HTTPParserError: 'http_protocol',
    UND_ERR_INFO: 'http_protocol',
    // The device
    ENETDOWN: 'offline',
    UND_ERR_PRX_TLS: 'proxy_error',
  },
  prefixes: [
    ['ERR_SSL_', 'tls_protocol'],
    ['ERR_TLS_', 'tls_protocol'],
    ['HPE_', 'http_protocol'],
    ['UND_ERR_PRX_', 'proxy_error'],
  ],
};

/** Messages that change what a code means. */
const BY_MESSAGE: readonly (readonly [code: string, pattern: RegExp, failure: FailureCode])[] = [
  ['ECONNRESET', /disconnected before secure TLS connection/i, 'connection_closed'],
];

/** "ECONNRESET", "CODE: message" or "ErrorName: message" → its failure code; `undefined` when unknown. */
export function nodeFailure(raw: string): FailureCode | undefined {
  const match = /^([A-Za-z][A-Za-z0-9_]*)(?::\s*(.*))?$/s.exec(raw.trim());
  if (!match?.[1]) return undefined;
  const code = match[1];
  const message = match[2] ?? '';
  for (const [special, pattern, failure] of BY_MESSAGE) {
    if (code === special && pattern.test(message)) return failure;
  }
  return lookUpFailure(NODE_FAILURES, code);
}

interface ErrorLike {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | undefined {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : undefined;
}

/**
 * The raw words of a Node error: undici wraps the real error in `cause` ("fetch failed" →
 * ECONNRESET), so the innermost error with a code speaks.
 */
export function describeNodeError(error: unknown): string {
  let current = asErrorLike(error);
  if (!current) return String(error);
  // Follow `cause` down to the first error that has a code (at most a few levels: no cycles).
  for (let depth = 0; depth < 5 && typeof current.code !== 'string'; depth++) {
    const inner = asErrorLike(current.cause);
    if (!inner) break;
    current = inner;
  }
  const message = typeof current.message === 'string' ? current.message : '';
  if (typeof current.code === 'string' && current.code !== '') {
    return message === '' || message.includes(current.code) ? current.code : `${current.code}: ${message}`;
  }
  const name = typeof current.name === 'string' && current.name !== '' ? current.name : 'Error';
  return message === '' ? name : `${name}: ${message}`;
}
