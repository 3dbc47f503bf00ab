/**
 * What leaves the device and who can see it: the hosts a round contacts and how often (computed
 * from the catalogue and these settings), who on the path sees what, and what never leaves. The
 * same statements, in full, are the stores' privacy policy (store/privacy-policy.md).
 */
import type { TrafficDisclosure } from '../../src/disclosure/traffic';
import { useI18n } from '../shared/ui/i18n';
import { TrafficList } from '../shared/ui/traffic-list';

export function PrivacySection(props: { readonly traffic: TrafficDisclosure | null }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('options_privacy')}</h2>
      <ul class="privacy">
        <li>{t('options_privacy_probes')}</li>
        <li>{t('options_privacy_who')}</li>
        <li>{t('options_privacy_browsing')}</li>
        <li>{t('options_privacy_no_telemetry')}</li>
        <li>{t('options_privacy_history')}</li>
      </ul>
      {props.traffic !== null && <TrafficList traffic={props.traffic} />}
    </section>
  );
}
