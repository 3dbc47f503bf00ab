/**
 * A first guess at the user's country, for the default `settings.country` (the user can change
 * it). The time zone says where the device is and comes first; the UI languages only when the
 * zone says nothing (UTC, as privacy-hardened browsers report).
 *
 * From a language tag: its region when it has one (`fa-IR` → IR), except `en-US`, which is every
 * browser's default and what fingerprinting protection reports, so it says nothing about where
 * the user is. Without a region, only languages whose speakers overwhelmingly live in one country
 * count (`LANGUAGE_COUNTRY`). Russian does not: it is the language of many users in Belarus,
 * Kazakhstan, Kyrgyzstan, Ukraine and elsewhere, whose networks block different things; nor do
 * Arabic, English, Azerbaijani (as much spoken in Iran as in Azerbaijan), Urdu or Pashto.
 */
import type { CountryCode } from '../catalogue/types';
import { isCountryCode } from './country-codes';
import { countryOfTimeZone } from './time-zones';

/** Languages (ISO 639) that mostly mean one country; see above for those left out on purpose. */
const LANGUAGE_COUNTRY: Readonly<Record<string, CountryCode>> = {
  // Persian: most speakers are in Iran (Afghan Dari is tagged fa-AF or prs; Tajik is tg).
  fa: 'IR',
  tr: 'TR',
  tk: 'TM',
  uz: 'UZ',
  kk: 'KZ',
  be: 'BY',
  ky: 'KG',
  tg: 'TJ',
  my: 'MM',
  vi: 'VN',
};

/** Tags that carry no information about place. */
const PLACELESS_TAGS = new Set(['en-US']);

function regionOf(tag: string): CountryCode | null {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.replace(/_/g, '-'));
  } catch {
    return null;
  }
  if (PLACELESS_TAGS.has(`${locale.language}-${locale.region ?? ''}`)) return null;
  const region = locale.region?.toUpperCase();
  if (region !== undefined && isCountryCode(region)) return region;
  // Chinese: Simplified script or no region means the mainland; Traditional means Taiwan or Hong Kong.
  if (locale.language === 'zh') return locale.script === 'Hant' ? null : 'CN';
  return region === undefined ? (LANGUAGE_COUNTRY[locale.language] ?? null) : null;
}

export function guessCountry(timeZone: string | undefined, languages: readonly string[]): CountryCode | null {
  const byZone = timeZone === undefined ? undefined : countryOfTimeZone(timeZone);
  if (byZone !== undefined) return byZone;
  for (const tag of languages) {
    const country = regionOf(tag);
    if (country !== null) return country;
  }
  return null;
}
