/**
 * A target the user adds themselves: what they typed becomes a one-endpoint service, probed with
 * HEAD like the catalogue's web endpoints (any HTTP answer means reachable).
 *
 * Accepted forms, decided here and relied on by the options page:
 * - A bare host or host/path ("example.org", "example.org/status") means https: it is what every
 *   browser assumes today, and a plain-http site still answers (with a redirect or a page).
 * - "//example.org" (scheme-relative) likewise means https.
 * - http:// and https:// only; other schemes, with or without "//", are refused.
 * - A port is kept (it is part of the target); the default port of the scheme is dropped, so
 *   "example.org:443" and "example.org" are the same target.
 * - The fragment ("#…") is dropped silently: it never leaves the browser.
 * - A trailing dot on the host ("example.org.") is dropped.
 * - International names are kept in their Unicode form for display and probed as punycode.
 * - The host must look like a full name ("example.org"), an IP address or "localhost": a single
 *   word such as "whatsapp" is almost always a typo for a name.
 * - Local addresses are allowed on purpose: they are how the lab and curious users test.
 * - A host that is already probed (by a catalogue service or another custom target), whatever
 *   the scheme, path or letter case, is a duplicate: it would add cost and no information.
 */
import { isIpLiteral } from '../address';
import { matchPatternFor } from './permissions';
import type { Service } from './types';

export const CUSTOM_TARGET_ERRORS = [
  /** Nothing was typed. */
  'empty',
  /** Longer than CUSTOM_TARGET_MAX_CHARS, or a host name longer than DNS allows. */
  'too_long',
  /** Not something a URL can be made of (spaces, a bad port, stray characters). */
  'not_url',
  /** A scheme other than http or https (ftp:, file:, javascript:, mailto:…). */
  'not_http',
  /** A user name or password in the URL: never stored, never sent. */
  'credentials',
  /** A scheme with no host after it ("https://", "https:///path"). */
  'empty_host',
  /** A host that is not a full domain name, an IP address or localhost. */
  'bad_host',
  /** The host is already probed; `duplicateOf` names the service that probes it. */
  'duplicate',
] as const;

export type CustomTargetError = (typeof CUSTOM_TARGET_ERRORS)[number];

export type CustomTargetResult =
  | { readonly ok: true; readonly service: Service; readonly permission: string }
  | { readonly ok: false; readonly error: CustomTargetError; readonly duplicateOf?: string };

/** Longest input accepted, characters: far beyond any address a person types, short of a pasted page. */
export const CUSTOM_TARGET_MAX_CHARS = 2048;
/** DNS limits, characters: a name of at most 253, labels of at most 63 (RFC 1035). */
const MAX_HOST_CHARS = 253;
const MAX_LABEL_CHARS = 63;

/** Custom service ids are `custom:<host>` or `custom:<host>:<port>`: stable, and never a catalogue id. */
export const CUSTOM_ID_PREFIX = 'custom:';

const SCHEME_WITH_SLASHES = /^([a-z][a-z0-9+.-]*):\/\//i;
/** "mailto:x", "javascript:…": a scheme without "//". A dot or a digit after the colon means host:port instead. */
const SCHEME_WITHOUT_SLASHES = /^([a-z][a-z0-9+-]*):(?!\d)/i;
const LABEL = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/;

function fail(error: CustomTargetError, duplicateOf?: string): CustomTargetResult {
  return duplicateOf === undefined ? { ok: false, error } : { ok: false, error, duplicateOf };
}

function hostProblem(hostname: string): CustomTargetError | undefined {
  if (isIpLiteral(hostname) || hostname === 'localhost') return undefined;
  if (hostname.length > MAX_HOST_CHARS) return 'too_long';
  const labels = hostname.split('.');
  if (labels.length < 2) return 'bad_host';
  if (labels.some((label) => label.length > MAX_LABEL_CHARS)) return 'too_long';
  if (!labels.every((label) => LABEL.test(label))) return 'bad_host';
  return undefined;
}

/** The host as the user wrote it (for an international name, its Unicode form), when it is the same host. */
function displayHost(authority: string, url: URL): string {
  const written = authority.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  try {
    return new URL(`https://${written}/`).hostname === url.hostname ? written : url.hostname;
  } catch {
    return url.hostname;
  }
}

function hostKey(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * Turns what the user typed into a service, or says why it cannot. `existing` is every service
 * already probed (the catalogue's and the user's); `now` is the clock that dates the entry.
 */
export function parseCustomTarget(input: string, existing: readonly Service[], now: () => number): CustomTargetResult {
  const text = input.trim();
  if (text === '') return fail('empty');
  if (text.length > CUSTOM_TARGET_MAX_CHARS) return fail('too_long');
  if (/\s/.test(text)) return fail('not_url');

  let withScheme: string;
  const scheme = SCHEME_WITH_SLASHES.exec(text)?.[1];
  if (scheme !== undefined) {
    if (!['http', 'https'].includes(scheme.toLowerCase())) return fail('not_http');
    withScheme = text;
  } else if (text.startsWith('//')) {
    withScheme = `https:${text}`;
  } else if (SCHEME_WITHOUT_SLASHES.test(text)) {
    return fail('not_http');
  } else {
    withScheme = `https://${text}`;
  }

  // Read the authority as typed: the URL parser would take "https:///x" as the host "x".
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(withScheme)?.[1] ?? '';
  if (authority === '') return fail('empty_host');
  if (authority.includes('@')) return fail('credentials');

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail('not_url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('not_http');
  if (url.username !== '' || url.password !== '') return fail('credentials');
  if (url.hostname === '') return fail('empty_host');
  if (url.port === '0') return fail('not_url');
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const problem = hostProblem(url.hostname);
  if (problem) return fail(problem);
  url.hash = '';

  const id = `${CUSTOM_ID_PREFIX}${url.host}`;
  for (const service of existing) {
    if (service.id === id) return fail('duplicate', service.id);
    const probesHost = service.components.some((component) => component.endpoints.some((endpoint) => hostKey(endpoint.url) === url.host));
    if (probesHost) return fail('duplicate', service.id);
  }

  const checked = new Date(now()).toISOString().slice(0, 10);
  const name = url.port === '' ? displayHost(authority, url) : `${displayHost(authority, url)}:${url.port}`;
  const service: Service = {
    id,
    name,
    custom: true,
    components: [
      {
        id: 'web',
        role: 'web',
        endpoints: [{ id: `${id}.web.target`, kind: 'http', url: url.href, method: 'HEAD', source: { ref: 'user', checked } }],
      },
    ],
  };
  return { ok: true, service, permission: matchPatternFor(url.href) };
}
