/**
 * The client's country from a country control's answer: Cloudflare's `/cdn-cgi/trace` answers
 * `key=value` lines, one of them `loc=XX`, the ISO 3166 alpha-2 code of the country the request's
 * address is in (https://developers.cloudflare.com/fundamentals/reference/cdn-cgi-endpoint/).
 * Cloudflare also uses `XX` (unknown) and `T1` (Tor): neither is a country, so neither is returned.
 */
import type { CountryCode } from '../catalogue/types';

const LOC_LINE = /^loc=([A-Z]{2})\s*$/m;
/** Codes in the `loc=` line that name no country. */
const NOT_A_COUNTRY = new Set(['XX']);

export function countryFromTrace(body: string): CountryCode | undefined {
  const code = LOC_LINE.exec(body)?.[1];
  return code === undefined || NOT_A_COUNTRY.has(code) ? undefined : code;
}
