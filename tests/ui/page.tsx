/**
 * Rendering a page the way the extension does, without the extension: the English messages
 * through the same translator the CLI uses, a fixed clock, times in UTC, and an in-memory
 * connector that records every request.
 */
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { UiLanguage } from '../../src/guidance/languages';
import { createTranslate, type LocaleMessages } from '../../src/i18n/translate';
import { createI18n, type I18n } from '../../extension/shared/ui/i18n';
import type { Connector } from '../../extension/shared/ui/connector';
import { PageProviders } from '../../extension/shared/ui/page-context';

import ar from '../../assets/_locales/ar/messages.json';
import enMessages from '../../assets/_locales/en/messages.json';
import fa from '../../assets/_locales/fa/messages.json';
import ru from '../../assets/_locales/ru/messages.json';
import tr from '../../assets/_locales/tr/messages.json';
import zhCN from '../../assets/_locales/zh_CN/messages.json';

const LOCALES: Readonly<Record<UiLanguage, LocaleMessages>> = { en: enMessages, ru, fa, zh_CN: zhCN, tr, ar };

export function messagesOf(language: UiLanguage): LocaleMessages {
  return LOCALES[language];
}

export function i18nFor(language: UiLanguage = 'en'): I18n {
  return createI18n(createTranslate(messagesOf(language), messagesOf('en')), language, 'UTC');
}

/** The English text of a message, as the page shows it. */
export const en = i18nFor('en').t;

export function renderPage(ui: ComponentChildren, options: { readonly connector: Connector; readonly now: number; readonly language?: UiLanguage }) {
  const i18n = i18nFor(options.language);
  return render(
    <PageProviders page={{ connector: options.connector, now: () => options.now }} i18n={i18n}>
      {ui}
    </PageProviders>,
  );
}
