/**
 * What leaves the device, from `describeTraffic` (the catalogue and the settings in force): how
 * often, to which hosts, which of them in plain HTTP, and the speed tests. The welcome page and
 * the options' privacy section show it.
 */
import { Fragment } from 'preact';
import { formatBytes } from '../../../src/format/byte-size';
import { numberFormat } from '../../../src/format/intl-cache';
import type { TrafficDisclosure } from '../../../src/disclosure/traffic';
import { useI18n } from './i18n';

function Hosts(props: { readonly hosts: readonly string[] }) {
  return (
    <span class="hosts" dir="ltr">
      {props.hosts.map((host, index) => (
        <Fragment key={host}>
          {index > 0 && ', '}
          <code>{host}</code>
        </Fragment>
      ))}
    </span>
  );
}

function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function TrafficList(props: { readonly traffic: TrafficDisclosure }) {
  const { t, locale } = useI18n();
  const { traffic } = props;
  const count = (value: number): string => numberFormat(locale, {}).format(value);
  return (
    <div class="traffic stack" data-interval-min={traffic.intervalMin}>
      <p>{t('traffic_rhythm', [count(traffic.intervalMin), count(traffic.confirmAfterSec)])}</p>
      <p>{traffic.speed ? t('traffic_speed', [count(traffic.speed.everyMin / 60), count(traffic.speed.throttledEveryMin / 60), formatBytes(traffic.speed.budgetBytesPerDay, locale)]) : t('traffic_speed_off')}</p>
      <p data-bytes-per-day={traffic.bytesPerDay}>{t('traffic_per_day', formatBytes(traffic.bytesPerDay, locale))}</p>
      <dl class="traffic-hosts">
        {traffic.services.map((service) => (
          <div key={service.name} data-service-hosts={service.name}>
            <dt>{service.name}</dt>
            <dd>
              <Hosts hosts={service.hosts} />
            </dd>
          </div>
        ))}
        <div data-service-hosts="@intl">
          <dt>{t('traffic_test_sites_intl')}</dt>
          <dd>
            <Hosts hosts={traffic.intlControls} />
          </dd>
        </div>
        {traffic.country !== null && traffic.domesticControls.length > 0 && (
          <div data-service-hosts="@domestic">
            <dt>{t('traffic_test_sites_domestic', countryName(traffic.country, locale))}</dt>
            <dd>
              <Hosts hosts={traffic.domesticControls} />
            </dd>
          </div>
        )}
      </dl>
      {traffic.plainHttp.length > 0 && (
        <p data-plain-http="true">
          {t('traffic_plain_http')} <Hosts hosts={traffic.plainHttp} />
        </p>
      )}
    </div>
  );
}
