/**
 * Addresses, for the whole code base: parse and normalise what a browser, Node or a URL gives us,
 * tell an IP literal from a name, and classify an address against ranges kept in CIDR exactly as
 * their sources write them (`src/catalogue/bogus-addresses.ts`, `proxy-fake-ip.ts`). Parsing and
 * matching are ipaddr.js's (https://github.com/whitequark/ipaddr.js); nothing here compares
 * address text by prefix.
 *
 * Normal form: an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, `::ffff:a00:1`) is the IPv4 address
 * it carries, so it is judged like `10.0.0.1`; brackets (`[::1]`, as in a URL's host) and an IPv6
 * zone (`fe80::1%eth0`) are dropped; IPv4 must be four decimal parts (`127.1`, `0x7f.0.0.1` and
 * `010.0.0.1` are not addresses a resolver or a browser reports, so they are refused).
 */
import ipaddr from 'ipaddr.js';
import { BOGUS_ADDRESS_RANGES } from './catalogue/bogus-addresses';
import { PROXY_FAKE_IP_RANGES } from './catalogue/proxy-fake-ip';
import type { AddressRange } from './catalogue/types';

export type Address = ipaddr.IPv4 | ipaddr.IPv6;

export type { AddressRange };

/**
 * What an address says about the answer that led to it:
 * - `public`: an ordinary address a public host may have;
 * - `bogus`: no public host has it (a special-purpose range, China's fake IPv6 answers, a filter's
 *   blockpage server): a DNS answer there for a public name is a lie;
 * - `proxy-fake-ip`: the fake-IP answer of a proxy app on this device (Clash/Mihomo, sing-box,
 *   v2rayN): the round went through the proxy, and nothing was lied about;
 * - `invalid`: not an address.
 */
export type AddressClass = 'public' | 'bogus' | 'proxy-fake-ip' | 'invalid';

const IPV4_FOUR_DECIMAL_PARTS = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;

function unbracketed(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
}

/** The address in `text`, in normal form (see the file comment), or undefined when it is not one. */
export function parseAddress(text: string): Address | undefined {
  const bare = unbracketed(text);
  if (IPV4_FOUR_DECIMAL_PARTS.test(bare)) return ipaddr.IPv4.isValid(bare) ? ipaddr.IPv4.parse(bare) : undefined;
  if (!bare.includes(':') || !ipaddr.IPv6.isValid(bare)) return undefined;
  const parsed = ipaddr.IPv6.parse(bare);
  if (parsed.isIPv4MappedAddress()) return parsed.toIPv4Address();
  // The zone says which interface a link-local address is on; it is no part of the address.
  return parsed.zoneId === undefined ? parsed : new ipaddr.IPv6(parsed.parts);
}

/** The address's canonical text ("10.0.0.1", "2001:db8::1" per RFC 5952), or undefined when it is not one. */
export function normalizeAddress(text: string): string | undefined {
  const address = parseAddress(text);
  if (address === undefined) return undefined;
  return address.kind() === 'ipv4' ? address.toString() : (address as ipaddr.IPv6).toRFC5952String();
}

/** Whether a URL's host (or any host text) is an IP address rather than a name: no resolver is involved. */
export function isIpLiteral(host: string): boolean {
  return parseAddress(host) !== undefined;
}

type ParsedRange = readonly [Address, number];

const parsedRanges = new Map<string, ParsedRange | null>();

/**
 * A CIDR range parsed, or undefined when it is malformed: not `address/bits`, IPv4 not in four
 * decimal parts, bits beyond the family's length, or bits set after the prefix ("10.0.0.1/8"
 * says something other than what it means).
 */
export function parseRange(cidr: string): ParsedRange | undefined {
  const known = parsedRanges.get(cidr);
  if (known !== undefined) return known ?? undefined;
  let parsed: ParsedRange | null = null;
  const [base = '', bits, ...rest] = cidr.split('/');
  if (bits !== undefined && rest.length === 0 && /^\d{1,3}$/.test(bits)) {
    const isV4 = IPV4_FOUR_DECIMAL_PARTS.test(base);
    if (isV4 ? ipaddr.IPv4.isValidCIDR(cidr) : base.includes(':') && ipaddr.IPv6.isValidCIDR(cidr)) {
      const [address, length] = ipaddr.parseCIDR(cidr);
      const network = isV4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
      if (network.toNormalizedString() === address.toNormalizedString()) parsed = [address, length];
    }
  }
  parsedRanges.set(cidr, parsed);
  return parsed ?? undefined;
}

function contains(range: ParsedRange, address: Address): boolean {
  return range[0].kind() === address.kind() && address.match(range[0], range[1]);
}

/** Whether `address` (any form `parseAddress` reads) lies in the CIDR range `cidr`. */
export function inRange(address: string, cidr: string): boolean {
  const parsed = parseAddress(address);
  const range = parseRange(cidr);
  return parsed !== undefined && range !== undefined && contains(range, parsed);
}

/** Whether two CIDR ranges share any address (one holds the other's first address). */
export function rangesOverlap(a: string, b: string): boolean {
  const left = parseRange(a);
  const right = parseRange(b);
  return left !== undefined && right !== undefined && (contains(left, right[0]) || contains(right, left[0]));
}

/** The first of `ranges` that holds `address`, or undefined (also when it is not an address). */
export function matchingRange(address: string, ranges: readonly AddressRange[]): AddressRange | undefined {
  const parsed = parseAddress(address);
  if (parsed === undefined) return undefined;
  return ranges.find((range) => {
    const compiled = parseRange(range.cidr);
    return compiled !== undefined && contains(compiled, parsed);
  });
}

/**
 * What `address` is. A proxy app's fake-IP range wins over the bogus ranges that hold it (OONI
 * lists 198.18.0.0/15 as a bogon: for this code base it says "proxy", not "lie").
 */
export function classifyAddress(address: string, bogus: readonly AddressRange[] = BOGUS_ADDRESS_RANGES): AddressClass {
  if (parseAddress(address) === undefined) return 'invalid';
  if (matchingRange(address, PROXY_FAKE_IP_RANGES) !== undefined) return 'proxy-fake-ip';
  return matchingRange(address, bogus) !== undefined ? 'bogus' : 'public';
}

/** Whether a DNS answer at `address` for a public name is a lie: `classifyAddress` says `bogus`. */
export function isBogusAddress(address: string, bogus: readonly AddressRange[] = BOGUS_ADDRESS_RANGES): boolean {
  return classifyAddress(address, bogus) === 'bogus';
}
