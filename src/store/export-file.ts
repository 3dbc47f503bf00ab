/**
 * The file a person saves from the history page: everything as stored or the shareable version
 * (redact.ts), as JSON or as CSV of observations or incidents, under a dated name that says when
 * it is the full one. The glue only hands the text to the browser's download.
 */
import { incidentRows, observationRows, toCsv } from './csv';
import { exportHistory } from './export';
import { redactExport } from './redact';
import type { HistoryDb } from './schema';

export type ExportFormat = 'json' | 'observations-csv' | 'incidents-csv';

export interface ExportFile {
  readonly filename: string;
  readonly mime: string;
  readonly text: string;
}

export interface ExportChoice {
  readonly format: ExportFormat;
  /** Everything as stored; otherwise what could identify the person's network or targets is left out. */
  readonly full: boolean;
}

/** `<prefix>-YYYY-MM-DD.<extension>`, the day in UTC. */
function dated(prefix: string, extension: string, now: number): string {
  return `${prefix}-${new Date(now).toISOString().slice(0, 10)}.${extension}`;
}

export async function exportFile(db: HistoryDb, choice: ExportChoice, now: number): Promise<ExportFile> {
  const stored = await exportHistory(db, now);
  // The default file is safe to share; the full one says so in its name.
  const data = choice.full ? stored : redactExport(stored);
  const name = (prefix: string): string => (choice.full ? `${prefix}-full` : prefix);
  if (choice.format === 'json') return { filename: dated(name('blockwatch-history'), 'json', now), mime: 'application/json', text: JSON.stringify(data) };
  if (choice.format === 'observations-csv') {
    return { filename: dated(name('blockwatch-observations'), 'csv', now), mime: 'text/csv', text: toCsv(observationRows(data.observations)) };
  }
  // Incidents carry nothing to redact.
  return { filename: dated('blockwatch-incidents', 'csv', now), mime: 'text/csv', text: toCsv(incidentRows(data.incidents)) };
}
