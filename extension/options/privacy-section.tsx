/**
 * What leaves the device: the probes, and nothing else (promise 3); what they show the provider.
 * The same statements, in full, are the stores' privacy policy (store/privacy-policy.md).
 */
import { useI18n } from '../shared/ui/i18n';

export function PrivacySection() {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('options_privacy')}</h2>
      <ul class="privacy">
        <li>{t('options_privacy_probes')}</li>
        <li>{t('options_privacy_provider')}</li>
        <li>{t('options_privacy_browsing')}</li>
        <li>{t('options_privacy_no_telemetry')}</li>
        <li>{t('options_privacy_history')}</li>
      </ul>
    </section>
  );
}
