/**
 * Whether an address from a DNS answer (or the address the browser connected to) is one no public
 * host has. Entries follow the format described in `bogus-addresses.ts`: whole addresses match
 * exactly, anything else is a prefix of the address text (IPv6 compared in full four-digit form,
 * so "fc" means fc00::/8 and never a compressed "fc::").
 */
import { BOGUS_ADDRESS_PREFIXES } from './bogus-addresses';

export type AddressEntryKind = 'ipv4' | 'ipv4-prefix' | 'ipv6' | 'ipv6-prefix';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_PREFIX = /^(\d{1,3}\.){1,3}$/;
const IPV6_PREFIX = /^[0-9a-f]{1,4}(:[0-9a-f]{4})*(:[0-9a-f]{0,4})?$/;

function isIpv4(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
}

/** Expands an IPv6 address to eight lower-case four-digit groups, or undefined if it is not one. */
function expandIpv6(text: string): string | undefined {
  let rest = text.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) stands for the last two groups.
  const lastColon = rest.lastIndexOf(':');
  const tail = rest.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return undefined;
    const octets = tail.split('.').map(Number) as [number, number, number, number];
    const high = ((octets[0] << 8) | octets[1]).toString(16);
    const low = ((octets[2] << 8) | octets[3]).toString(16);
    rest = `${rest.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const halves = rest.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const back = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - back.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...back];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => group.padStart(4, '0')).join(':');
}

/** What kind of entry `entry` is, or undefined when it is malformed. */
export function addressEntryKind(entry: string): AddressEntryKind | undefined {
  if (isIpv4(entry)) return 'ipv4';
  if (entry.includes(':') && expandIpv6(entry) !== undefined) return 'ipv6';
  if (IPV4_PREFIX.test(entry)) {
    return entry.split('.').slice(0, -1).every((octet) => Number(octet) <= 255) ? 'ipv4-prefix' : undefined;
  }
  if (IPV6_PREFIX.test(entry)) return 'ipv6-prefix';
  return undefined;
}

type Normalized = { readonly family: 4 | 6; readonly text: string };

function normalize(address: string): Normalized | undefined {
  // Browsers report IPv6 without brackets, but be lenient; drop a zone id ("fe80::1%eth0").
  const bare = address.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  if (isIpv4(bare)) return { family: 4, text: bare };
  const expanded = expandIpv6(bare);
  if (expanded === undefined) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
  if (expanded.startsWith('0000:0000:0000:0000:0000:ffff:')) {
    const [high = 0, low = 0] = expanded.slice(30).split(':').map((group) => parseInt(group, 16));
    return { family: 4, text: [high >> 8, high & 255, low >> 8, low & 255].join('.') };
  }
  return { family: 6, text: expanded };
}

export function isBogusAddress(address: string, entries: readonly string[] = BOGUS_ADDRESS_PREFIXES): boolean {
  const normalized = normalize(address);
  if (!normalized) return false;
  return entries.some((entry) => {
    const kind = addressEntryKind(entry);
    switch (kind) {
      case 'ipv4':
        return normalized.family === 4 && normalized.text === entry;
      case 'ipv4-prefix':
        return normalized.family === 4 && normalized.text.startsWith(entry);
      case 'ipv6':
        return normalized.family === 6 && normalized.text === expandIpv6(entry);
      case 'ipv6-prefix':
        return normalized.family === 6 && normalized.text.startsWith(entry);
      default:
        return false;
    }
  });
}
