import { describe, expect, it } from 'vitest';
import { DNS_RCODE, DNS_TYPE, DnsFormatError, encodeDnsQuery, encodeDnsResponse, parseDnsQuery } from './dns-message';

function header(id: number, flags: number, questions: number): number[] {
  return [id >> 8, id & 0xff, flags >> 8, flags & 0xff, 0, questions, 0, 0, 0, 0, 0, 0];
}

describe('DNS wire format', () => {
  it('reads back the query it writes', () => {
    const query = parseDnsQuery(encodeDnsQuery(0xbeef, 'Web.WhatsApp.com', DNS_TYPE.HTTPS));
    expect(query.id).toBe(0xbeef);
    expect(query.questions).toEqual([{ name: 'Web.WhatsApp.com', type: DNS_TYPE.HTTPS, class: 1 }]);
  });

  it('follows a compression pointer in a question name', () => {
    // Second question "www" + pointer to offset 12 (the first name, "t.me").
    const message = Uint8Array.from([
      ...header(1, 0x0100, 2),
      1, 116, 2, 109, 101, 0, 0, 1, 0, 1,
      3, 119, 119, 119, 0xc0, 12, 0, 1, 0, 1,
    ]);
    expect(parseDnsQuery(message).questions.map((question) => question.name)).toEqual(['t.me', 'www.t.me']);
  });

  it('rejects what is not a well-formed query, with the reason', () => {
    expect(() => parseDnsQuery(Uint8Array.of(1, 2, 3))).toThrow(DnsFormatError);
    expect(() => parseDnsQuery(Uint8Array.from(header(1, 0x8000, 0)))).toThrow('message is a response, not a query');
    expect(() => parseDnsQuery(Uint8Array.from([...header(1, 0, 1), 5, 97, 98]))).toThrow('label runs past the end');
    // A pointer to itself.
    expect(() => parseDnsQuery(Uint8Array.from([...header(1, 0, 1), 0xc0, 12, 0, 1, 0, 1]))).toThrow('compression pointers loop');
  });

  it('writes a response that echoes the id, the question and the recursion flag, with the counts it carries', () => {
    const query = parseDnsQuery(encodeDnsQuery(0x0102, 't.me', DNS_TYPE.A));
    const response = encodeDnsResponse({ query, rcode: DNS_RCODE.NXDOMAIN, soa: { zone: 't.me', negativeTtl: 1 } });
    const view = new DataView(response.buffer);
    expect(view.getUint16(0)).toBe(0x0102);
    const flags = view.getUint16(2);
    expect(flags & 0x8000).toBe(0x8000); // a response
    expect(flags & 0x0100).toBe(0x0100); // recursion desired, echoed
    expect(flags & 0x000f).toBe(DNS_RCODE.NXDOMAIN);
    expect([view.getUint16(4), view.getUint16(6), view.getUint16(8), view.getUint16(10)]).toEqual([1, 0, 1, 0]);
  });

  it('refuses to write an address that is not IPv4', () => {
    const query = parseDnsQuery(encodeDnsQuery(1, 't.me', DNS_TYPE.A));
    expect(() => encodeDnsResponse({ query, rcode: DNS_RCODE.NOERROR, answers: [{ name: 't.me', address: '::1', ttl: 1 }] })).toThrow(
      '"::1" is not an IPv4 address',
    );
  });
});
