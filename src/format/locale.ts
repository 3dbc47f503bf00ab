/**
 * The language a page is shown in, as `Intl` and HTML want it. Locale folders are named the way
 * Chrome names them ("zh_CN"); BCP 47 wants a hyphen ("zh-CN").
 */
import type { UiLanguage } from '../guidance/languages';

/** Languages written right to left among ours. */
const RIGHT_TO_LEFT: ReadonlySet<UiLanguage> = new Set<UiLanguage>(['fa', 'ar']);

/** The BCP 47 tag for `Intl` and `<html lang>`. */
export function localeTag(language: UiLanguage): string {
  return language.replace('_', '-');
}

/**
 * The direction of text in `language`. It follows the text shown, not the browser's own locale:
 * a browser in Hebrew shows our English text, which must still run left to right.
 */
export function directionOf(language: UiLanguage): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}
