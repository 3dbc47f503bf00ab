/**
 * The daily data budget (MB, the unit phone plans use) with what was used today, and whether
 * speed tests run at all. Reachability checks go on when the budget is spent; speed tests pause,
 * so a budget below what a day of checks costs at the chosen interval is said to stop them early.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TrafficDisclosure } from '../../src/disclosure/traffic';
import { bytesToMegabytes, formatBytes } from '../../src/format/byte-size';
import { DATA_BUDGET_MAX_BYTES, DATA_BUDGET_MIN_BYTES, type Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { FieldErrorList, hasErrors } from './field-error-list';
import { numberOrNull } from './number-field';
import type { Save } from './save';

const BYTES_PER_MB = 1_000_000;

export function BudgetSection(props: {
  readonly settings: Settings;
  /** What a day at these settings costs (describeTraffic): the same figure the privacy section shows. */
  readonly traffic: TrafficDisclosure;
  readonly usedToday: number | null;
  readonly errors: readonly SettingsFieldError[];
  readonly save: Save;
}) {
  const { t, locale } = useI18n();
  const megabytes = bytesToMegabytes(props.settings.dataBudgetBytesPerDay);
  const [text, setText] = useState(String(megabytes));
  useEffect(() => setText(String(megabytes)), [megabytes]);
  const submit = (value: string): void => {
    const mb = numberOrNull(value);
    // Whole bytes: the validator takes an integer.
    void props.save({ dataBudgetBytesPerDay: mb === null ? null : Math.round(mb * BYTES_PER_MB) });
  };
  return (
    <section class="card stack" aria-labelledby="budget-heading">
      <h2 id="budget-heading">{t('options_data')}</h2>
      <div>
        <label for="budget-input">{t('options_budget')}</label>{' '}
        <input
          id="budget-input"
          type="number"
          min={DATA_BUDGET_MIN_BYTES / BYTES_PER_MB}
          max={DATA_BUDGET_MAX_BYTES / BYTES_PER_MB}
          step="any"
          value={text}
          aria-invalid={hasErrors(props.errors, 'dataBudgetBytesPerDay') ? 'true' : undefined}
          aria-describedby="budget-hint budget-errors"
          onInput={(event) => setText(event.currentTarget.value)}
          onChange={(event) => submit(event.currentTarget.value)}
        />
        <p id="budget-hint" class="muted small">
          {t('options_budget_hint')}
        </p>
        {props.traffic.speed?.stopsBeforeMidnight === true && (
          <p class="small" role="status" data-budget-below-day>
            {t('options_budget_below_day', formatBytes(props.traffic.bytesPerDay, locale))}
          </p>
        )}
        {props.usedToday !== null && (
          <p class="small" data-used-today>
            {t('options_budget_used', [formatBytes(props.usedToday, locale), formatBytes(props.settings.dataBudgetBytesPerDay, locale)])}
          </p>
        )}
        <FieldErrorList id="budget-errors" errors={props.errors} field="dataBudgetBytesPerDay" />
      </div>
      <label>
        <input type="checkbox" data-setting="throughputEnabled" checked={props.settings.throughputEnabled} onChange={(event) => void props.save({ throughputEnabled: event.currentTarget.checked })} />{' '}
        {t('options_throughput')}
      </label>
    </section>
  );
}
