/**
 * Lab addresses: every host name gets one IPv4 address in `LAB_ADDRESS_RANGE` (an ordinary public
 * block, so a lab answer looks like a real one; why that block: `src/catalogue/lab-range.ts`),
 * derived from the name, so the Node lab and the browser lab agree on where `web.whatsapp.com`
 * lives. IP literals (Telegram's data centres) keep their own address.
 *
 * The address is a hash of the name; on the rare collision the later name takes the next hash.
 * Names assigned in a fixed order (`createAddressBook(sortedNames)`) therefore always get the
 * same addresses.
 */
import { createHash } from 'node:crypto';
import { inRange, isIpLiteral, parseRange } from '../../src/address';
import { LAB_ADDRESS_RANGE } from '../../src/catalogue/lab-range';

export { LAB_ADDRESS_RANGE };

/** The block's first address as a number, and its size in addresses. */
const [LAB_BASE, LAB_SIZE] = ((): [number, number] => {
  const range = parseRange(LAB_ADDRESS_RANGE);
  if (range === undefined || range[0].kind() !== 'ipv4') throw new Error(`${LAB_ADDRESS_RANGE} is not an IPv4 range`);
  return [range[0].toByteArray().reduce((value, octet) => value * 256 + octet, 0), 2 ** (32 - range[1])];
})();

/** Lower case, no trailing dot, no IPv6 brackets: the form the lab keys names by. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

function toDotted(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

function candidate(name: string, attempt: number): string {
  const digest = createHash('sha256').update(attempt === 0 ? name : `${name}#${attempt}`).digest();
  return toDotted(LAB_BASE + (digest.readUInt32BE(0) % LAB_SIZE));
}

export function isLabAddress(address: string): boolean {
  return inRange(address, LAB_ADDRESS_RANGE);
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
    if (isIpLiteral(name)) return name;
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
