/**
 * Daily roll-ups: what a subject's rounds of one local day add up to. Built one round at a time by
 * `writeRound`, from raw data by the v2 upgrade and by import, always with these functions, so
 * a roll-up is the same however it came about. Every raw round is counted in its day's roll-ups
 * when it is written; pruning raw data therefore loses nothing the history page shows for days.
 */
import { NETWORK_SUBJECT } from '../confirm/types';
import { localDay, type LocalDay } from './local-day';
import { verdictLatency, verdictState } from './round-records';
import { pathOf, type RollupRecord, type RoundRecord, type Tally, type TallyState, type VerdictRecord } from './schema';
import { addToSummary, mergeSummaries } from './summary';
import { tallyTotal } from './tally';

export function emptyRollup(subject: string, day: LocalDay): RollupRecord {
  return { subject, day, rounds: {}, seconds: {} };
}

export function addToTally(tally: Tally, state: TallyState, amount: number): Tally {
  return { ...tally, [state]: (tally[state] ?? 0) + amount };
}

export function mergeTallies(a: Tally, b: Tally): Tally {
  let merged = a;
  for (const [state, amount] of Object.entries(b) as [TallyState, number][]) merged = addToTally(merged, state, amount);
  return merged;
}

/** Adds a service's verdict of one round to that service's roll-up of the round's day. */
export function addVerdictToRollup(rollup: RollupRecord, verdict: VerdictRecord): RollupRecord {
  const ms = verdictLatency(verdict);
  const state = verdictState(verdict);
  const latency = ms === undefined ? rollup.latency : addToSummary(rollup.latency, ms);
  const goodput = verdict.gp === undefined ? rollup.goodput : addToSummary(rollup.goodput, verdict.gp);
  return {
    ...rollup,
    rounds: addToTally(rollup.rounds, state, 1),
    seconds: addToTally(rollup.seconds, state, verdict.d),
    ...(latency !== undefined ? { latency } : {}),
    ...(goodput !== undefined ? { goodput } : {}),
  };
}

/** Adds a round to the `@network` roll-up of its day. */
export function addRoundToRollup(rollup: RollupRecord, round: RoundRecord): RollupRecord {
  return {
    ...rollup,
    rounds: addToTally(rollup.rounds, round.network.state, 1),
    seconds: addToTally(rollup.seconds, round.network.state, round.seconds),
    wireBytes: (rollup.wireBytes ?? 0) + round.wireBytes,
    ...(pathOf(round) === 'proxy' ? { proxySeconds: (rollup.proxySeconds ?? 0) + round.seconds } : {}),
  };
}

/** Sums two roll-ups of the same subject and day (disjoint sets of rounds). */
export function mergeRollups(a: RollupRecord, b: RollupRecord): RollupRecord {
  const latency = mergeSummaries(a.latency, b.latency);
  const goodput = mergeSummaries(a.goodput, b.goodput);
  const wireBytes = a.wireBytes === undefined && b.wireBytes === undefined ? undefined : (a.wireBytes ?? 0) + (b.wireBytes ?? 0);
  const proxySeconds = a.proxySeconds === undefined && b.proxySeconds === undefined ? undefined : (a.proxySeconds ?? 0) + (b.proxySeconds ?? 0);
  return {
    subject: a.subject,
    day: a.day,
    rounds: mergeTallies(a.rounds, b.rounds),
    seconds: mergeTallies(a.seconds, b.seconds),
    ...(latency !== undefined ? { latency } : {}),
    ...(goodput !== undefined ? { goodput } : {}),
    ...(wireBytes !== undefined ? { wireBytes } : {}),
    ...(proxySeconds !== undefined ? { proxySeconds } : {}),
  };
}

export function rollupKey(subject: string, day: LocalDay): string {
  return `${subject}\u0000${day}`;
}

/**
 * Roll-ups of a set of rounds and their verdicts, keyed by `rollupKey`. A verdict's day is its
 * round's local day; a verdict whose round is missing is counted in its UTC day.
 */
export function buildRollups(rounds: Iterable<RoundRecord>, verdicts: Iterable<VerdictRecord>): Map<string, RollupRecord> {
  const rollups = new Map<string, RollupRecord>();
  const offsets = new Map<number, number>();
  const add = (subject: string, day: LocalDay, update: (rollup: RollupRecord) => RollupRecord): void => {
    const key = rollupKey(subject, day);
    rollups.set(key, update(rollups.get(key) ?? emptyRollup(subject, day)));
  };
  for (const round of rounds) {
    offsets.set(round.roundId, round.utcOffsetMin);
    add(NETWORK_SUBJECT, localDay(round.roundId, round.utcOffsetMin), (rollup) => addRoundToRollup(rollup, round));
  }
  for (const verdict of verdicts) {
    add(verdict.s, localDay(verdict.r, offsets.get(verdict.r) ?? 0), (rollup) => addVerdictToRollup(rollup, verdict));
  }
  return rollups;
}

/** Rounds a roll-up counted, over all states. */
export function roundsCounted(rollup: RollupRecord): number {
  return tallyTotal(rollup.rounds);
}
