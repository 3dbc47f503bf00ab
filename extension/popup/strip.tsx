/** A service's last 24 hours as a row of coloured rounds, with the same facts in words. */
import type { StripCell } from '../../src/snapshot/snapshot';
import { numberFormat } from '../../src/format/intl-cache';
import { DAY_MS } from '../../src/time-units';
import { useI18n } from '../shared/ui/i18n';
import { STATE_LABEL } from '../shared/ui/state-look';
import { layoutStrip, STRIP_WIDTH } from './strip-layout';
import { tallyStrip } from './strip-summary';

export function Strip(props: { readonly cells: readonly StripCell[]; readonly now: number }) {
  const { t, locale, dir } = useI18n();
  const from = props.now - DAY_MS;
  const tally = tallyStrip(props.cells, from, props.now);
  const count = (value: number): string => numberFormat(locale, {}).format(value);
  const parts = new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(
    tally.counts.map(({ state, count: n }) => t('popup_strip_part', [t(STATE_LABEL[state]), count(n)])),
  );
  const summary = tally.total === 0 ? t('popup_strip_empty') : t('popup_strip_summary', [count(tally.total), parts]);
  const rects = layoutStrip(props.cells, from, props.now, dir === 'rtl');
  return (
    <svg class="timeline" viewBox={`0 0 ${STRIP_WIDTH} 10`} preserveAspectRatio="none" role="img" aria-label={summary}>
      <title>{summary}</title>
      {rects.map((rect) => (
        <rect key={rect.roundStart} class={`fill-${rect.state}`} shape-rendering="crispEdges" x={rect.x} y={0} width={rect.width} height={10} />
      ))}
    </svg>
  );
}
