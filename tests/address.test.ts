import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import {
  classifyAddress,
  inRange,
  isBogusAddress,
  isIpLiteral,
  matchingRange,
  normalizeAddress,
  parseAddress,
  parseRange,
  rangesOverlap,
} from '../src/address';
import { CATALOGUE } from '../src/catalogue';
import { BOGUS_ADDRESS_RANGES, GFW_FORGED_IPV6, KNOWN_DNS_BLOCKPAGES, OONI_BOGONS } from '../src/catalogue/bogus-addresses';
import { LAB_ADDRESS_RANGE } from '../src/catalogue/lab-range';
import { PROXY_FAKE_IP_RANGES } from '../src/catalogue/proxy-fake-ip';
import type { AddressRange } from '../src/catalogue/types';

/** An address as a number (BigInt, so IPv6 fits), and back, to step one address past a range's edge. */
function toNumber(address: string): bigint {
  return ipaddr.parse(address).toByteArray().reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

function fromNumber(value: bigint, bytes: number): string {
  const array = Array.from({ length: bytes }, (_, index) => Number((value >> BigInt(8 * (bytes - 1 - index))) & 0xffn));
  return ipaddr.fromByteArray(array).toString();
}

/** First and last address of a CIDR range, and the addresses just before and after it (when they exist). */
function edges(cidr: string): { first: string; last: string; before?: string; after?: string } {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bytes = base.includes(':') ? 16 : 4;
  const hostBits = BigInt(bytes * 8 - Number(bitsText));
  const first = toNumber(base);
  const last = first + (1n << hostBits) - 1n;
  const top = (1n << BigInt(bytes * 8)) - 1n;
  return {
    first: fromNumber(first, bytes),
    last: fromNumber(last, bytes),
    ...(first > 0n ? { before: fromNumber(first - 1n, bytes) } : {}),
    ...(last < top ? { after: fromNumber(last + 1n, bytes) } : {}),
  };
}

const EVERY_RANGE: readonly AddressRange[] = [...BOGUS_ADDRESS_RANGES, ...PROXY_FAKE_IP_RANGES];

describe('the ranges as written at their sources', () => {
  it("holds OONI's whole bogon list (16 IPv4, 39 IPv6), China's fake IPv6 prefix, and every known filter address", () => {
    expect(OONI_BOGONS.filter((range) => !range.cidr.includes(':'))).toHaveLength(16);
    expect(OONI_BOGONS.filter((range) => range.cidr.includes(':'))).toHaveLength(39);
    expect(GFW_FORGED_IPV6.map((range) => range.cidr)).toEqual(['2001::/32']);
    expect(KNOWN_DNS_BLOCKPAGES.map((range) => range.cidr)).toEqual(expect.arrayContaining(['10.10.34.34/32', '10.10.34.35/32', '10.10.34.36/32', 'd0::11/128', '5.3.3.17/32']));
    expect(CATALOGUE.bogusAddressPrefixes).toBe(BOGUS_ADDRESS_RANGES);
  });

  it.each(EVERY_RANGE.map((range) => [range.cidr, range] as const))('%s parses, and names what it is and its source', (cidr, range) => {
    expect(parseRange(cidr)).toBeDefined();
    expect(range.what.trim()).not.toBe('');
    expect(range.source.ref.trim()).not.toBe('');
  });

  it('keeps the labs\' range out of every bogus and proxy range', () => {
    for (const range of EVERY_RANGE) expect(rangesOverlap(range.cidr, LAB_ADDRESS_RANGE), range.cidr).toBe(false);
  });
});

/** OONI's "IPv4-mapped addresses" range: its addresses are read as the IPv4 address they carry (tested below). */
const MAPPED = '::ffff:0:0/96';

describe('edges of every range: first and last address inside, the neighbours outside', () => {
  it.each(EVERY_RANGE.filter((range) => range.cidr !== MAPPED).map((range) => [range.cidr] as const))('%s', (cidr) => {
    const { first, last, before, after } = edges(cidr);
    expect(inRange(first, cidr), first).toBe(true);
    expect(inRange(last, cidr), last).toBe(true);
    if (before !== undefined) expect(inRange(before, cidr), before).toBe(false);
    if (after !== undefined) expect(inRange(after, cidr), after).toBe(false);
    // The first and last address are never public: the classifier finds them in some range.
    expect(classifyAddress(first), first).not.toBe('public');
    expect(classifyAddress(last), last).not.toBe('public');
  });
});

describe('IPv4-mapped IPv6 addresses', () => {
  it(`are judged as the IPv4 address they carry, so ${MAPPED} itself never matches`, () => {
    const { first, last, before, after } = edges(MAPPED);
    expect(normalizeAddress(first)).toBe('0.0.0.0');
    expect(normalizeAddress(last)).toBe('255.255.255.255');
    expect(inRange(first, MAPPED)).toBe(false);
    expect(inRange(first, '0.0.0.0/8')).toBe(true);
    expect(classifyAddress(first)).toBe('bogus');
    expect(classifyAddress('::ffff:8.8.8.8')).toBe('public');
    // Just outside the mapped block: ordinary IPv6 addresses.
    expect(normalizeAddress(before ?? '')).toBe('::fffe:ffff:ffff');
    expect(normalizeAddress(after ?? '')).toBe('::1:0:0:0');
  });
});

describe('classifyAddress', () => {
  it.each([
    ['10.0.0.1', 'bogus'],
    ['10.10.34.34', 'bogus'],
    ['127.0.0.1', 'bogus'],
    ['127.0.53.53', 'bogus'],
    ['169.254.10.20', 'bogus'],
    ['172.16.0.0', 'bogus'],
    ['172.31.255.255', 'bogus'],
    ['100.64.0.0', 'bogus'],
    ['100.127.255.255', 'bogus'],
    ['192.0.2.1', 'bogus'],
    ['198.51.100.1', 'bogus'],
    ['203.0.113.255', 'bogus'],
    ['224.0.0.1', 'bogus'],
    ['255.255.255.255', 'bogus'],
    ['5.3.3.17', 'bogus'],
    ['95.167.13.51', 'bogus'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['5.3.3.16', 'public'],
    ['5.3.3.170', 'public'],
    ['8.8.8.8', 'public'],
    ['149.154.167.51', 'public'],
    ['45.67.0.0', 'public'],
    ['45.67.255.255', 'public'],
    ['198.18.0.0', 'proxy-fake-ip'],
    ['198.18.0.1', 'proxy-fake-ip'],
    ['198.19.255.255', 'proxy-fake-ip'],
    ['198.17.255.255', 'public'],
    ['198.20.0.0', 'public'],
  ] as const)('IPv4 %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    ['::', 'bogus'],
    ['::1', 'bogus'],
    ['::2', 'bogus'], // IPv4-compatible ::/96
    ['100::1', 'bogus'],
    ['2001:db8::1', 'bogus'],
    ['fd12:3456::1', 'bogus'],
    ['fe80::1', 'bogus'],
    ['febf:ffff::1', 'bogus'],
    ['fec0::1', 'bogus'],
    ['ff02::1', 'bogus'],
    ['2002:a00::1', 'bogus'],
    ['d0::11', 'bogus'],
    // China's forged AAAA answers: anywhere in 2001::/32, not only OONI's Teredo bogons.
    ['2001::', 'bogus'],
    ['2001:0:53aa:64c::1', 'bogus'],
    ['2001:0:ffff:ffff:ffff:ffff:ffff:ffff', 'bogus'],
    ['2001:1::1', 'public'],
    ['2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
    ['2001:b28:f23d:f001::a', 'public'],
    ['2a03:2880:f1ff:83:face:b00c:0:25de', 'public'],
    ['fc0::1', 'public'],
    ['d0::12', 'public'],
    // sing-box's fake AAAA pool fc00::/18 is a proxy; the rest of fc00::/7 stays bogus.
    ['fc00::', 'proxy-fake-ip'],
    ['fc00:3fff:ffff:ffff:ffff:ffff:ffff:ffff', 'proxy-fake-ip'],
    ['fc00:4000::', 'bogus'],
  ] as const)('IPv6 %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each([
    ['::ffff:10.0.0.1', 'bogus'],
    ['::ffff:a00:1', 'bogus'],
    ['::FFFF:10.10.34.34', 'bogus'],
    ['[::ffff:192.168.0.1]', 'bogus'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:808:808', 'public'],
    ['::ffff:45.67.0.1', 'public'],
    ['::ffff:198.18.0.1', 'proxy-fake-ip'],
    ['[::1]', 'bogus'],
    ['[2001:b28:f23d:f001::a]', 'public'],
    ['FE80::1%eth0', 'bogus'],
    ['  10.0.0.1  ', 'bogus'],
  ] as const)('the mapped, bracketed or decorated form %s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each(['', ' ', 'web.whatsapp.com', 'localhost', '10.0.0', '1.2.3.4.5', '300.1.1.1', '256.0.0.0', '01.2.3.4', '127.1', '0x7f.0.0.1', '1::2::3', 'gggg::1', '::ffff:999.1.1.1', '[10.0.0.1', '10.0.0.1/32', '1.2.3.4:443', '12345::'])(
    'says %j is no address',
    (text) => {
      expect(classifyAddress(text)).toBe('invalid');
      expect(parseAddress(text)).toBeUndefined();
      expect(isIpLiteral(text)).toBe(false);
      expect(isBogusAddress(text)).toBe(false);
    },
  );

  it('reads a proxy app\'s fake-IP answer as a proxy, never as a DNS lie, though OONI lists 198.18.0.0/15 as a bogon', () => {
    expect(matchingRange('198.18.0.1', OONI_BOGONS)?.what).toBe('Network interconnect device benchmark testing');
    expect(isBogusAddress('198.18.0.1')).toBe(false);
    expect(isBogusAddress('198.19.200.3')).toBe(false);
  });

  it('uses only the bogus ranges it is given', () => {
    const source = { ref: 'test', checked: '2026-01-01' };
    expect(isBogusAddress('8.8.8.8', [{ cidr: '8.8.8.0/24', what: 'test', source }])).toBe(true);
    expect(isBogusAddress('10.0.0.1', [])).toBe(false);
    expect(classifyAddress('198.18.0.1', [])).toBe('proxy-fake-ip');
  });
});

describe('matchingRange', () => {
  it('names the filter for its own address before the special-purpose block that holds it', () => {
    expect(matchingRange('10.10.34.34', BOGUS_ADDRESS_RANGES)?.what).toMatch(/^ir_4/);
    expect(matchingRange('10.10.34.37', BOGUS_ADDRESS_RANGES)?.cidr).toBe('10.0.0.0/8');
    expect(matchingRange('2001:0:a00::1', BOGUS_ADDRESS_RANGES)?.cidr).toBe('2001::/32');
    expect(matchingRange('8.8.8.8', BOGUS_ADDRESS_RANGES)).toBeUndefined();
    expect(matchingRange('not an address', BOGUS_ADDRESS_RANGES)).toBeUndefined();
  });

  it('never matches one family against the other', () => {
    const source = { ref: 'test', checked: '2026-01-01' };
    expect(matchingRange('10.0.0.1', [{ cidr: '::/0', what: 'all IPv6', source }])).toBeUndefined();
    expect(matchingRange('::1', [{ cidr: '0.0.0.0/0', what: 'all IPv4', source }])).toBeUndefined();
  });
});

describe('parsing and normal form', () => {
  it('writes addresses the one canonical way', () => {
    expect(normalizeAddress('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeAddress('[2001:DB8:0:0:0:0:0:1]')).toBe('2001:db8::1');
    expect(normalizeAddress(' 149.154.167.51 ')).toBe('149.154.167.51');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('example.org')).toBeUndefined();
  });

  it('tells IP literals from names, as a URL writes them', () => {
    for (const url of ['http://149.154.167.51:443/', 'http://[2001:b28:f23d:f001::a]/', 'https://[::ffff:a00:1]/']) {
      expect(isIpLiteral(new URL(url).hostname), url).toBe(true);
    }
    for (const url of ['https://web.whatsapp.com/', 'http://localhost/', 'https://1.2.3.4.example/']) expect(isIpLiteral(new URL(url).hostname), url).toBe(false);
  });

  it('refuses a range that is not written as its first address and a prefix length', () => {
    for (const cidr of ['10.0.0.0/8', '2001::/32', '5.3.3.17/32', 'd0::11/128', '0.0.0.0/0', '::/0']) expect(parseRange(cidr), cidr).toBeDefined();
    for (const cidr of ['10.0.0.1/8', '10.0.0.0', '10.0.0.0/33', '2001::/129', '10.0.0.0/8/8', '010.0.0.0/8', '10/8', 'fe80::1::/10', '', '/8', '10.0.0.0/x']) {
      expect(parseRange(cidr), cidr).toBeUndefined();
      expect(inRange('10.0.0.1', cidr), cidr).toBe(false);
    }
  });

  it('finds two ranges overlapping when either holds the other, in one family only', () => {
    expect(rangesOverlap('10.0.0.0/8', '10.10.34.34/32')).toBe(true);
    expect(rangesOverlap('10.10.34.34/32', '10.0.0.0/8')).toBe(true);
    expect(rangesOverlap('198.18.0.0/15', '198.18.0.0/16')).toBe(true);
    expect(rangesOverlap('198.18.0.0/15', '198.20.0.0/16')).toBe(false);
    expect(rangesOverlap('45.67.0.0/16', '45.66.0.0/16')).toBe(false);
    expect(rangesOverlap('0.0.0.0/0', '::/0')).toBe(false);
    expect(rangesOverlap('banana', '10.0.0.0/8')).toBe(false);
  });
});
