/**
 * The lab's blockpage, built from the catalogue's own fingerprints at run time so the lab and the
 * catalogue cannot drift: the page carries the marker of the country's first body fingerprint,
 * and the redirect goes to the host of its first redirect fingerprint.
 */
import type { BlockpageFingerprint, CountryCode } from '../../src/catalogue/types';

export interface BlockpageContent {
  readonly country: CountryCode;
  /** The fingerprint the page's body matches. */
  readonly bodyFingerprintId: string;
  readonly marker: string;
  /** The whole page, UTF-8 HTML. */
  readonly html: string;
  /** The fingerprint the redirect's host matches. */
  readonly redirectFingerprintId: string;
  readonly redirectHost: string;
  /** Where `blockpage-redirect` sends a request (the blocked URL is appended as `rs`, as Rostelecom does). */
  readonly redirectUrl: string;
}

/** Label put in front of a suffix fingerprint (".example.ru") to make a host it matches. */
const SUFFIX_HOST_LABEL = 'blockpage';

function pageWith(marker: string): string {
  // The marker goes in verbatim: fingerprints are compared against the raw text of the page.
  return [
    '<!DOCTYPE html>',
    '<html lang="ru"><head><meta charset="utf-8"><title>Доступ ограничен</title></head>',
    '<body>',
    '<h1>Доступ к информационному ресурсу ограничен</h1>',
    '<p>Доступ ограничен на основании Федерального закона от 27.07.2006 № 149-ФЗ «Об информации, информационных технологиях и о защите информации».</p>',
    `<p>${marker}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

export function blockpageContent(fingerprints: readonly BlockpageFingerprint[], country: CountryCode = 'RU'): BlockpageContent {
  const ofCountry = fingerprints.filter((fingerprint) => fingerprint.country === country);
  const body = ofCountry.find((fingerprint) => fingerprint.bodyIncludes !== undefined && fingerprint.bodyIncludes !== '');
  const redirect = ofCountry.find((fingerprint) => fingerprint.host !== undefined && fingerprint.host !== '');
  if (!body?.bodyIncludes || !redirect?.host) {
    throw new Error(
      `lab: the catalogue's blockpage fingerprints for ${country} need at least one with bodyIncludes and one with host ` +
        `(found ${body ? 'a body marker' : 'no body marker'} and ${redirect ? 'a host' : 'no host'})`,
    );
  }
  const fingerprintHost = redirect.host.toLowerCase();
  const redirectHost = fingerprintHost.startsWith('.') ? `${SUFFIX_HOST_LABEL}${fingerprintHost}` : fingerprintHost;
  const urlHost = redirectHost.includes(':') ? `[${redirectHost}]` : redirectHost;
  return {
    country,
    bodyFingerprintId: body.id,
    marker: body.bodyIncludes,
    html: pageWith(body.bodyIncludes),
    redirectFingerprintId: redirect.id,
    redirectHost,
    redirectUrl: `http://${urlHost}/`,
  };
}
