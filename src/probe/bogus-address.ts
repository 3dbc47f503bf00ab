/**
 * The DNS-lie rule a probe applies. Addresses are parsed and classified by `src/address.ts`
 * against the catalogue's bogus ranges (`bogusAddressPrefixes`: special-purpose blocks, China's
 * fake IPv6 answers, known DNS-blockpage addresses); a proxy app's fake-IP answer is no lie.
 *
 * The rule: when the URL names a host (not an IP literal), the address the environment connected
 * to is bogus, and the request got no answer for a network reason other than a local one (offline,
 * client_blocked, proxy_error), the failure becomes `dns_bogus`: whatever broke afterwards (a
 * certificate for another name, a refused or silent connection) follows from the resolver having
 * sent us to the wrong place. A blockpage match keeps `blockpage` and sets no failure, since a
 * fingerprint is the stronger finding. A successful, unmatched answer from a bogus address stays
 * an answer (the address is recorded in `ip` for classification).
 */
import { isBogusAddress, isIpLiteral } from '../address';
import type { AddressRange } from '../catalogue/types';
import { isLocalFailureCode, type FailureCode } from './failure/codes';

/** Whether the URL names a host (not an IP literal) and the address connected to for it is bogus. */
export function namedHostAtBogusAddress(url: string, ip: string, prefixes: readonly AddressRange[]): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  return !isIpLiteral(hostname) && isBogusAddress(ip, prefixes);
}

/** The rule above: the failure to report, given the address connected to. */
export function failureAfterDnsLie(input: {
  readonly url: string;
  readonly ip: string | undefined;
  readonly failure: FailureCode | undefined;
  readonly blockpage: string | undefined;
  readonly prefixes: readonly AddressRange[];
}): FailureCode | undefined {
  const { ip, failure } = input;
  if (ip === undefined || failure === undefined || input.blockpage !== undefined || isLocalFailureCode(failure)) return failure;
  return namedHostAtBogusAddress(input.url, ip, input.prefixes) ? 'dns_bogus' : failure;
}
