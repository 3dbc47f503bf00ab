/** A field's errors under it, tied to the field by `aria-describedby`. */
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { errorsFor, fieldErrorMessage } from './field-errors';

export function FieldErrorList(props: { readonly id: string; readonly errors: readonly SettingsFieldError[]; readonly field: string }) {
  const i18n = useI18n();
  const mine = errorsFor(props.errors, props.field);
  return (
    <p id={props.id} class="error" data-field-error={props.field} hidden={mine.length === 0}>
      {mine.map((error) => fieldErrorMessage(error, i18n)).join(' ')}
    </p>
  );
}

export function hasErrors(errors: readonly SettingsFieldError[], field: string): boolean {
  return errorsFor(errors, field).length > 0;
}
