/**
 * Settings errors as the person reads them: by the field they belong to and the code the
 * validator gave. Codes that only a programming mistake can cause share one message with the code
 * in it, so a bug report can name it.
 */
import type { SettingsFieldError } from '../../src/settings/validate';
import { MAX_CUSTOM_TARGETS } from '../../src/settings/schema';
import type { I18n } from '../shared/ui/i18n';

export function fieldErrorMessage(error: SettingsFieldError, i18n: I18n): string {
  const { t } = i18n;
  switch (error.code) {
    case 'not_integer':
      return t('options_error_not_integer');
    case 'out_of_range':
      if (error.field === 'intervalMin') return t('options_error_interval_range');
      if (error.field === 'dataBudgetBytesPerDay') return t('options_error_budget_range');
      return t('options_error_other', error.code);
    case 'too_many':
      return error.field === 'customTargets' ? t('options_error_too_many_targets', String(MAX_CUSTOM_TARGETS)) : t('options_error_other', error.code);
    case 'duplicate':
      return t('options_error_duplicate');
    case 'bad_target':
      return t('options_error_bad_target');
    case 'bad_country':
      return t('options_error_bad_country');
    case 'not_object':
    case 'unknown_field':
    case 'read_only':
    case 'not_boolean':
    case 'not_list':
    case 'bad_id':
      return t('options_error_other', error.code);
  }
}

/** The errors that belong to one field (`notifications` covers `notifications.muted`…). */
export function errorsFor(errors: readonly SettingsFieldError[], field: string): SettingsFieldError[] {
  return errors.filter((error) => error.field === field || error.field.startsWith(`${field}.`));
}
