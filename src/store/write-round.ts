/**
 * Saves one round: its record, its verdicts and observations, the incidents its changes open or
 * close, and its day's roll-ups, all in one transaction. Either all of it is kept or none (the
 * worker may die at any moment, and a full disk must not leave half a round).
 */
import type { RoundVerdict } from '../classify/verdict';
import { NETWORK_SUBJECT, type Change } from '../confirm/types';
import { LONGEST_ROUND_INTERVAL_MIN, SHORTEST_ROUND_INTERVAL_MIN, ROUND_JITTER_MAX_MS } from '../defaults';
import type { Observation } from '../probe/observation';
import { isUtcOffset, localDay } from './local-day';
import { planIncidents } from './plan-incidents';
import { roundStoredBytes } from './record-size';
import { addRoundToRollup, addVerdictToRollup, emptyRollup } from './rollup';
import { encodeObservation, encodeVerdict } from './round-records';
import type { HistoryDb, ObservationRecord, RoundRecord, VerdictRecord } from './schema';
import { PendingRequests, withTransaction } from './transaction';

export interface RoundToWrite {
  readonly verdict: RoundVerdict;
  /** Every observation of the round (each with the verdict's `roundStart`). */
  readonly observations: readonly Observation[];
  /** What confirmation reported for this round. */
  readonly changes: readonly Change[];
  /** The local zone's offset from UTC now, minutes east (`-new Date().getTimezoneOffset()`). */
  readonly utcOffsetMin: number;
  /** The round interval in force, minutes: the most history one round may stand for. */
  readonly intervalMin: number;
}

export type WriteResult = 'written' | 'duplicate';

export interface WriteRoundOptions {
  /**
   * The runtime's state after this round, by name (see runtime-state-store.ts), saved in the same
   * transaction. Not saved for a duplicate: the state saved with the round the first time stands.
   */
  readonly state?: Readonly<Record<string, unknown>>;
}

/**
 * Seconds a round stands for: the time since the subject's previous round, but no more than one
 * interval plus jitter, so a round after a night with the laptop shut does not claim the night.
 */
export function secondsSince(previousRoundStart: number | undefined, roundStart: number, intervalMin: number): number {
  const cap = intervalMin * 60 + ROUND_JITTER_MAX_MS / 1000;
  if (previousRoundStart === undefined) return intervalMin * 60;
  return Math.round(Math.min(cap, Math.max(0, (roundStart - previousRoundStart) / 1000)));
}

function checkInput(input: RoundToWrite): void {
  const { verdict } = input;
  if (!Number.isFinite(verdict.roundStart)) throw new TypeError(`writeRound: roundStart ${verdict.roundStart} is not a time`);
  if (!isUtcOffset(input.utcOffsetMin)) throw new RangeError(`writeRound: utcOffsetMin ${input.utcOffsetMin} is not a time zone offset`);
  if (!(input.intervalMin >= SHORTEST_ROUND_INTERVAL_MIN && input.intervalMin <= LONGEST_ROUND_INTERVAL_MIN)) {
    throw new RangeError(`writeRound: intervalMin ${input.intervalMin} is outside ${SHORTEST_ROUND_INTERVAL_MIN}–${LONGEST_ROUND_INTERVAL_MIN}`);
  }
  const seen = new Set<string>();
  for (const service of verdict.services) {
    if (seen.has(service.serviceId)) throw new TypeError(`writeRound: service ${service.serviceId} has two verdicts in round ${verdict.roundStart}`);
    seen.add(service.serviceId);
  }
  const stray = input.observations.find((observation) => observation.roundStart !== verdict.roundStart);
  if (stray) throw new TypeError(`writeRound: an observation of round ${stray.roundStart} was given with round ${verdict.roundStart}`);
}

export async function writeRound(db: HistoryDb, input: RoundToWrite, options: WriteRoundOptions = {}): Promise<WriteResult> {
  checkInput(input);
  const { verdict, utcOffsetMin, intervalMin } = input;
  const { roundStart } = verdict;
  return withTransaction(db, ['rounds', 'verdicts', 'observations', 'incidents', 'rollups', 'state'], 'readwrite', `round ${roundStart}`, async (tx) => {
    const rounds = tx.objectStore('rounds');
    const verdicts = tx.objectStore('verdicts');
    // A retry of a round that was saved already (the worker died before it heard back).
    if ((await rounds.getKey(roundStart)) !== undefined) return 'duplicate';

    const previousRound = await rounds.openKeyCursor(IDBKeyRange.upperBound(roundStart, true), 'prev');
    const previousVerdicts = await Promise.all(
      verdict.services.map((service) =>
        verdicts.openKeyCursor(IDBKeyRange.bound([service.serviceId, -Infinity], [service.serviceId, roundStart], false, true), 'prev'),
      ),
    );

    const verdictRecords: VerdictRecord[] = verdict.services.map((service, i) =>
      encodeVerdict(service, roundStart, secondsSince(previousVerdicts[i]?.key[1], roundStart, intervalMin)),
    );
    const observationRecords: ObservationRecord[] = input.observations.map((observation, i) => encodeObservation(observation, i));
    const wireBytes = input.observations.reduce((sum, observation) => sum + observation.wireBytes, 0);
    const withoutSize = {
      roundId: roundStart,
      at: verdict.at,
      // Only the fields the record format knows (exports are checked against it).
      network: {
        state: verdict.network.state,
        intlUp: verdict.network.intlUp,
        intlDown: verdict.network.intlDown,
        domesticUp: verdict.network.domesticUp,
        domesticDown: verdict.network.domesticDown,
      },
      path: verdict.path.path,
      ...(verdict.path.signs.length > 0 ? { pathSigns: verdict.path.signs } : {}),
      ...(verdict.path.exitCountry !== undefined ? { exitCountry: verdict.path.exitCountry } : {}),
      wireBytes: Math.round(wireBytes),
      seconds: secondsSince(previousRound?.key, roundStart, intervalMin),
      utcOffsetMin,
    };
    const roundRecord: RoundRecord = { ...withoutSize, storedBytes: roundStoredBytes(withoutSize, verdictRecords, observationRecords) };

    const incidents = tx.objectStore('incidents');
    const incidentWrites = input.changes.length > 0 ? planIncidents(await incidents.index('open').getAll(), input.changes) : [];

    const rollups = tx.objectStore('rollups');
    const day = localDay(roundStart, utcOffsetMin);
    const networkRollup = (await rollups.get([NETWORK_SUBJECT, day])) ?? emptyRollup(NETWORK_SUBJECT, day);
    const serviceRollups = await Promise.all(verdictRecords.map((record) => rollups.get([record.s, day])));

    const writes = new PendingRequests();
    const observations = tx.objectStore('observations');
    writes.add(rounds.put(roundRecord));
    for (const record of verdictRecords) writes.add(verdicts.put(record));
    for (const record of observationRecords) writes.add(observations.put(record));
    for (const record of incidentWrites) writes.add(incidents.put(record));
    writes.add(rollups.put(addRoundToRollup(networkRollup, roundRecord)));
    // A day's availability is the provider's: rounds through a VPN or proxy measured another path.
    if (verdict.path.path === 'direct') {
      verdictRecords.forEach((record, i) => writes.add(rollups.put(addVerdictToRollup(serviceRollups[i] ?? emptyRollup(record.s, day), record))));
    }
    const state = tx.objectStore('state');
    for (const [key, value] of Object.entries(options.state ?? {})) writes.add(state.put(value, key));
    await writes.settled();
    return 'written';
  });
}
