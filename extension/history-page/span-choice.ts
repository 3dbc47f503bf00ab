/**
 * The periods the history page offers, and which one shows a given moment. The lengths mirror the
 * store's SPANS (bucket count × bucket size; tests/ui/span-choice.test.ts keeps them equal): read
 * here as plain numbers so the page does not bundle the store's query code.
 */
import type { Span } from '../../src/store/history-range';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const SPAN_ORDER: readonly Span[] = ['24h', '7d', '30d', '90d'];

export const SPAN_LENGTH_MS: Readonly<Record<Span, number>> = {
  '24h': 24 * HOUR_MS,
  '7d': 28 * 6 * HOUR_MS,
  '30d': 30 * DAY_MS,
  '90d': 90 * DAY_MS,
};

export function spanLength(span: Span): number {
  return SPAN_LENGTH_MS[span];
}

/** The shortest span that reaches back to `moment`, never shorter than `atLeast` (the longest when none does). */
export function spanShowing(moment: number, now: number, atLeast: Span): Span {
  if (now - moment <= spanLength(atLeast)) return atLeast;
  return SPAN_ORDER.find((span) => now - moment <= spanLength(span)) ?? '90d';
}
