/**
 * Every way an import can be refused has its own message in every language, naming the record
 * where there is one, and each says that nothing was imported.
 */
import { describe, expect, it } from 'vitest';
import { importErrorMessage } from '../../extension/history-page/import-message';
import { UI_LANGUAGES } from '../../src/guidance/languages';
import { IMPORT_ERROR_CODES, type ImportError } from '../../src/store/validate-export';
import { i18nFor } from './page';

const RECORD = { store: 'incidents', index: 4 } as const;

describe('import refusal messages', () => {
  it.each([
    ['not_json', undefined, 'This file is not a Blockwatch export (it is not JSON). Nothing was imported.'],
    ['future_time', RECORD, 'Record 5 in the section “incidents” is dated more than a day after the file was made. Nothing was imported.'],
    ['future_time', undefined, 'This file says it was made more than a day from now. Check the clock of the device that made it. Nothing was imported.'],
    ['bad_time', RECORD, 'Record 5 in the section “incidents” has a date no calendar can hold. Nothing was imported.'],
    ['bad_time', undefined, 'The date of this file is impossible. Nothing was imported.'],
    ['too_large_to_send', undefined, 'This file is too large to hand to Blockwatch (the browser passes at most 67 MB at once). Nothing was imported.'],
  ] as const)('%s (record %j) in English', (code, record, text) => {
    const error: Pick<ImportError, 'code' | 'record'> = record ? { code, record } : { code };
    expect(importErrorMessage(error, i18nFor('en'))).toBe(text);
  });

  it.each(UI_LANGUAGES)('%s: a distinct message for every code, none empty', (language) => {
    const i18n = i18nFor(language);
    const texts = IMPORT_ERROR_CODES.map((code) => importErrorMessage(code === 'bad_record' || code === 'future_time' || code === 'bad_time' ? { code, record: RECORD } : { code }, i18n));
    for (const text of texts) expect(text.trim().length).toBeGreaterThan(10);
    expect(new Set(texts).size).toBe(IMPORT_ERROR_CODES.length);
  });
});
