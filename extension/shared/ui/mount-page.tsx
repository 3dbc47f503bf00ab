/**
 * Starts a page: the browser's language on `<html lang dir>` (so Persian and Arabic lay out right
 * to left), the real connector, the real clock.
 */
import { render, type ComponentType } from 'preact';
import { browserConnector } from './browser-connector';
import { browserI18n } from './browser-i18n';
import { PageProviders } from './page-context';
import { markPageLanguage } from './page-language';
import './styles.css';

export function mountPage(App: ComponentType): void {
  const i18n = browserI18n();
  markPageLanguage(document, i18n.language);
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  // A shell painted before the code ran (the popup's) gives way to the app in the same task: no frame without either.
  root.replaceChildren();
  render(
    <PageProviders page={{ connector: browserConnector(), now: Date.now }} i18n={i18n}>
      <App />
    </PageProviders>,
    root,
  );
}
