/**
 * Where the extension's pages live, for links and for the background's `runtime.getURL`. The
 * history page is `history-page.html`: WXT reserves an entrypoint named `history` for replacing
 * the browser's own History page (`chrome_url_overrides`), which Blockwatch must never do.
 */
export const HISTORY_PAGE_PATH = '/history-page.html';
export const OPTIONS_PAGE_PATH = '/options.html';

/** The history page opened at an incident, as a notification click does (`#incident=<subject>|<start>`). */
export function incidentPagePath(subject: string, start: number): string {
  return `${HISTORY_PAGE_PATH}#incident=${encodeURIComponent(subject)}|${start}`;
}

/** The welcome page a new install opens: what Blockwatch sends, who can see it, and Pause. */
export const WELCOME_PAGE_PATH = '/welcome.html';
