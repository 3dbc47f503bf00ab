/**
 * Turning a tool's links into the ones to show: the page in the UI language where one is known,
 * the English page otherwise, and only the links meant for the user's country.
 */
import type { CountryCode } from '../catalogue/types';
import { FALLBACK_LANGUAGE, isUiLanguage, toUiLanguage, type UiLanguage } from './languages';
import type { OfficialPlace, ResolvedLink, Tool } from './types';

/**
 * The links of `tool` for a reader of `uiLanguage` in `country` (ISO alpha-2, any case; null when
 * unknown). Links limited to some countries are left out unless the country is one of them.
 * An unknown language (a stray value from storage) reads as its closest UI language.
 */
export function linksFor(tool: Tool, uiLanguage: UiLanguage, country: CountryCode | null = null): ResolvedLink[] {
  const language: UiLanguage = isUiLanguage(uiLanguage) ? uiLanguage : toUiLanguage(String(uiLanguage));
  const place = country ? country.trim().toUpperCase() : null;
  const resolved: ResolvedLink[] = [];
  for (const link of tool.links) {
    if (link.countries && !(place && link.countries.includes(place))) continue;
    const own = language === 'en' ? undefined : link.localized?.[language];
    resolved.push({
      id: link.id,
      purpose: link.purpose,
      labelKey: link.labelKey,
      url: own ?? link.url,
      language: own ? language : FALLBACK_LANGUAGE,
      inUiLanguage: own !== undefined || language === FALLBACK_LANGUAGE,
    });
  }
  return resolved;
}

/**
 * Whether `url` is on one of `places`: the same host (or a subdomain where allowed), and under the
 * place's path prefix. A prefix without a trailing slash is a whole path segment ("/amnezia_vpn"
 * does not cover "/amnezia_vpn_en"). Paths compare case-insensitively: Telegram handles and GitHub
 * owners are case-insensitive.
 */
export function isOnOfficialPlace(url: string, places: readonly OfficialPlace[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.toLowerCase();
  return places.some((place) => {
    const placeHost = place.host.toLowerCase();
    const hostMatches = host === placeHost || (place.subdomains === true && host.endsWith(`.${placeHost}`));
    if (!hostMatches) return false;
    if (!place.pathPrefix) return true;
    const prefix = place.pathPrefix.toLowerCase();
    return prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix || path.startsWith(`${prefix}/`);
  });
}
