/**
 * Import: merges a validated export into the history in one transaction, so a failure (a full
 * disk) leaves the history as it was. Importing the same file twice changes nothing the second time.
 *
 * Merging:
 * - Raw rounds are merged by roundId: a round already here is kept as is (with its verdicts and
 *   observations); a new one is added with the file's verdicts and observations.
 * - Roll-ups: where this history has a day's roll-up, the file's new rounds of that day are added
 *   to it. Where it has none, the file's roll-up is taken whole (it already counts the file's
 *   rounds). Only when both sides have a day whose raw rounds were pruned can a day's figures
 *   miss rounds: two roll-ups cannot be merged without knowing which rounds both counted, and
 *   adding them would count a restored backup twice.
 * - Incidents are merged by [subject, start]; an incident open here but closed in the file is
 *   closed. If that leaves a subject with two open incidents, the earlier ends where the later began.
 */
import { NETWORK_SUBJECT } from '../confirm/types';
import type { HistoryExport } from './export-format';
import { localDay } from './local-day';
import { incidentKey, planIncidents } from './plan-incidents';
import { roundStoredBytes } from './record-size';
import { addRoundToRollup, addVerdictToRollup, emptyRollup, mergeRollups, rollupKey } from './rollup';
import { pathOf, type HistoryDb, type IncidentRecord, type ObservationRecord, type RollupRecord, type RoundRecord, type VerdictRecord } from './schema';
import { PendingRequests, withTransaction } from './transaction';

export interface ImportReport {
  /** New raw rounds (with their verdicts and observations). */
  readonly rounds: number;
  readonly verdicts: number;
  readonly observations: number;
  /** Roll-ups added or updated. */
  readonly rollups: number;
  /** Incidents added or updated. */
  readonly incidents: number;
}

function groupByRound<T extends { readonly r: number }>(records: readonly T[], keep: ReadonlySet<number>): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const record of records) {
    if (!keep.has(record.r)) continue;
    const group = groups.get(record.r);
    if (group) group.push(record);
    else groups.set(record.r, [record]);
  }
  return groups;
}

/** Imports an export that `validateExport` accepted. */
export async function importHistory(db: HistoryDb, data: HistoryExport): Promise<ImportReport> {
  return withTransaction(db, ['rounds', 'verdicts', 'observations', 'incidents', 'rollups'], 'readwrite', 'the import', async (tx) => {
    const roundStore = tx.objectStore('rounds');
    const present = new Set(await roundStore.getAllKeys());
    const newRounds = data.rounds.filter((round) => !present.has(round.roundId)).sort((a, b) => a.roundId - b.roundId);
    const newIds = new Set(newRounds.map((round) => round.roundId));
    const verdictsOf = groupByRound(data.verdicts, newIds);
    const observationsOf = groupByRound(data.observations, newIds);

    // What the new rounds add to each subject's day.
    const additions = new Map<string, RollupRecord>();
    const add = (subject: string, day: string, update: (rollup: RollupRecord) => RollupRecord): void => {
      const key = rollupKey(subject, day);
      additions.set(key, update(additions.get(key) ?? emptyRollup(subject, day)));
    };
    const rounds: RoundRecord[] = [];
    for (const round of newRounds) {
      const verdicts = verdictsOf.get(round.roundId) ?? [];
      const observations = observationsOf.get(round.roundId) ?? [];
      // The file's size figure is recomputed: it drives pruning here.
      const { storedBytes: _theirs, ...rest } = round;
      const stored: RoundRecord = { ...rest, storedBytes: roundStoredBytes(rest, verdicts, observations) };
      rounds.push(stored);
      const day = localDay(round.roundId, round.utcOffsetMin);
      add(NETWORK_SUBJECT, day, (rollup) => addRoundToRollup(rollup, stored));
      // As write-round.ts: only direct rounds count towards a service's day.
      if (pathOf(stored) === 'direct') for (const verdict of verdicts) add(verdict.s, day, (rollup) => addVerdictToRollup(rollup, verdict));
    }

    const rollupStore = tx.objectStore('rollups');
    const theirs = new Map(data.rollups.map((rollup) => [rollupKey(rollup.subject, rollup.day), rollup]));
    const keys = new Set([...theirs.keys(), ...additions.keys()]);
    const rollupWrites: RollupRecord[] = [];
    for (const key of keys) {
      const sample = theirs.get(key) ?? additions.get(key);
      if (!sample) continue;
      const ours = await rollupStore.get([sample.subject, sample.day]);
      const added = additions.get(key);
      if (ours) {
        if (added) rollupWrites.push(mergeRollups(ours, added));
      } else {
        rollupWrites.push(theirs.get(key) ?? (added as RollupRecord));
      }
    }

    const incidentStore = tx.objectStore('incidents');
    const incidentWrites = new Map<string, IncidentRecord>();
    for (const incident of data.incidents) {
      const ours = await incidentStore.get([incident.subject, incident.start]);
      if (!ours) incidentWrites.set(incidentKey(incident), incident);
      else if (ours.open === 1 && incident.end !== undefined) incidentWrites.set(incidentKey(incident), incident);
    }
    const openAfter = [
      ...(await incidentStore.index('open').getAll()).filter((incident) => !incidentWrites.has(incidentKey(incident))),
      ...[...incidentWrites.values()].filter((incident) => incident.open === 1),
    ];
    for (const fix of planIncidents(openAfter, [])) incidentWrites.set(incidentKey(fix), fix);

    const writes = new PendingRequests();
    const verdictStore = tx.objectStore('verdicts');
    const observationStore = tx.objectStore('observations');
    let verdictCount = 0;
    let observationCount = 0;
    for (const round of rounds) {
      writes.add(roundStore.put(round));
      for (const verdict of verdictsOf.get(round.roundId) ?? ([] as VerdictRecord[])) {
        writes.add(verdictStore.put(verdict));
        verdictCount++;
      }
      for (const observation of observationsOf.get(round.roundId) ?? ([] as ObservationRecord[])) {
        writes.add(observationStore.put(observation));
        observationCount++;
      }
    }
    for (const rollup of rollupWrites) writes.add(rollupStore.put(rollup));
    for (const incident of incidentWrites.values()) writes.add(incidentStore.put(incident));
    await writes.settled();
    return { rounds: rounds.length, verdicts: verdictCount, observations: observationCount, rollups: rollupWrites.length, incidents: incidentWrites.size };
  });
}
