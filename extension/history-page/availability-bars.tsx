/**
 * One subject's availability over the span: a stacked bar per bucket (share of time per state,
 * reachable at the bottom), the overall share in words, and the same as a table on request.
 * Buckets without data stay empty, never guessed. For the network, the share of checks that went
 * through a VPN or proxy (the path), overall and per bucket, when there were any.
 */
import { formatShare } from '../../src/format/percent';
import { formatAxisLabel } from '../../src/format/relative-time';
import type { Bucket, SubjectSeries } from '../../src/store/history-range';
import { availabilityOf, sumTallies, tallyTotal } from '../../src/store/tally';
import { useI18n } from '../shared/ui/i18n';
import { DataTable } from './data-table';
import { NETWORK_ORDER, SERVICE_ORDER, sharesOf, type Share } from './share-of-states';
import { TALLY_LABEL } from './state-words';

/** Drawing units: each bucket is BAR_PITCH wide with a gap, the bar BAR_HEIGHT tall. */
const BAR_PITCH = 10;
const BAR_GAP = 2;
const BAR_HEIGHT = 40;

export interface AvailabilityBarsProps {
  readonly subject: string;
  readonly name: string;
  readonly spanLabel: string;
  readonly series: SubjectSeries;
  readonly buckets: readonly Bucket[];
  readonly network: boolean;
  readonly granularity: 'hour' | 'day';
  /** Network only: per bucket, the share of its time checked through a VPN or proxy. */
  readonly proxyShare?: readonly (number | null)[];
}

/** The share of the whole span's time that went through a VPN or proxy, weighting each bucket by its seconds. */
function overallProxyShare(shares: readonly (number | null)[], seconds: SubjectSeries['seconds']): number {
  let proxied = 0;
  let total = 0;
  shares.forEach((share, i) => {
    const bucket = tallyTotal(seconds[i] ?? {});
    total += bucket;
    proxied += (share ?? 0) * bucket;
  });
  return total > 0 ? proxied / total : 0;
}

export function AvailabilityBars(props: AvailabilityBarsProps) {
  const { t, locale, dir, moment } = useI18n();
  const order = props.network ? NETWORK_ORDER : SERVICE_ORDER;
  const total = sumTallies(props.series.seconds);
  const overall = availabilityOf(total, props.network);
  const words = (shares: readonly Share[]): string =>
    shares.length === 0
      ? t('history_no_data')
      : new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(shares.map(({ state, share }) => t('history_share_part', [t(TALLY_LABEL[state]), formatShare(share, locale)])));
  const summary = t('history_bars_summary', [props.name, props.spanLabel, words(sharesOf(total, order))]);
  const anySeconds = Object.values(total).some((value) => (value ?? 0) > 0);
  const headline =
    overall === null
      ? anySeconds
        ? t('history_not_judged')
        : t('history_no_data')
      : props.network
        ? t('history_online_share', formatShare(overall, locale))
        : t('history_available_share', formatShare(overall, locale));
  const count = props.buckets.length;
  const width = count * BAR_PITCH;
  const proxyShare = props.proxyShare !== undefined && props.proxyShare.some((share) => (share ?? 0) > 0) ? props.proxyShare : undefined;
  return (
    <li class="availability" data-subject={props.subject}>
      <div class="availability-head">
        <h3>{props.name}</h3>
        <span class={overall === null ? 'muted' : ''}>{headline}</span>
      </div>
      {proxyShare && (
        <p class="muted small" data-path-share={overallProxyShare(proxyShare, props.series.seconds).toFixed(3)}>
          {t('history_path_proxy_hint', formatShare(overallProxyShare(proxyShare, props.series.seconds), locale))}
        </p>
      )}
      <svg class="bars" viewBox={`0 0 ${width} ${BAR_HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <title>{summary}</title>
        {props.buckets.map((_, i) => {
          const shares = sharesOf(props.series.seconds[i] ?? {}, order);
          const slot = dir === 'rtl' ? count - 1 - i : i;
          let y = BAR_HEIGHT;
          return (
            <g key={i}>
              {shares.length === 0 ? (
                <rect class="bar-empty" x={slot * BAR_PITCH} y={BAR_HEIGHT - 1} width={BAR_PITCH - BAR_GAP} height={1} />
              ) : (
                shares.map(({ state, share }) => {
                  const height = share * BAR_HEIGHT;
                  y -= height;
                  return <rect key={state} class={`fill-${state}`} x={slot * BAR_PITCH} y={y} width={BAR_PITCH - BAR_GAP} height={height} />;
                })
              )}
            </g>
          );
        })}
      </svg>
      <DataTable
        caption={summary}
        head={[t('history_col_from'), t('history_col_availability'), t('history_col_breakdown'), ...(proxyShare ? [t('history_path_proxy')] : [])]}
        rows={() =>
          props.buckets.map((bucket, i) => {
            const availability = props.series.availability[i];
            return [
              formatAxisLabel(bucket.start, props.granularity, moment),
              availability === null || availability === undefined ? '—' : formatShare(availability, locale),
              words(sharesOf(props.series.seconds[i] ?? {}, order)),
              ...(proxyShare ? [proxyShare[i] === null || proxyShare[i] === undefined ? '—' : formatShare(proxyShare[i] ?? 0, locale)] : []),
            ];
          })
        }
      />
    </li>
  );
}
