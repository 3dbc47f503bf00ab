/** The country: which domestic test sites count, and which advice fits. */
import { useMemo } from 'preact/hooks';
import type { Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { countryChoices } from './country-choices';
import { FieldErrorList, hasErrors } from './field-error-list';
import type { Save } from './save';

/** The select's value for "no country". */
const NONE = '';

export function CountrySection(props: { readonly settings: Settings; readonly errors: readonly SettingsFieldError[]; readonly save: Save }) {
  const { t, locale } = useI18n();
  const choices = useMemo(() => countryChoices(locale), [locale]);
  return (
    <section class="card" aria-labelledby="country-heading">
      <h2 id="country-heading">{t('options_country')}</h2>
      <label for="country-select" class="visually-hidden">
        {t('options_country')}
      </label>
      <select
        id="country-select"
        value={props.settings.country ?? NONE}
        aria-invalid={hasErrors(props.errors, 'country') ? 'true' : undefined}
        aria-describedby="country-hint country-errors"
        onChange={(event) => {
          const value = event.currentTarget.value;
          void props.save({ country: value === NONE ? null : value });
        }}
      >
        <option value={NONE}>{t('options_country_none')}</option>
        {choices.map((choice) => (
          <option key={choice.code} value={choice.code}>
            {choice.name}
          </option>
        ))}
      </select>
      <p id="country-hint" class="muted small">
        {t('options_country_hint')}
      </p>
      <FieldErrorList id="country-errors" errors={props.errors} field="country" />
    </section>
  );
}
