import { describe, expect, it } from 'vitest';
import {
  DNS_LOOKUP_BYTES,
  estimateWireBytes,
  REQUEST_HEADER_BYTES,
  RESPONSE_HEADER_BYTES,
  TCP_CONNECTION_BYTES,
  TLS_HANDSHAKE_BYTES,
} from '../../src/probe/wire-bytes';

const answered = { headers: true, bodyBytes: 0, requests: 1 } as const;

describe('wire-bytes estimate', () => {
  it('an https answer costs a lookup, a connection, a handshake and both headers', () => {
    expect(estimateWireBytes({ url: 'https://a.example/', ...answered })).toBe(
      DNS_LOOKUP_BYTES + TCP_CONNECTION_BYTES + TLS_HANDSHAKE_BYTES + REQUEST_HEADER_BYTES + RESPONSE_HEADER_BYTES,
    );
  });

  it('plain HTTP to an IP literal needs neither a lookup nor a handshake', () => {
    expect(estimateWireBytes({ url: 'http://149.154.167.51/', ...answered, bodyBytes: 100 })).toBe(
      TCP_CONNECTION_BYTES + REQUEST_HEADER_BYTES + RESPONSE_HEADER_BYTES + 100,
    );
  });

  it('failures cost only what they got to', () => {
    const url = 'https://a.example/';
    expect(estimateWireBytes({ url, failure: 'dns_nxdomain', headers: false, bodyBytes: 0, requests: 1 })).toBe(DNS_LOOKUP_BYTES);
    expect(estimateWireBytes({ url, failure: 'connect_refused', headers: false, bodyBytes: 0, requests: 1 })).toBe(
      DNS_LOOKUP_BYTES + TCP_CONNECTION_BYTES,
    );
    expect(estimateWireBytes({ url, failure: 'offline', headers: false, bodyBytes: 0, requests: 1 })).toBe(0);
    expect(estimateWireBytes({ url, failure: 'connection_reset', headers: false, bodyBytes: 0, requests: 1 })).toBe(
      DNS_LOOKUP_BYTES + TCP_CONNECTION_BYTES + TLS_HANDSHAKE_BYTES + REQUEST_HEADER_BYTES,
    );
  });

  it('a redirect costs another request and its answer', () => {
    const one = estimateWireBytes({ url: 'https://a.example/', ...answered });
    const two = estimateWireBytes({ url: 'https://a.example/', ...answered, requests: 2 });
    expect(two - one).toBe(DNS_LOOKUP_BYTES + TCP_CONNECTION_BYTES + TLS_HANDSHAKE_BYTES + REQUEST_HEADER_BYTES + RESPONSE_HEADER_BYTES);
  });
});
