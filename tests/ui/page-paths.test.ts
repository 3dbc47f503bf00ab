import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIncidentHash } from '../../extension/history-page/incident-hash';
import { HISTORY_PAGE_PATH, incidentPagePath, OPTIONS_PAGE_PATH } from '../../extension/shared/ui/page-paths';

const EXTENSION = join(process.cwd(), 'extension');

/** Entrypoint names WXT turns into `chrome_url_overrides`: a page by one of these names would replace the browser's own. */
const OVERRIDE_NAMES = ['history', 'newtab', 'bookmarks'];

describe('page paths', () => {
  it('point at entrypoints that exist', () => {
    for (const path of [HISTORY_PAGE_PATH, OPTIONS_PAGE_PATH]) {
      const name = path.replace(/^\//, '').replace(/\.html$/, '');
      expect(existsSync(join(EXTENSION, name, 'index.html')), path).toBe(true);
    }
  });

  it('never name a page so that it replaces the browser\'s own History or New Tab page', () => {
    const folders = readdirSync(EXTENSION);
    expect(folders.filter((folder) => OVERRIDE_NAMES.includes(folder))).toEqual([]);
  });

  it('build the incident address the history page reads', () => {
    const path = incidentPagePath('@network', 1772548200000);
    expect(path.startsWith(`${HISTORY_PAGE_PATH}#`)).toBe(true);
    expect(parseIncidentHash(path.slice(path.indexOf('#')))).toEqual({ subject: '@network', start: 1772548200000 });
  });
});
