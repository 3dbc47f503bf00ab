/**
 * A measure over the span (response time, download speed): the median per bucket as a line, the
 * range from lowest to highest as a faint band, a summary in words, and a table on request.
 * Inline SVG, no chart library. The scale reaches a little above the highest median, so one
 * outlier does not flatten the rest (the band is cut at the top).
 */
import type { SummaryStats } from '../../src/store/summary';
import { formatAxisLabel } from '../../src/format/relative-time';
import type { Bucket } from '../../src/store/history-range';
import { useI18n } from '../shared/ui/i18n';
import { DataTable } from './data-table';

const WIDTH = 600;
const HEIGHT = 150;
/** Headroom above the highest median, as a factor. */
const HEADROOM = 1.25;

export interface LineChartProps {
  readonly id: string;
  readonly title: string;
  readonly values: readonly (SummaryStats | null)[];
  readonly buckets: readonly Bucket[];
  readonly format: (value: number) => string;
  readonly granularity: 'hour' | 'day';
}

/** Lowest, highest and the mean weighted by each bucket's count. */
export function overallStats(values: readonly (SummaryStats | null)[]): { min: number; max: number; mean: number } | null {
  const present = values.filter((value): value is SummaryStats => value !== null);
  const n = present.reduce((sum, value) => sum + value.n, 0);
  if (present.length === 0 || n === 0) return null;
  return {
    min: Math.min(...present.map((value) => value.min)),
    max: Math.max(...present.map((value) => value.max)),
    mean: present.reduce((sum, value) => sum + value.mean * value.n, 0) / n,
  };
}

export function LineChart(props: LineChartProps) {
  const { t, dir, moment } = useI18n();
  const overall = overallStats(props.values);
  if (!overall) {
    return (
      <figure class="chart" data-chart={props.id}>
        <figcaption>{props.title}</figcaption>
        <p class="muted">{t('history_no_measurements')}</p>
      </figure>
    );
  }
  const count = props.buckets.length;
  const top = Math.max(...props.values.map((value) => value?.median ?? 0)) * HEADROOM || overall.max;
  // Half a bucket of margin at each end, so the first and the newest points are not cut at the edge.
  const inset = WIDTH / Math.max(count, 1) / 2;
  const xOf = (i: number): number => {
    const x = count <= 1 ? WIDTH / 2 : inset + (i / (count - 1)) * (WIDTH - 2 * inset);
    return dir === 'rtl' ? WIDTH - x : x;
  };
  const yOf = (value: number): number => HEIGHT - Math.min(1, value / top) * HEIGHT;
  // Consecutive buckets with data form one segment; a bucket without data breaks the line.
  const segments: (readonly [number, number])[][] = [];
  let current: (readonly [number, number])[] = [];
  props.values.forEach((value, i) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push([xOf(i), yOf(value.median)]);
  });
  if (current.length > 0) segments.push(current);
  const band = WIDTH / Math.max(count, 1) / 2;
  const summary = t('history_chart_summary', [props.title, props.format(overall.mean), props.format(overall.min), props.format(overall.max)]);
  const first = props.buckets[0];
  const last = props.buckets[count - 1];
  return (
    <figure class="chart" data-chart={props.id}>
      <figcaption>{props.title}</figcaption>
      <div class="chart-scale muted small">{props.format(top)}</div>
      <svg class="chart-plot" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
        <title>{summary}</title>
        {props.values.map((value, i) =>
          value === null ? null : (
            <rect key={i} class="chart-band" x={xOf(i) - band / 2} y={yOf(value.max)} width={band} height={Math.max(1, yOf(value.min) - yOf(value.max))} />
          ),
        )}
        {segments.map((points, i) => {
          const [only] = points;
          return points.length === 1 && only ? (
            <circle key={i} class="chart-dot" cx={only[0]} cy={only[1]} r={3} />
          ) : (
            <polyline key={i} class="chart-line" points={points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} vector-effect="non-scaling-stroke" />
          );
        })}
      </svg>
      <div class="chart-axis muted small">
        <span>{first ? formatAxisLabel(first.start, props.granularity, moment) : ''}</span>
        <span>{last ? formatAxisLabel(last.start, props.granularity, moment) : ''}</span>
      </div>
      <p class="small">{summary}</p>
      <DataTable
        caption={summary}
        head={[t('history_col_from'), t('history_col_median'), t('history_col_min'), t('history_col_max')]}
        rows={() =>
          props.buckets.map((bucket, i) => {
            const value = props.values[i];
            return [
              formatAxisLabel(bucket.start, props.granularity, moment),
              value ? props.format(value.median) : '—',
              value ? props.format(value.min) : '—',
              value ? props.format(value.max) : '—',
            ];
          })
        }
      />
    </figure>
  );
}
