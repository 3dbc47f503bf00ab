/** The browser's `i18n.getMessage` as a `Translate`: one wrapper for the background and the pages. */
import { browser } from 'wxt/browser';
import type { Translate } from '../../src/i18n/translate';

// WXT types `getMessage` by the keys it generated at `wxt prepare`; our keys are typed by
// MessageKey (pages) and checked by the locale test, so the browser's function is read with its
// plain signature. It returns '' for an unknown key.
type GetMessage = (name: string, substitutions?: string | string[]) => string;

export const getMessage: GetMessage = (name, substitutions) => (browser.i18n as { getMessage: GetMessage }).getMessage(name, substitutions);

export const browserTranslate: Translate = (key, substitutions) =>
  getMessage(key, substitutions === undefined || typeof substitutions === 'string' ? substitutions : [...substitutions]);
