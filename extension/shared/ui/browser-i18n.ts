/** The page's language from the browser: the locale folder its text came from (page-language.ts). */
import { browserTranslate, getMessage } from '../browser-translate';
import { createI18n, type I18n } from './i18n';
import { textLanguage } from './page-language';

export function browserI18n(): I18n {
  return createI18n(browserTranslate, textLanguage(getMessage));
}
