/**
 * Lab addresses: every host name gets one IPv4 address in 198.18.0.0/15 (RFC 2544's benchmarking
 * range: never a real host, and not in the catalogue's bogus prefixes), derived from the name, so
 * the Node lab and the browser lab agree on where `web.whatsapp.com` lives. IP literals (Telegram's
 * data centres) keep their own address.
 *
 * The address is a hash of the name; on the rare collision the later name takes the next hash.
 * Names assigned in a fixed order (`createAddressBook(sortedNames)`) therefore always get the
 * same addresses.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** 198.18.0.0 as a number, and the size of the /15. */
const LAB_BASE = (198 << 24) | (18 << 16);
const LAB_SIZE = 1 << 17;
export const LAB_ADDRESS_RANGE = '198.18.0.0/15';

/** Lower case, no trailing dot, no IPv6 brackets: the form the lab keys names by. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

function toDotted(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

function candidate(name: string, attempt: number): string {
  const digest = createHash('sha256').update(attempt === 0 ? name : `${name}#${attempt}`).digest();
  return toDotted((LAB_BASE + (digest.readUInt32BE(0) % LAB_SIZE)) >>> 0);
}

export function isLabAddress(address: string): boolean {
  const parts = address.split('.').map(Number);
  return parts.length === 4 && parts[0] === 198 && (parts[1] === 18 || parts[1] === 19);
}

export interface AddressBook {
  /** The name's lab address (assigned on first use); an IP literal is its own address. */
  addressOf(host: string): string;
  /** The name living at a lab address, if any. */
  nameAt(address: string): string | undefined;
  /** Every assigned name and its address, in assignment order. */
  entries(): readonly (readonly [name: string, address: string])[];
}

export function createAddressBook(names: Iterable<string> = []): AddressBook {
  const byName = new Map<string, string>();
  const byAddress = new Map<string, string>();

  const addressOf = (host: string): string => {
    const name = normalizeHost(host);
    if (isIP(name) !== 0) return name;
    const known = byName.get(name);
    if (known) return known;
    for (let attempt = 0; ; attempt += 1) {
      const address = candidate(name, attempt);
      // Skip .0 and .255: some tools read them as network and broadcast addresses.
      const last = Number(address.slice(address.lastIndexOf('.') + 1));
      if (last === 0 || last === 255 || byAddress.has(address)) continue;
      byName.set(name, address);
      byAddress.set(address, name);
      return address;
    }
  };

  for (const name of names) addressOf(name);

  return {
    addressOf,
    nameAt: (address) => byAddress.get(normalizeHost(address)),
    entries: () => [...byName.entries()],
  };
}
