/**
 * The page's language from the browser. `guidance_locale` is the one message whose text names its
 * own locale folder, so it tells which folder the browser really took the text from (a browser in
 * Portuguese gets English): `lang`, direction and `Intl` follow the text, not the browser's UI
 * language (`@@ui_locale` / `@@bidi_dir` would make English text run right to left in a Hebrew
 * browser).
 */
import { browser } from 'wxt/browser';
import { toUiLanguage } from '../../../src/guidance/languages';
import type { Translate } from '../../../src/i18n/translate';
import { createI18n, type I18n } from './i18n';

// WXT types `getMessage` by the keys it generated at `wxt prepare`; our keys are typed by
// MessageKey instead, so the browser's function is read with its plain signature.
type GetMessage = (name: string, substitutions?: string | string[]) => string;

export function browserI18n(): I18n {
  const getMessage = browser.i18n.getMessage.bind(browser.i18n) as GetMessage;
  const translate: Translate = (key, substitutions) =>
    getMessage(key, substitutions === undefined || typeof substitutions === 'string' ? substitutions : [...substitutions]);
  return createI18n(translate, toUiLanguage(getMessage('guidance_locale')));
}
