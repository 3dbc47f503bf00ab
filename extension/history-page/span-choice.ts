/** The periods the history page offers, in order, and which one shows a given moment. */
import { spanLengthMs, type Span } from '../../src/store/spans';

export const SPAN_ORDER: readonly Span[] = ['24h', '7d', '30d', '90d'];

/** The shortest span that reaches back to `moment`, never shorter than `atLeast` (the longest when none does). */
export function spanShowing(moment: number, now: number, atLeast: Span): Span {
  if (now - moment <= spanLengthMs(atLeast)) return atLeast;
  return SPAN_ORDER.find((span) => now - moment <= spanLengthMs(span)) ?? '90d';
}
