/**
 * The export that is safe to share (the default): what a person can post in a bug report or send
 * to a researcher without giving away their network or what they check.
 *
 * Left out of every observation:
 * - `ip`, the address a name resolved to (it can name the provider's blockpage server, a VPN's
 *   fake-IP range, a home router);
 * - the path and query of `u` (the URL probed) and `fu` (where a redirect led): only the scheme,
 *   host and port stay, so the service is still visible but a custom target's path is not, nor a
 *   blockpage's query string (which often carries the blocked URL and a subscriber or region id);
 * - IP addresses and URLs inside `x`, the browser's raw error text (Node's errors name the address
 *   they tried).
 * Everything else (times, states, failure codes, byte counts) stays, so the file imports back.
 */
import type { HistoryExport } from './export-format';
import type { ObservationRecord } from './schema';

/** What stands in for a removed address or URL inside an error text. */
export const REDACTED = '[removed]';

/**
 * IPv4 with an optional port, and IPv6 (bracketed, or a hex group followed by at least two more
 * colon-separated groups, so `net::ERR_…` is not taken for one).
 */
const ADDRESS_PATTERN = /\[[0-9a-f:.]+\](?::\d+)?|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}\b/gi;
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** `https://host:port` of a URL; the whole text removed when it is not a URL. */
export function originOnly(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? REDACTED : parsed.origin;
  } catch {
    return REDACTED;
  }
}

export function redactText(text: string): string {
  return text.replace(URL_PATTERN, (url) => originOnly(url)).replace(ADDRESS_PATTERN, REDACTED);
}

export function redactObservation(record: ObservationRecord): ObservationRecord {
  const { ip: _ip, ...rest } = record;
  return {
    ...rest,
    ...(record.u !== undefined ? { u: originOnly(record.u) } : {}),
    ...(record.fu !== undefined ? { fu: originOnly(record.fu) } : {}),
    ...(record.x !== undefined ? { x: redactText(record.x) } : {}),
  };
}

/** The shareable export: the same file with every observation redacted. */
export function redactExport(data: HistoryExport): HistoryExport {
  return { ...data, scope: 'shareable', observations: data.observations.map(redactObservation) };
}
