/** What the probes cost today against the daily budget: the cost is visible and bounded (promise 3). */
import { formatBytes } from '../../src/format/byte-size';
import { useI18n } from '../shared/ui/i18n';

export function DataUsage(props: { readonly used: number; readonly budget: number }) {
  const { t, locale } = useI18n();
  const spent = props.budget > 0 && props.used >= props.budget;
  return (
    <p class="data-usage small">
      {t('popup_data_today', [formatBytes(props.used, locale), formatBytes(props.budget, locale)])}
      {props.budget > 0 && <meter min={0} max={props.budget} value={Math.min(props.used, props.budget)} aria-hidden="true" />}
      {spent && <span class="muted"> {t('popup_budget_spent')}</span>}
    </p>
  );
}
