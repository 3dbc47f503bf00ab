/**
 * The page's language from the browser. `guidance_locale` is the one message whose text names its
 * own locale folder, so it tells which folder the browser really took the text from (a browser in
 * Portuguese gets English): `lang`, direction and `Intl` follow the text, not the browser's UI
 * language (`@@ui_locale` / `@@bidi_dir` would make English text run right to left in a Hebrew
 * browser).
 */
import { toUiLanguage } from '../../../src/guidance/languages';
import { browserTranslate, getMessage } from '../browser-translate';
import { createI18n, type I18n } from './i18n';

export function browserI18n(): I18n {
  return createI18n(browserTranslate, toUiLanguage(getMessage('guidance_locale')));
}
