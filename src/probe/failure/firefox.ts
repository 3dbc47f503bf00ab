/**
 * Firefox's words for a failed request, as `webRequest.onErrorOccurred` gives them.
 *
 * Firefox (`ChannelWrapper::GetErrorString`) gives the nsresult's name ("NS_ERROR_NET_RESET")
 * for every failure except those of its TLS library (NSS): for those it gives NSS's *message*,
 * a sentence in the browser's language ("The certificate is not trusted because it is
 * self-signed."). Names come from Gecko's `xpcom/base/ErrorList.py`; sentences from
 * `security/manager/locales/en-US/chrome/pipnss/nsserrors.properties` and its Russian
 * translation (mozilla-l10n/firefox-l10n `ru/…/nsserrors.properties`). NSS's own names
 * (`SEC_ERROR_*`, `SSL_ERROR_*`, `MOZILLA_PKIX_ERROR_*`) are understood too, for glue that reads
 * them from `getSecurityInfo` or an error page.
 *
 * A sentence in a language we have no patterns for still comes from NSS (nothing else in Firefox
 * speaks in sentences here), so it is a TLS failure after the host answered: it maps to
 * `tls_cert_invalid`, the raw sentence kept. Observed in Firefox 153: docs/sources.md#webrequest-errors.
 */
import type { FailureCode } from './codes';
import { lookUpFailure, type FailureTable } from './table';

export const FIREFOX_FAILURES: FailureTable = {
  exact: {
    NS_ERROR_UNKNOWN_HOST: 'dns_nxdomain',
    NS_ERROR_CONNECTION_REFUSED: 'connect_refused',
    // Firefox's own timers (connect and TLS both end here); its stage is not told, and ours fire first.
    NS_ERROR_NET_TIMEOUT: 'timeout',
    NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',
    NS_ERROR_NET_RESET: 'connection_reset',
    NS_ERROR_NET_INTERRUPT: 'connection_closed',
    NS_ERROR_NET_PARTIAL_TRANSFER: 'connection_closed',
    NS_ERROR_NET_EMPTY_RESPONSE: 'connection_closed',
    NS_ERROR_NOT_CONNECTED: 'connection_closed',
    NS_ERROR_NET_INADEQUATE_SECURITY: 'tls_protocol',
    NS_ERROR_NET_HTTP2_SENT_GOAWAY: 'http_protocol',
    NS_ERROR_NET_HTTP3_PROTOCOL_ERROR: 'http_protocol',
    NS_ERROR_CORRUPTED_CONTENT: 'http_protocol',
    NS_ERROR_INVALID_CONTENT_ENCODING: 'http_protocol',
    NS_ERROR_REDIRECT_LOOP: 'http_protocol',
    NS_ERROR_OFFLINE: 'offline',
    NS_ERROR_UNKNOWN_PROXY_HOST: 'proxy_error',
    NS_ERROR_PORT_ACCESS_NOT_ALLOWED: 'client_blocked',
    NS_ERROR_BLOCKED_BY_POLICY: 'client_blocked',
    NS_ERROR_CONTENT_BLOCKED: 'client_blocked',
    NS_ERROR_CONTENT_BLOCKED_SHOW_ALT: 'client_blocked',
    // Firefox's URL classifier (tracking protection, Safe Browsing) refused the request.
    NS_ERROR_TRACKING_URI: 'client_blocked',
    NS_ERROR_FINGERPRINTING_URI: 'client_blocked',
    NS_ERROR_CRYPTOMINING_URI: 'client_blocked',
    NS_ERROR_SOCIALTRACKING_URI: 'client_blocked',
    NS_ERROR_EMAILTRACKING_URI: 'client_blocked',
    NS_ERROR_MALWARE_URI: 'client_blocked',
    NS_ERROR_PHISHING_URI: 'client_blocked',
    NS_ERROR_UNWANTED_URI: 'client_blocked',
    NS_ERROR_HARMFUL_URI: 'client_blocked',
    NS_ERROR_BLOCKED_URI: 'client_blocked',
    // NSPR names, as an error page or a log may show them.
    PR_END_OF_FILE_ERROR: 'connection_closed',
    PR_CONNECT_RESET_ERROR: 'connection_reset',
    PR_CONNECT_REFUSED_ERROR: 'connect_refused',
    PR_CONNECT_TIMEOUT_ERROR: 'timeout',
    PR_IO_TIMEOUT_ERROR: 'timeout',
    PR_NETWORK_UNREACHABLE_ERROR: 'address_unreachable',
    PR_HOST_UNREACHABLE_ERROR: 'address_unreachable',
    // NSS names
    SSL_ERROR_BAD_CERT_DOMAIN: 'tls_cert_name',
    SEC_ERROR_UNKNOWN_ISSUER: 'tls_cert_authority',
    SEC_ERROR_UNTRUSTED_ISSUER: 'tls_cert_authority',
    SEC_ERROR_UNTRUSTED_CERT: 'tls_cert_authority',
    SEC_ERROR_CA_CERT_INVALID: 'tls_cert_authority',
    MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'tls_cert_authority',
    MOZILLA_PKIX_ERROR_MITM_DETECTED: 'tls_cert_authority',
    MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED: 'tls_cert_authority',
    // A pinned host presented a chain outside its pins: an interception certificate.
    MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE: 'tls_cert_authority',
    SEC_ERROR_EXPIRED_CERTIFICATE: 'tls_cert_date',
    SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE: 'tls_cert_date',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'tls_cert_date',
    MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE: 'tls_cert_date',
  },
  prefixes: [
    ['NS_ERROR_PROXY_', 'proxy_error'],
    ['SEC_ERROR_', 'tls_cert_invalid'],
    ['MOZILLA_PKIX_ERROR_', 'tls_cert_invalid'],
    ['SSL_ERROR_', 'tls_protocol'],
  ],
};

/**
 * NSS sentences, English then Russian, most specific first. Patterns rather than whole
 * sentences, so a reworded translation still lands in the right place.
 */
export const FIREFOX_SENTENCES: readonly (readonly [pattern: RegExp, failure: FailureCode])[] = [
  // "The certificate is not trusted because it is self-signed." / "…является самоподписанным."
  [/self-signed|самоподпис/i, 'tls_cert_authority'],
  // "Peer’s Certificate issuer is not recognized.", "…marked as not trusted by the user.", "…does not come from a trusted source."
  [/issuer is not recognized|issuer certificate is unknown|marked as not trusted|not come from a trusted source|issuer of the certificate/i, 'tls_cert_authority'],
  [/издатель сертификата узла не распознан|не доверяет (издателю|сертификату)/i, 'tls_cert_authority'],
  // "…requested domain name does not match the server’s certificate." / "…is only valid for …"
  [/domain name does not match|is only valid for|is not valid for|имя домена не соответствует/i, 'tls_cert_name'],
  // "Peer’s Certificate has expired.", "…is not yet valid." / "Сертификат узла истёк.", "…ещё не действителен."
  [/has expired|expired on|not yet valid|ертификат[^.]*(истёк|истек)|(ещё|еще) не действител/i, 'tls_cert_date'],
  [/certificate|ертификат/i, 'tls_cert_invalid'],
  [/\bSSL\b|communicate securely|защищённое соединение|защищенное соединение/i, 'tls_protocol'],
];

/**
 * Looks like a name (NS_ERROR_…, SEC_ERROR_…), a number, or Gecko's spelling of an unnamed
 * nsresult ("NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_…, 42)"), not like a sentence.
 */
function isIdentifier(raw: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(raw) || /^0x[0-9a-f]+$/i.test(raw) || raw.startsWith('NS_');
}

/** A Firefox error string → its failure code; `undefined` when it is a name we do not know. */
export function firefoxFailure(raw: string): FailureCode | undefined {
  const key = raw.trim();
  if (key === '') return undefined;
  const named = lookUpFailure(FIREFOX_FAILURES, key);
  if (named) return named;
  if (isIdentifier(key)) return undefined;
  for (const [pattern, failure] of FIREFOX_SENTENCES) {
    if (pattern.test(key)) return failure;
  }
  return 'tls_cert_invalid';
}
