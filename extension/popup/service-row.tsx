/**
 * One service: its state in icon, colour and words, what that means, since when, the last check,
 * the last 24 hours, and for a service in trouble what the person can do.
 * `data-service` and `data-state` are the stable hooks tests and the end-to-end runs read.
 */
import type { ServiceSnapshot, Snapshot } from '../../src/snapshot/snapshot';
import { formatDuration } from '../../src/format/duration';
import { formatAgo, formatMoment } from '../../src/format/relative-time';
import { isBadState, type State } from '../../src/states';
import { HOUR_MS } from '../../src/time-units';
import { useI18n } from '../shared/ui/i18n';
import { StateLabel } from '../shared/ui/state-label';
import { GuidancePanel } from './guidance-panel';
import { serviceDetail } from './service-detail';
import { SpeedTest } from './speed-test';
import { Strip } from './strip';

/** Under an hour, "for 25 min" reads better than a clock time. */
const RECENT_MS = HOUR_MS;

/** States where there is something to do about the service: a bad state, or only domestic sites working. */
const needsGuidance = (state: State): boolean => isBadState(state) || state === 'restricted';

export interface ServiceRowProps {
  readonly service: ServiceSnapshot;
  readonly country: string | null;
  readonly now: number;
  /**
   * The speed test button: hidden while the connection itself is down or only domestic sites work
   * (nothing to measure), disabled while a round runs. Custom targets never have one (nothing to download).
   */
  readonly speedTest: 'ready' | 'busy' | 'hidden';
  readonly announce: (text: string) => void;
  readonly onSnapshot: (snapshot: Snapshot) => void;
}

export function ServiceRow(props: ServiceRowProps) {
  const i18n = useI18n();
  const { t, locale, moment } = i18n;
  const { service, now } = props;
  const detail = serviceDetail(service, i18n);
  const since =
    service.since === undefined
      ? null
      : now - service.since < RECENT_MS
        ? t('popup_since_for', formatDuration(now - service.since, locale))
        : t('popup_since', formatMoment(service.since, now, moment));
  const checked = service.lastCheckedAt === undefined ? null : t('popup_checked', formatAgo(service.lastCheckedAt, now, locale));
  const unconfirmed = !service.confirmed && service.state !== 'unknown';
  const withheld = service.access === 'withheld';
  return (
    <li
      class="service"
      data-service={service.id}
      data-state={service.state}
      data-confirmed={String(service.confirmed)}
      {...(withheld ? { 'data-access': 'withheld' } : {})}
    >
      <div class="service-head">
        <h2 class="service-name">{service.name}</h2>
        {withheld ? <span class="state tone-unknown">{t('popup_no_access')}</span> : <StateLabel state={service.state} />}
        {unconfirmed && (
          <span class="tag unconfirmed" title={t('popup_unconfirmed_hint')}>
            {t('popup_unconfirmed')}
            <span class="visually-hidden">: {t('popup_unconfirmed_hint')}</span>
          </span>
        )}
      </div>
      {withheld ? <p class="service-detail">{t('popup_no_access_fix')}</p> : detail && <p class="service-detail">{detail}</p>}
      <div class="service-times">
        <p class="muted small">{[since, checked].filter(Boolean).join(' · ')}</p>
        {!service.custom && props.speedTest !== 'hidden' && (
          <SpeedTest serviceId={service.id} name={service.name} disabled={props.speedTest === 'busy'} announce={props.announce} onSnapshot={props.onSnapshot} />
        )}
      </div>
      <Strip cells={service.strip} now={now} />
      {needsGuidance(service.state) && <GuidancePanel service={service} country={props.country} />}
    </li>
  );
}
