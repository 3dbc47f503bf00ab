/**
 * The export file: every record of every store, as stored, under a format name and version of
 * its own (the database schema may change without the file format changing, and the other way).
 */
import { HISTORY_SIZE_BUDGET_BYTES } from '../defaults';
import type { IncidentRecord, ObservationRecord, RollupRecord, RoundRecord, VerdictRecord } from './schema';

export const EXPORT_FORMAT = 'blockwatch-history';
export const EXPORT_VERSION = 1;

export const EXPORT_SCOPES = ['shareable', 'full'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export interface HistoryExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: number;
  /** When the file was made, ms since the epoch. */
  readonly exportedAt: number;
  /**
   * `shareable`: addresses, paths and queries left out (redact.ts); `full`: everything as stored.
   * Absent in files made before the choice existed (those are full).
   */
  readonly scope?: ExportScope;
  readonly rounds: readonly RoundRecord[];
  readonly verdicts: readonly VerdictRecord[];
  readonly observations: readonly ObservationRecord[];
  readonly incidents: readonly IncidentRecord[];
  readonly rollups: readonly RollupRecord[];
}

/**
 * Largest file accepted, bytes (characters of its text). An export is as big as the database's
 * size estimate (both are the records' JSON), which pruning keeps under the 20 MB budget; twice
 * that leaves room for a history kept under a larger budget and bounds what an import holds in
 * memory. The extension should check `File.size` against this before reading the file.
 */
export const MAX_IMPORT_BYTES = 2 * HISTORY_SIZE_BUDGET_BYTES;

/** Most records accepted when the file was parsed already: the budget filled with the smallest records (~70 bytes), twice. */
export const MAX_IMPORT_RECORDS = 600_000;
