/**
 * Confirmation for one subject and one round: feed the round's verdict to the track's axes and
 * report a Change when the confirmed state moved. Pure; the caller stores the new track.
 */
import type { NetworkVerdict, ServiceVerdict } from '../classify/verdict';
import { isBadState } from '../states';
import { judgeAxis, UNJUDGED } from './judge-axis';
import type { Change, ChangeKind, Confirmed, Judgement, RoundMark, Track } from './types';

export function newTrack(subject: string): Track {
  return { subject, reach: UNJUDGED, speed: UNJUDGED };
}

/** What the track stands for: a bad reachability state wins over `slow`. */
export function confirmedOf(track: Track): Confirmed {
  const pick = (judgement: Judgement): Confirmed => ({
    state: judgement.state,
    ...(judgement.how !== undefined ? { how: judgement.how } : {}),
    since: judgement.since,
  });
  if (isBadState(track.reach.state) || track.reach.state === 'restricted') return pick(track.reach);
  if (track.speed.state === 'slow') return pick(track.speed);
  return pick(track.reach);
}

function changeBetween(subject: string, from: Confirmed, to: Confirmed, at: number): Change | undefined {
  const badBefore = isBadState(from.state) || from.state === 'restricted';
  const badAfter = isBadState(to.state) || to.state === 'restricted';
  let kind: ChangeKind | undefined;
  if (!badBefore && badAfter) kind = 'started';
  else if (badBefore && !badAfter && to.state === 'reachable') kind = 'ended';
  else if (badBefore && badAfter && (from.state !== to.state || from.how !== to.how)) kind = 'changed';
  return kind === undefined ? undefined : { subject, kind, from, to, at };
}

/** Marks a valid round's service verdict leaves on each axis (none on speed without a throughput probe). */
export function marksOf(verdict: ServiceVerdict, roundStart: number): AxisMarks {
  const reachState = verdict.state === 'slow' ? 'reachable' : verdict.state;
  const reach: RoundMark | undefined =
    reachState === 'reachable'
      ? { roundStart, state: 'reachable' }
      : reachState === 'partial' || reachState === 'blocked'
        ? { roundStart, state: reachState, ...(verdict.how !== undefined ? { how: verdict.how } : {}) }
        : undefined;
  let speed: RoundMark | undefined;
  if (verdict.speed === 'ok') speed = { roundStart, state: 'reachable' };
  else if (verdict.speed === 'slow') speed = { roundStart, state: 'slow' };
  else if (verdict.speed === 'stall') speed = { roundStart, state: 'slow', how: 'stall' };
  return { ...(reach ? { reach } : {}), ...(speed ? { speed } : {}) };
}

/** The network's mark: online is clean, restricted is bad; offline and captive rounds leave none. */
export function networkMarksOf(network: NetworkVerdict, roundStart: number): AxisMarks {
  if (network.state === 'online') return { reach: { roundStart, state: 'reachable' } };
  if (network.state === 'restricted') return { reach: { roundStart, state: 'restricted' } };
  return {};
}

export interface AxisMarks {
  readonly reach?: RoundMark;
  readonly speed?: RoundMark;
}

export interface ConfirmResult {
  readonly track: Track;
  readonly change?: Change;
}

/** Applies one round's marks (from a valid round only) to a track. */
export function confirm(track: Track, roundStart: number, marks: AxisMarks): ConfirmResult {
  const before = confirmedOf(track);
  const next: Track = {
    subject: track.subject,
    reach: marks.reach ? judgeAxis(track.reach, { ...marks.reach, roundStart }) : track.reach,
    speed: marks.speed ? judgeAxis(track.speed, { ...marks.speed, roundStart }) : track.speed,
  };
  const change = changeBetween(track.subject, before, confirmedOf(next), roundStart);
  return change ? { track: next, change } : { track: next };
}
