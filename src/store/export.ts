/**
 * Export: the whole history in one read, as a versioned object the user saves as JSON (the glue
 * stringifies and downloads it), plus CSV of observations and incidents (see csv.ts). This is the
 * full export; the default one, safe to share, is `redactExport` of it (redact.ts).
 */
import { EXPORT_FORMAT, EXPORT_VERSION, type HistoryExport } from './export-format';
import type { HistoryDb } from './schema';
import { withTransaction } from './transaction';

export { EXPORT_FORMAT, EXPORT_VERSION, type HistoryExport } from './export-format';

export async function exportHistory(db: HistoryDb, now: number): Promise<HistoryExport> {
  const [rounds, verdicts, observations, incidents, rollups] = await withTransaction(
    db,
    ['rounds', 'verdicts', 'observations', 'incidents', 'rollups'],
    'readonly',
    'the export',
    (tx) =>
      Promise.all([
        tx.objectStore('rounds').getAll(),
        tx.objectStore('verdicts').getAll(),
        tx.objectStore('observations').getAll(),
        tx.objectStore('incidents').getAll(),
        tx.objectStore('rollups').getAll(),
      ]),
  );
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, scope: 'full', rounds, verdicts, observations, incidents, rollups };
}
