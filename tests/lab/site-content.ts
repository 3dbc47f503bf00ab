/**
 * What the lab's sites answer when they work: the catalogue's controls get the answer they expect
 * (a 204, "success", "Microsoft Connect Test"…), so a working lab network never looks like a
 * captive portal; a country control (Cloudflare's `/cdn-cgi/trace`) answers its `key=value` lines
 * with `loc=` the country the lab's exit is in (`exitCountry()`: the user's own, or a VPN's abroad);
 * the catalogue's throughput URLs are big objects. Everything else gets the `ok` server's small page.
 */
import type { Catalogue } from '../../src/catalogue/types';
import { hostPortOf } from './catalogue-hosts';
import { normalizeHost } from './addresses';
import { DEFAULT_OBJECT_BYTES } from './servers/object-bytes';

export type CannedAnswer =
  | { readonly kind: 'page'; readonly status: number; readonly contentType: string; readonly body: string }
  | { readonly kind: 'object'; readonly size: number };

export interface SiteContent {
  /** The canned answer for a host and path (the query is ignored: probes add their own tag). */
  answerFor(host: string, path: string): CannedAnswer | undefined;
}

export const NO_SITE_CONTENT: SiteContent = { answerFor: () => undefined };

function keyOf(host: string, path: string): string {
  const pathname = new URL(path, 'http://lab.invalid').pathname;
  return `${normalizeHost(host)}${pathname}`;
}

/** Statuses that carry no body (RFC 9110). */
function bodyless(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** A trace answer as Cloudflare writes it: one `key=value` a line (documentation addresses only). */
export function traceBody(host: string, country: string): string {
  return ['fl=lab', `h=${host}`, 'ip=192.0.2.1', 'ts=0', 'visit_scheme=https', 'colo=LAB', 'http=http/1.1', `loc=${country}`, 'tls=TLSv1.3', 'sni=plaintext', 'warp=off', ''].join('\n');
}

export function catalogueContent(catalogue: Catalogue, exitCountry: () => string = () => 'RU'): SiteContent {
  const answers = new Map<string, CannedAnswer>();
  const traces = new Set<string>();
  const put = (url: string, answer: CannedAnswer): void => {
    const { host } = hostPortOf(url);
    answers.set(keyOf(host, new URL(url).pathname), answer);
  };

  for (const control of catalogue.controls) {
    if (control.tellsCountry) {
      const { host } = hostPortOf(control.url);
      traces.add(keyOf(host, new URL(control.url).pathname));
      continue;
    }
    const status = control.expect?.status ?? 200;
    const body = bodyless(status) ? '' : (control.expect?.bodyIncludes ?? 'ok');
    put(control.url, { kind: 'page', status, contentType: 'text/plain; charset=utf-8', body });
  }
  for (const service of catalogue.services) {
    if (service.throughput) put(service.throughput.url, { kind: 'object', size: DEFAULT_OBJECT_BYTES });
  }
  for (const control of catalogue.throughputControls) put(control.url, { kind: 'object', size: DEFAULT_OBJECT_BYTES });

  return {
    answerFor: (host, path) => {
      const key = keyOf(host, path);
      if (traces.has(key)) return { kind: 'page', status: 200, contentType: 'text/plain', body: traceBody(normalizeHost(host), exitCountry()) };
      return answers.get(key);
    },
  };
}
