/**
 * What the popup and the history page read. Each query is one read-only transaction.
 */
import type { Path } from '../classify/classify-path';
import type { NetworkState, NetworkVerdict } from '../classify/verdict';
import { NETWORK_SUBJECT } from '../confirm/types';
import type { StripCell } from '../snapshot/snapshot';
import type { How, State } from '../states';
import { DAY_MS } from '../time-units';
import { addDays, localDay, type LocalDay } from './local-day';
import { decodeObservation, decodeVerdict, verdictState, type StoredObservation, type StoredVerdict } from './round-records';
import { pathOf, type HistoryDb, type IncidentRecord, type RoundRecord, type VerdictRecord } from './schema';
import { listSubjects } from './subjects';
import { withTransaction } from './transaction';

export { historyRange, SPANS, type Bucket, type HistoryRange, type RangeQuery, type Span, type SubjectSeries } from './history-range';

/** An incident as pages show it. */
export interface Incident {
  /** A service id, or `@network`. */
  readonly subject: string;
  readonly state: State;
  readonly how?: How;
  readonly start: number;
  /** null while it goes on. */
  readonly end: number | null;
}

export function decodeIncident(record: IncidentRecord): Incident {
  return {
    subject: record.subject,
    state: record.state,
    ...(record.how !== undefined ? { how: record.how } : {}),
    start: record.start,
    end: record.open === 1 || record.end === undefined ? null : record.end,
  };
}

/** The last round, the latest verdict per service and the open incidents. */
export interface LatestRecords {
  readonly lastRound: {
    readonly roundStart: number;
    readonly at: number;
    readonly network: NetworkVerdict;
    /** The path it measured: the provider's network or a VPN or proxy. */
    readonly path: Path;
    readonly exitCountry?: string;
  } | null;
  /** The latest verdict of every service with history. */
  readonly services: Readonly<Record<string, StoredVerdict>>;
  /** Open incidents by subject (service ids and `@network`). */
  readonly openIncidents: Readonly<Record<string, Incident>>;
}

/** Every key `[subject, t]` of one subject: a range a cursor can seek to directly. */
function subjectRange(subject: string, from = -Infinity, to = Infinity, openStart = false): IDBKeyRange {
  return IDBKeyRange.bound([subject, from], [subject, to], openStart, false);
}

/**
 * The latest verdict per service and the open incidents: what the popup shows after a worker
 * restart. Given the subjects to read (the popup's services), each is one short seek; without, the
 * subjects are listed from the roll-ups first.
 */
export async function latestRecords(db: HistoryDb, subjects?: readonly string[]): Promise<LatestRecords> {
  const { last, latest, open } = await withTransaction(db, ['rounds', 'verdicts', 'incidents', 'rollups'], 'readonly', 'reading the latest records', async (tx) => {
    const lastRoundCursor = await tx.objectStore('rounds').openCursor(null, 'prev');
    const verdicts = tx.objectStore('verdicts');
    const names = subjects ?? (await listSubjects(tx.objectStore('rollups')));
    const newest = await Promise.all(names.map(async (subject) => (await verdicts.openCursor(subjectRange(subject), 'prev'))?.value));
    const latestVerdicts = newest.filter((record): record is VerdictRecord => record !== undefined);
    const openIncidents = await tx.objectStore('incidents').index('open').getAll();
    return { last: lastRoundCursor?.value, latest: latestVerdicts, open: openIncidents };
  });

  const openIncidents: Record<string, Incident> = {};
  for (const record of open.sort((a, b) => a.start - b.start)) openIncidents[record.subject] = decodeIncident(record);
  return {
    lastRound: last
      ? { roundStart: last.roundId, at: last.at, network: last.network, path: pathOf(last), ...(last.exitCountry !== undefined ? { exitCountry: last.exitCountry } : {}) }
      : null,
    services: Object.fromEntries(latest.map((record) => [record.s, decodeVerdict(record)])),
    openIncidents,
  };
}

/** A strip cell as stored: the snapshot's cell, and how the service was blocked (a verdict whose round was pruned reads as direct). */
export interface StoredStripCell extends StripCell {
  readonly how?: How;
}

export interface DayStrip {
  readonly from: number;
  readonly to: number;
  /** Every round, oldest first. */
  readonly network: readonly { readonly roundStart: number; readonly state: NetworkState; readonly path: Path }[];
  /** Each service's rounds, oldest first. */
  readonly services: Readonly<Record<string, readonly StoredStripCell[]>>;
}

/** Every round of the last 24 hours, per service, in order: the popup's 24-hour strip (for the given subjects, else all). */
export async function last24h(db: HistoryDb, now: number, subjects?: readonly string[]): Promise<DayStrip> {
  const from = now - DAY_MS;
  const { rounds, subjects: names, perSubject } = await withTransaction(db, ['rounds', 'verdicts', 'rollups'], 'readonly', 'reading 24 hours', async (tx) => {
    const verdicts = tx.objectStore('verdicts');
    const listed = subjects ?? (await listSubjects(tx.objectStore('rollups')));
    return {
      rounds: await tx.objectStore('rounds').getAll(IDBKeyRange.bound(from, now, true, false)),
      subjects: listed,
      perSubject: await Promise.all(listed.map((subject) => verdicts.getAll(subjectRange(subject, from, now, true)))),
    };
  });
  const pathAt = new Map(rounds.map((round) => [round.roundId, pathOf(round)]));
  const services: Record<string, StoredStripCell[]> = {};
  names.forEach((subject, i) => {
    const records = perSubject[i] ?? [];
    if (records.length > 0) {
      services[subject] = records.map((record) => ({
        roundStart: record.r,
        state: verdictState(record),
        ...(record.h !== undefined ? { how: record.h } : {}),
        path: pathAt.get(record.r) ?? 'direct',
      }));
    }
  });
  return { from, to: now, network: rounds.map((round) => ({ roundStart: round.roundId, state: round.network.state, path: pathOf(round) })), services };
}

/** Incidents that overlap [from, to], oldest first; open ones overlap everything after their start. */
export async function incidentsBetween(db: HistoryDb, from: number, to: number): Promise<Incident[]> {
  const started = await db.getAllFromIndex('incidents', 'start', IDBKeyRange.upperBound(to));
  return started
    .filter((record) => record.open === 1 || (record.end ?? Infinity) >= from)
    .sort((a, b) => a.start - b.start || a.subject.localeCompare(b.subject))
    .map(decodeIncident);
}

export interface DayBytes {
  readonly day: LocalDay;
  readonly bytes: number;
}

/** Bytes the probes used per local day, the last `days` days up to today, oldest first (0 for days without rounds). */
export async function bytesPerDay(db: HistoryDb, query: { readonly now: number; readonly utcOffsetMin: number; readonly days: number }): Promise<DayBytes[]> {
  const today = localDay(query.now, query.utcOffsetMin);
  const first = addDays(today, 1 - query.days);
  const rollups = await db.getAll('rollups', IDBKeyRange.bound([NETWORK_SUBJECT, first], [NETWORK_SUBJECT, today]));
  const byDay = new Map(rollups.map((rollup) => [rollup.day, rollup.wireBytes ?? 0]));
  return Array.from({ length: query.days }, (_, i) => {
    const day = addDays(first, i);
    return { day, bytes: byDay.get(day) ?? 0 };
  });
}

export interface RoundDetail {
  readonly round: RoundRecord;
  readonly verdicts: readonly StoredVerdict[];
  readonly observations: readonly StoredObservation[];
}

/** One round with everything it saw, for the evidence view; null once pruned. */
export async function roundDetail(db: HistoryDb, roundStart: number): Promise<RoundDetail | null> {
  const found = await withTransaction(db, ['rounds', 'verdicts', 'observations', 'rollups'], 'readonly', 'reading a round', async (tx) => {
    const round = await tx.objectStore('rounds').get(roundStart);
    if (!round) return null;
    const verdictStore = tx.objectStore('verdicts');
    const subjects = await listSubjects(tx.objectStore('rollups'));
    return {
      round,
      verdicts: await Promise.all(subjects.map((subject) => verdictStore.get([subject, roundStart]))),
      observations: await tx.objectStore('observations').getAll(IDBKeyRange.bound([roundStart, -Infinity], [roundStart, Infinity])),
    };
  });
  if (!found) return null;
  const { round, verdicts, observations } = found;
  return {
    round,
    verdicts: verdicts.filter((record): record is VerdictRecord => record !== undefined).map(decodeVerdict),
    observations: observations.map(decodeObservation),
  };
}
