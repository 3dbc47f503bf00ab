/**
 * The popup's first paint comes before its code. `index.html` holds a shell (the title and
 * "Loading…"), which this fills with the locale's text, language and direction; the app's code
 * (Preact, the connector, the rows: ~80 KB) loads once the shell has painted, and replaces it.
 * With the code loaded up front, the popup painted nothing until all of it had been evaluated and
 * rendered (`npm run bench`: first paint 176 ms from navigation start, against ~100 ms for an
 * extension page with no script, on a 2-core machine).
 *
 * Kept free of the polyfill and of Preact so that it costs next to nothing before that paint:
 * `i18n.getMessage` is synchronous in both browsers' own namespaces.
 */
import { markPageLanguage, textLanguage } from '../shared/ui/page-language';

interface I18nNamespace {
  getMessage(name: string): string;
}
interface ExtensionGlobals {
  readonly chrome?: { readonly i18n?: I18nNamespace };
  readonly browser?: { readonly i18n?: I18nNamespace };
}

/** A hidden page gets no animation frame (a tab opened in the background): it loads the app after this long, ms, instead. */
const NO_FRAME_FALLBACK_MS = 100;

function message(name: string): string {
  const globals = globalThis as ExtensionGlobals;
  return (globals.chrome?.i18n ?? globals.browser?.i18n)?.getMessage(name) ?? '';
}

/** Puts each `[data-message]` element's text in the page's language, and the language and direction on `<html>` as the app will. */
export function fillShell(document: Document): void {
  markPageLanguage(document, textLanguage(message));
  for (const element of document.querySelectorAll<HTMLElement>('[data-message]')) element.textContent = message(element.dataset.message ?? '');
}

/** Runs `load` after the next frame has painted (or after NO_FRAME_FALLBACK_MS in a hidden page); if it fails, the shell says so. */
export function afterFirstPaint(document: Document, load: () => Promise<unknown>): void {
  let started = false;
  const start = (): void => {
    if (started) return;
    started = true;
    load().catch(() => {
      const status = document.querySelector<HTMLElement>('[data-shell-status]');
      if (status) {
        status.textContent = message('popup_load_failed');
        status.className = 'error';
      }
    });
  };
  // The callback runs before the frame's paint; the timeout after it.
  requestAnimationFrame(() => setTimeout(start, 0));
  setTimeout(start, NO_FRAME_FALLBACK_MS);
}
