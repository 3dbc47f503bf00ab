/**
 * One axis of confirmation: a window of the last valid rounds and a confirmed state with
 * hysteresis (docs/sources.md#confirmation; the numbers in src/defaults.ts).
 *
 *   unknown ──first clean round──► reachable
 *   unknown / reachable ──bad in CONFIRM_BAD_OF of the last CONFIRM_WINDOW (or a blockpage at once)──► bad(state, how)
 *   bad(a) ──another bad(b) in CONFIRM_BAD_OF of the last CONFIRM_WINDOW (or a blockpage at once)──► bad(b)
 *   bad ──RECOVER_CLEAN_ROUNDS clean rounds in a row──► reachable
 *
 * A bad run that is not confirmed never shows: one flaky round never raises an alarm.
 */
import { CONFIRM_BAD_OF, CONFIRM_WINDOW, RECOVER_CLEAN_ROUNDS } from '../defaults';
import type { How, State } from '../states';
import type { Judgement, RoundMark } from './types';

export const UNJUDGED: Judgement = { state: 'unknown', since: 0, recent: [], cleanStreak: 0 };

const isClean = (mark: RoundMark): boolean => mark.state === 'reachable';
const isBad = (state: State): boolean => state !== 'reachable' && state !== 'unknown';
const sameKind = (a: { state: State; how?: How | undefined }, b: { state: State; how?: How | undefined }): boolean =>
  a.state === b.state && a.how === b.how;

/** The most frequent bad (state, how) in the window; ties go to the most recent. */
function dominantBad(recent: readonly RoundMark[]): { mark: RoundMark; count: number; first: number } | null {
  let best: { mark: RoundMark; count: number; first: number } | null = null;
  for (let i = recent.length - 1; i >= 0; i -= 1) {
    const mark = recent[i]!;
    if (isClean(mark)) continue;
    const same = recent.filter((other) => sameKind(other, mark));
    if (best === null || same.length > best.count) {
      best = { mark, count: same.length, first: Math.min(...same.map((other) => other.roundStart)) };
    }
  }
  return best;
}

export function judgeAxis(previous: Judgement, mark: RoundMark): Judgement {
  const recent = [...previous.recent, mark].slice(-CONFIRM_WINDOW);
  const cleanStreak = isClean(mark) ? previous.cleanStreak + 1 : 0;
  const base = { recent, cleanStreak };
  const keep = (): Judgement => ({ ...previous, ...base });
  const become = (state: State, how: How | undefined, since: number): Judgement => ({
    state,
    ...(how !== undefined ? { how } : {}),
    since,
    ...base,
  });

  const badNow = isBad(previous.state);

  if (isClean(mark)) {
    if (previous.state === 'unknown') return become('reachable', undefined, mark.roundStart);
    if (badNow && cleanStreak >= RECOVER_CLEAN_ROUNDS) {
      // The block ended when the first clean round of the streak saw it end.
      const firstClean = recent[recent.length - RECOVER_CLEAN_ROUNDS]?.roundStart ?? mark.roundStart;
      return become('reachable', undefined, firstClean);
    }
    return keep();
  }

  // A blockpage is a fingerprint match: confirmed at once, as OONI does.
  if (mark.how === 'blockpage' && !sameKind(previous, mark)) return become(mark.state, mark.how, mark.roundStart);

  const dominant = dominantBad(recent);
  if (dominant === null) return keep();
  if (!badNow) {
    const badCount = recent.filter((other) => !isClean(other)).length;
    if (badCount < CONFIRM_BAD_OF) return keep();
    const since = Math.min(...recent.filter((other) => !isClean(other)).map((other) => other.roundStart));
    return become(dominant.mark.state, dominant.mark.how, since);
  }
  if (!sameKind(previous, dominant.mark) && dominant.count >= CONFIRM_BAD_OF) {
    return become(dominant.mark.state, dominant.mark.how, dominant.first);
  }
  return keep();
}
