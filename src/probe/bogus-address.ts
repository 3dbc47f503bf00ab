/**
 * Addresses no public host has (the catalogue's `bogusAddressPrefixes`: private, loopback,
 * known DNS-blockpage addresses).
 *
 * The rule a probe applies (DNS lie): when the URL names a host (not an IP literal), the address
 * the environment connected to is bogus, and the request got no answer for a network reason other
 * than a local one (offline, client_blocked, proxy_error), the failure becomes `dns_bogus`: whatever
 * broke afterwards (a certificate for another name, a refused or silent connection) follows from
 * the resolver having sent us to the wrong place. A blockpage match keeps `blockpage` and sets no
 * failure, since a fingerprint is the stronger finding. A successful, unmatched answer from a
 * bogus address stays an answer (the address is recorded in `ip` for classification).
 */
import { isBogusAddress as isListedBogus } from '../catalogue/is-bogus-address';
import type { FailureCode } from './failure/codes';

/** Lower case, without brackets or the IPv4-mapped IPv6 prefix ("::ffff:10.0.0.1" → "10.0.0.1"). */
export function normalizeAddress(address: string): string {
  const bare = address.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped?.[1] ?? bare;
}

/** The catalogue's matcher (whole addresses exactly, prefixes as prefixes), after unmapping IPv4-in-IPv6. */
export function isBogusAddress(address: string, prefixes: readonly string[]): boolean {
  return isListedBogus(normalizeAddress(address), prefixes);
}

/** Whether a URL's host is an IP literal (no resolver involved, so no DNS lie possible). */
export function isIpLiteralHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.includes(':');
}

/** Failures that happen on the device itself: no address was involved. */
const LOCAL: readonly FailureCode[] = ['offline', 'client_blocked', 'proxy_error'];

/** The rule above: the failure to report, given the address connected to. */
export function failureAfterDnsLie(input: {
  readonly url: string;
  readonly ip: string | undefined;
  readonly failure: FailureCode | undefined;
  readonly blockpage: string | undefined;
  readonly prefixes: readonly string[];
}): FailureCode | undefined {
  const { ip, failure } = input;
  if (ip === undefined || failure === undefined || input.blockpage !== undefined || LOCAL.includes(failure)) return failure;
  let hostname: string;
  try {
    hostname = new URL(input.url).hostname;
  } catch {
    return failure;
  }
  if (isIpLiteralHost(hostname) || !isBogusAddress(ip, input.prefixes)) return failure;
  return 'dns_bogus';
}
