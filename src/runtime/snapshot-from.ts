/**
 * The snapshot from what the history and the runtime state hold: the latest round per service,
 * the last 24 hours, the confirmation tracks.
 */
import type { Service } from '../catalogue/types';
import { isPaused } from '../settings/pause';
import type { Settings } from '../settings/schema';
import { isJudgedState } from '../states';
import { buildSnapshot, type LatestVerdict, type ValidState } from '../snapshot/build-snapshot';
import type { RoundActivity, Snapshot, StripCell } from '../snapshot/snapshot';
import type { LatestRecords, DayStrip } from '../store/queries';
import type { RuntimeState } from './runtime-state';

export interface SnapshotSources {
  readonly now: number;
  readonly services: readonly Service[];
  readonly runtime: RuntimeState;
  readonly current: LatestRecords;
  readonly strip: DayStrip;
  readonly activity: RoundActivity;
  readonly settings: Settings;
  readonly nextRoundAt: number;
  readonly dataUsedToday: number;
  /** Services whose hosts the person withheld (`host-access.ts`). */
  readonly noAccess: ReadonlySet<string>;
}

export function snapshotFrom(sources: SnapshotSources): Snapshot {
  const latest: Record<string, LatestVerdict> = {};
  for (const [id, verdict] of Object.entries(sources.current.services)) {
    latest[id] = { roundStart: verdict.roundStart, verdict, valid: isJudgedState(verdict.state) };
  }
  const latestValid: Record<string, ValidState> = {};
  const strips: Record<string, StripCell[]> = {};
  for (const [id, cells] of Object.entries(sources.strip.services)) {
    strips[id] = cells.map((cell) => ({ roundStart: cell.roundStart, state: cell.state, path: cell.path }));
    // Only the provider's path says what is pending or shown before confirmation (a VPN's rounds confirm nothing).
    const valid = [...cells].reverse().find((cell) => cell.path === 'direct' && isJudgedState(cell.state));
    if (valid) latestValid[id] = { state: valid.state, ...(valid.how ? { how: valid.how } : {}) };
  }
  const lastRound = sources.current.lastRound;
  const pause = sources.settings.pause;
  const snapshot = buildSnapshot({
    now: sources.now,
    services: sources.services,
    tracks: sources.runtime.tracks,
    latestNetwork: lastRound?.network ?? null,
    ...(lastRound ? { latestNetworkAt: lastRound.at, latestPath: lastRound.path } : {}),
    ...(lastRound?.exitCountry !== undefined ? { exitCountry: lastRound.exitCountry } : {}),
    latest,
    latestValid,
    strips,
    activity: sources.activity,
    nextRoundAt: sources.nextRoundAt,
    country: sources.settings.country,
    dataUsedToday: sources.dataUsedToday,
    dataBudgetPerDay: sources.settings.dataBudgetBytesPerDay,
    noAccess: sources.noAccess,
  });
  return { ...snapshot, paused: pause !== null && isPaused(pause, sources.now) ? pause : null };
}
