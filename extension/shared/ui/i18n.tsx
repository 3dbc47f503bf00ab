/**
 * The language a page speaks: `t(key, substitutions)` and the locale for `Intl`. The extension
 * reads the browser's `i18n.getMessage` (browser-i18n.ts); tests use `createTranslate` over the
 * same locale files. Components pass `t` a literal key, so the locale test's scan
 * finds every message in use.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { directionOf, localeTag } from '../../../src/format/locale';
import type { MomentOptions } from '../../../src/format/relative-time';
import type { UiLanguage } from '../../../src/guidance/languages';
import type { Translate } from '../../../src/i18n/translate';
import type { MessageKey } from './message-key';

export interface I18n {
  readonly t: (key: MessageKey, substitutions?: string | readonly string[]) => string;
  /** The locale folder whose text is shown. */
  readonly language: UiLanguage;
  /** BCP 47, for `Intl`. */
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  /** For dates and times: the locale, and a fixed zone in tests (the environment's otherwise). */
  readonly moment: MomentOptions;
}

export function createI18n(translate: Translate, language: UiLanguage, timeZone?: string): I18n {
  const locale = localeTag(language);
  return {
    t: (key, substitutions) => translate(key, substitutions),
    language,
    locale,
    dir: directionOf(language),
    moment: timeZone ? { locale, timeZone } : { locale },
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { readonly i18n: I18n; readonly children: ComponentChildren }) {
  return <I18nContext.Provider value={props.i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside an I18nProvider');
  return i18n;
}
