import { describe, expect, it } from 'vitest';
import type { FailureCode } from '../../../src/probe/failure/codes';
import { firefoxFailure } from '../../../src/probe/failure/firefox';

const NAMES: readonly (readonly [string, FailureCode])[] = [
  ['NS_ERROR_UNKNOWN_HOST', 'dns_nxdomain'],
  ['NS_ERROR_CONNECTION_REFUSED', 'connect_refused'],
  ['NS_ERROR_NET_TIMEOUT', 'timeout'],
  ['NS_ERROR_NET_RESET', 'connection_reset'],
  ['NS_ERROR_NET_INTERRUPT', 'connection_closed'],
  ['NS_ERROR_NET_PARTIAL_TRANSFER', 'connection_closed'],
  ['NS_ERROR_OFFLINE', 'offline'],
  ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy_error'],
  ['NS_ERROR_PROXY_BAD_GATEWAY', 'proxy_error'],
  ['NS_ERROR_UNKNOWN_PROXY_HOST', 'proxy_error'],
  ['NS_ERROR_TRACKING_URI', 'client_blocked'],
  ['NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 'client_blocked'],
  ['NS_ERROR_CORRUPTED_CONTENT', 'http_protocol'],
  ['SEC_ERROR_UNKNOWN_ISSUER', 'tls_cert_authority'],
  ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls_cert_authority'],
  ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls_cert_name'],
  ['SEC_ERROR_EXPIRED_CERTIFICATE', 'tls_cert_date'],
  ['MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', 'tls_cert_date'],
  ['SEC_ERROR_REVOKED_CERTIFICATE', 'tls_cert_invalid'],
  ['SSL_ERROR_RX_RECORD_TOO_LONG', 'tls_protocol'],
  ['PR_END_OF_FILE_ERROR', 'connection_closed'],
];

// NSS messages as Firefox's webRequest gives them (nsserrors.properties, en-US and ru).
const SENTENCES: readonly (readonly [string, FailureCode])[] = [
  ['The certificate is not trusted because it is self-signed.', 'tls_cert_authority'],
  ['Peer’s Certificate issuer is not recognized.', 'tls_cert_authority'],
  ['Peer’s certificate issuer has been marked as not trusted by the user.', 'tls_cert_authority'],
  ['Unable to communicate securely with peer: requested domain name does not match the server’s certificate.', 'tls_cert_name'],
  ['The certificate is only valid for lab.example.', 'tls_cert_name'],
  ['Peer’s Certificate has expired.', 'tls_cert_date'],
  ['The server presented a certificate that is not yet valid.', 'tls_cert_date'],
  ['The certificate issuer’s certificate has expired. Check your system date and time.', 'tls_cert_date'],
  ['Peer’s Certificate has been revoked.', 'tls_cert_invalid'],
  ['SSL received a record that exceeded the maximum permissible length.', 'tls_protocol'],
  ['Cannot communicate securely with peer: no common encryption algorithm(s).', 'tls_protocol'],
  ['К сертификату нет доверия, так как он является самоподписанным.', 'tls_cert_authority'],
  ['Издатель сертификата узла не распознан.', 'tls_cert_authority'],
  [
    'Не удалось установить защищённое соединение с этим узлом: запрошенное имя домена не соответствует указанному в сертификате сервера.',
    'tls_cert_name',
  ],
  ['Сертификат узла истёк.', 'tls_cert_date'],
  ['Сертификат, полученный от сервера, ещё не действителен.', 'tls_cert_date'],
  ['SSL получило запись, длина которой превышает максимально допустимую.', 'tls_protocol'],
  // A sentence in a language without patterns still comes from NSS: a TLS failure, kept raw.
  ['Sertifika kendinden imzalı olduğu için güvenilmiyor.', 'tls_cert_invalid'],
  ['证书因为是自签名的而不受信任。', 'tls_cert_invalid'],
];

describe('Firefox failure table', () => {
  it.each(NAMES)('%s → %s', (raw, failure) => {
    expect(firefoxFailure(raw)).toBe(failure);
  });

  it.each(SENTENCES)('%s → %s', (raw, failure) => {
    expect(firefoxFailure(raw)).toBe(failure);
  });

  it.each(['NS_BINDING_ABORTED', 'NS_ERROR_ABORT', 'NS_ERROR_FAILURE', 'NS_ERROR_SOMETHING_NEW', '0x804b0002', 'NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_NETWORK, 99)', ''])(
    'does not know %j',
    (raw) => {
      expect(firefoxFailure(raw)).toBeUndefined();
    },
  );
});
