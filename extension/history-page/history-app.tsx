/**
 * The history page: availability per service over 24 h / 7 d / 30 d / 90 d, response time and
 * download speed for one service at a time, the incident list, and the person's data (export,
 * import, delete). Opened by a notification at `#incident=<subject>|<start>`, it shows a span
 * that reaches back to that incident and brings it into view.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import { formatGoodput, formatLatency } from '../../src/format/measures';
import type { ServiceInfo } from '../../src/protocol';
import type { HistoryRange, Incident, Span } from '../../src/store/queries';
import { spanLengthMs } from '../../src/store/spans';
import { useI18n } from '../shared/ui/i18n';
import { LiveRegion, useAnnouncer } from '../shared/ui/live-region';
import type { MessageKey } from '../shared/ui/message-key';
import { useNow, usePage } from '../shared/ui/page-context';
import { OPTIONS_PAGE_PATH } from '../shared/ui/page-paths';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { AvailabilityBars } from './availability-bars';
import { DataSection } from './data-section';
import { IncidentList } from './incident-list';
import { parseIncidentHash, type IncidentRef } from './incident-hash';
import { LineChart } from './line-chart';
import { SPAN_ORDER, spanShowing } from './span-choice';

const SPAN_LABEL: Readonly<Record<Span, MessageKey>> = {
  '24h': 'history_span_24h',
  '7d': 'history_span_7d',
  '30d': 'history_span_30d',
  '90d': 'history_span_90d',
};

/** A week: long enough to show a pattern, short enough to read by the hour. */
const DEFAULT_SPAN: Span = '7d';

interface Loaded {
  readonly span: Span;
  readonly range: HistoryRange;
  readonly incidents: readonly Incident[];
}

export function HistoryApp(props: { readonly hash?: string }) {
  const { connector } = usePage();
  const { t, locale } = useI18n();
  const now = useNow();
  const [target, setTarget] = useState<IncidentRef | null>(() => parseIncidentHash(props.hash ?? ''));
  const [span, setSpan] = useState<Span>(() => (target ? spanShowing(target.start, now, DEFAULT_SPAN) : DEFAULT_SPAN));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [services, setServices] = useState<readonly ServiceInfo[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { message, announce } = useAnnouncer();
  useDocumentTitle(t('history_title'));

  // A notification clicked while the page is open changes the hash.
  useEffect(() => {
    const follow = (): void => {
      const next = parseIncidentHash(location.hash);
      if (!next) return;
      setTarget(next);
      setSpan((current) => spanShowing(next.start, Date.now(), current));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  useEffect(() => {
    connector.send('getSettings', {}).then(
      (answer) => setServices(answer.services),
      () => setServices([]),
    );
  }, [connector, version]);

  useEffect(() => {
    let current = true;
    const to = now;
    const from = Math.min(to - spanLengthMs(span), target?.start ?? Infinity);
    Promise.all([connector.send('getHistory', { span }), connector.send('getIncidents', { from, to })]).then(
      ([range, incidents]) => {
        if (!current) return;
        setFailed(false);
        setLoaded({ span, range, incidents });
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
    // `now` is read when the span, target or data change, not on every clock tick.
  }, [connector, span, target, version]);

  const nameOf = useMemo(() => {
    const names = new Map(services.map((service) => [service.id, service.name]));
    return (subject: string): string => (subject === NETWORK_SUBJECT ? t('history_network') : (names.get(subject) ?? subject));
  }, [services, t]);

  const range = loaded?.range;
  const serviceIds = range ? Object.keys(range.services).sort((a, b) => nameOf(a).localeCompare(nameOf(b), locale)) : [];
  const shownService = chosen !== null && serviceIds.includes(chosen) ? chosen : serviceIds[0];
  const granularity = span === '24h' ? 'hour' : 'day';
  const spanLabel = t(SPAN_LABEL[span]);

  return (
    <main class="history stack">
      <header class="page-head">
        <h1>{t('history_title')}</h1>
        <nav aria-label={t('nav_label')}>
          <a href={OPTIONS_PAGE_PATH}>{t('nav_settings')}</a>
        </nav>
      </header>

      <fieldset class="span-picker">
        <legend>{t('history_span_label')}</legend>
        {SPAN_ORDER.map((option) => (
          <label key={option} class="span-option">
            <input type="radio" name="span" value={option} checked={span === option} onChange={() => setSpan(option)} />
            {t(SPAN_LABEL[option])}
          </label>
        ))}
      </fieldset>

      {failed && <p class="error">{t('history_load_failed')}</p>}
      {!loaded && !failed && <p class="muted">{t('page_loading')}</p>}

      {range && (
        <>
          <section class="stack" aria-labelledby="availability-heading">
            <h2 id="availability-heading">{t('history_availability')}</h2>
            <p class="muted small">{t('history_availability_hint')}</p>
            <ul class="availability-list">
              <AvailabilityBars
                subject={NETWORK_SUBJECT}
                name={t('history_network')}
                spanLabel={spanLabel}
                series={range.network}
                proxyShare={range.proxyShare}
                buckets={range.buckets}
                network
                granularity={granularity}
              />
              {serviceIds.map((id) => {
                const series = range.services[id];
                return series ? (
                  <AvailabilityBars key={id} subject={id} name={nameOf(id)} spanLabel={spanLabel} series={series} buckets={range.buckets} network={false} granularity={granularity} />
                ) : null;
              })}
            </ul>
          </section>

          <section class="stack" aria-labelledby="measures-heading">
            <h2 id="measures-heading">{t('history_measures')}</h2>
            {shownService === undefined ? (
              <p class="muted">{t('history_no_measurements')}</p>
            ) : (
              <>
                <label>
                  {t('history_measures_service')}{' '}
                  <select value={shownService} onChange={(event) => setChosen(event.currentTarget.value)}>
                    {serviceIds.map((id) => (
                      <option key={id} value={id}>
                        {nameOf(id)}
                      </option>
                    ))}
                  </select>
                </label>
                <div class="charts">
                  <LineChart
                    id="latency"
                    title={t('history_latency')}
                    values={range.services[shownService]?.latency ?? []}
                    buckets={range.buckets}
                    format={(value) => formatLatency(value, locale)}
                    granularity={granularity}
                  />
                  <LineChart
                    id="goodput"
                    title={t('history_goodput')}
                    values={range.services[shownService]?.goodput ?? []}
                    buckets={range.buckets}
                    format={(value) => formatGoodput(value, locale)}
                    granularity={granularity}
                  />
                </div>
              </>
            )}
          </section>
        </>
      )}

      {loaded && (
        <section class="stack" aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">{t('history_incidents')}</h2>
          <p class="muted small">{t('history_incidents_hint')}</p>
          <IncidentList incidents={loaded.incidents} nameOf={nameOf} target={target} now={now} />
        </section>
      )}

      <DataSection announce={announce} onChanged={() => setVersion((value) => value + 1)} />
      <LiveRegion message={message} />
    </main>
  );
}
