/**
 * The page's language, one rule for every page and for the popup's shell (which runs it before its
 * first paint, so this imports neither the polyfill nor Preact).
 *
 * `guidance_locale` is the one message whose text names its own locale folder, so it tells which
 * folder the browser really took the text from (a browser in Portuguese gets English): `lang`,
 * direction and `Intl` follow the text, not the browser's UI language (`@@ui_locale` /
 * `@@bidi_dir` would make English text run right to left in a Hebrew browser).
 */
import { directionOf, localeTag } from '../../../src/format/locale';
import { toUiLanguage, type UiLanguage } from '../../../src/guidance/languages';

export function textLanguage(getMessage: (name: string) => string): UiLanguage {
  return toUiLanguage(getMessage('guidance_locale'));
}

/** `<html lang dir>` for the language, so Persian and Arabic lay out right to left. */
export function markPageLanguage(document: Document, language: UiLanguage): void {
  document.documentElement.lang = localeTag(language);
  document.documentElement.dir = directionOf(language);
}
