/** What the person reads when an import fails, by the store's error code. Every one ends by saying nothing changed. */
import { formatBytes } from '../../src/format/byte-size';
import { MESSAGE_LIMIT_BYTES } from '../../src/message-limit';
import { MAX_IMPORT_BYTES } from '../../src/store/export-format';
import type { ImportError } from '../../src/store/validate-export';
import type { I18n } from '../shared/ui/i18n';
import type { MessageKey } from '../shared/ui/message-key';

/** The part of an export a bad record was found in, as the import reports it. */
type ExportPart = NonNullable<ImportError['record']>['store'];

const PART_NAME: Readonly<Record<ExportPart, MessageKey>> = {
  rounds: 'history_part_rounds',
  verdicts: 'history_part_verdicts',
  observations: 'history_part_observations',
  incidents: 'history_part_incidents',
  rollups: 'history_part_rollups',
};

export function importErrorMessage(error: Pick<ImportError, 'code' | 'record'>, i18n: I18n): string {
  const { t, locale } = i18n;
  switch (error.code) {
    case 'not_json':
      return t('history_import_not_json');
    case 'wrong_format':
      return t('history_import_wrong_format');
    case 'too_large':
      return t('history_import_too_large', formatBytes(MAX_IMPORT_BYTES, locale));
    case 'too_large_to_send':
      return t('history_import_too_large_to_send', formatBytes(MESSAGE_LIMIT_BYTES, locale));
    case 'newer_version':
      return t('history_import_newer_version');
    case 'future_time':
      return error.record
        ? t('history_import_future_time', [new Intl.NumberFormat(locale).format(error.record.index + 1), t(PART_NAME[error.record.store])])
        : t('history_import_future_date');
    case 'bad_time':
      return error.record
        ? t('history_import_bad_time', [new Intl.NumberFormat(locale).format(error.record.index + 1), t(PART_NAME[error.record.store])])
        : t('history_import_bad_date');
    case 'bad_record':
      return error.record
        ? t('history_import_bad_record', [new Intl.NumberFormat(locale).format(error.record.index + 1), t(PART_NAME[error.record.store])])
        : t('history_import_wrong_format');
  }
}
