/**
 * The periods the history offers and their buckets, in a file of their own so the history page
 * can read them without bundling the store's query code.
 */
import { DAY_MS, HOUR_MS } from '../time-units';

export type Span = '24h' | '7d' | '30d' | '90d';

/** Bucket sizes: 24 hourly bars, 28 six-hour bars (four a day, a readable week), and one bar a day. */
export const SPANS: Readonly<Record<Span, { readonly count: number; readonly bucket: number | 'day' }>> = {
  '24h': { count: 24, bucket: HOUR_MS },
  '7d': { count: 28, bucket: 6 * HOUR_MS },
  '30d': { count: 30, bucket: 'day' },
  '90d': { count: 90, bucket: 'day' },
};

/** How far back a span reaches, ms: its buckets end to end. */
export function spanLengthMs(span: Span): number {
  const { count, bucket } = SPANS[span];
  return count * (bucket === 'day' ? DAY_MS : bucket);
}
