/**
 * Recognising a blockpage: an answer whose final URL is on a known blockpage host or starts with
 * a known blockpage URL (a filter redirected us there), or whose first bytes contain a known marker. Fingerprints come from the
 * catalogue (`BlockpageFingerprint`).
 */
import type { BlockpageFingerprint } from '../catalogue/types';

/** Whether `host` is the fingerprint's host, or under it when the fingerprint starts with a dot. */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('.')) return h.endsWith(p) || h === p.slice(1);
  return h === p;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` starts with `prefix`, as OONI compares a Location header with its prefix rows;
 * scheme and host are compared without regard to case (URLs normalise them), the path exactly.
 */
export function urlStartsWith(url: string, prefix: string): boolean {
  const split = (text: string): [string, string] => {
    const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(text);
    return match ? [match[1]!.toLowerCase(), match[2]!] : [text.toLowerCase(), ''];
  };
  const [urlOrigin, urlRest] = split(url);
  const [prefixOrigin, prefixRest] = split(prefix);
  if (prefixRest === '') return urlOrigin === prefixOrigin;
  return urlOrigin === prefixOrigin && urlRest.startsWith(prefixRest);
}

/** The id of the first fingerprint the answer matches. `body` is the sniffed text, when read. */
export function matchBlockpage(
  answer: { readonly finalUrl: string; readonly body?: string },
  fingerprints: readonly BlockpageFingerprint[],
): string | undefined {
  const host = hostOf(answer.finalUrl);
  for (const fingerprint of fingerprints) {
    if (fingerprint.host !== undefined && host !== undefined && hostMatches(host, fingerprint.host)) return fingerprint.id;
    if (fingerprint.urlPrefix !== undefined && fingerprint.urlPrefix !== '' && urlStartsWith(answer.finalUrl, fingerprint.urlPrefix)) {
      return fingerprint.id;
    }
    if (fingerprint.bodyIncludes !== undefined && fingerprint.bodyIncludes !== '' && answer.body?.includes(fingerprint.bodyIncludes)) {
      return fingerprint.id;
    }
  }
  return undefined;
}

/**
 * Whether a body with this Content-Type may be a page worth reading for markers: HTML, XML or
 * text, or no type at all (filters do not always send one).
 */
export function isTextual(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === '') return true;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type.startsWith('text/') || type.includes('html') || type.includes('xml');
}

/** The charset a page declares, in its Content-Type or in a <meta> tag among its first bytes. */
function declaredCharset(bytes: Uint8Array, contentType: string | null): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  // Latin-1 keeps every byte as one character, so ASCII markup reads right whatever the page's charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

/**
 * The sniffed bytes as text, in the page's own charset (Russian blockpages are often
 * windows-1251), falling back to UTF-8 when the charset is unknown to the runtime.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const charset = declaredCharset(bytes, contentType);
  if (charset) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}
