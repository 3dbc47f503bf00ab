/** How often rounds run, in minutes (1–60): sooner detection against data and battery. */
import { useEffect, useState } from 'preact/hooks';
import { LONGEST_ROUND_INTERVAL_MIN, SHORTEST_ROUND_INTERVAL_MIN } from '../../src/defaults';
import type { Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { FieldErrorList, hasErrors } from './field-error-list';
import { numberOrNull } from './number-field';
import type { Save } from './save';

export function IntervalSection(props: { readonly settings: Settings; readonly errors: readonly SettingsFieldError[]; readonly save: Save }) {
  const { t } = useI18n();
  const [text, setText] = useState(String(props.settings.intervalMin));
  useEffect(() => setText(String(props.settings.intervalMin)), [props.settings.intervalMin]);
  const invalid = hasErrors(props.errors, 'intervalMin');
  return (
    <section class="card" aria-labelledby="interval-heading">
      <h2 id="interval-heading">{t('options_schedule')}</h2>
      <label for="interval-input">{t('options_interval')}</label>{' '}
      <input
        id="interval-input"
        type="number"
        min={SHORTEST_ROUND_INTERVAL_MIN}
        max={LONGEST_ROUND_INTERVAL_MIN}
        step={1}
        value={text}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby="interval-hint interval-errors"
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={(event) => void props.save({ intervalMin: numberOrNull(event.currentTarget.value) })}
      />
      <p id="interval-hint" class="muted small">
        {t('options_interval_hint')}
      </p>
      <FieldErrorList id="interval-errors" errors={props.errors} field="intervalMin" />
    </section>
  );
}
