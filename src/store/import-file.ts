/**
 * An import as the background runs it: the file checked whole (validate-export.ts, with `now` for
 * dates in the future), merged in one transaction (import.ts), then the history pruned to its size
 * budget as after a round, so a large file cannot leave it over budget. A bad file changes nothing.
 */
import { HISTORY_SIZE_BUDGET_BYTES } from '../defaults';
import { importHistory, type ImportReport } from './import';
import { prune } from './retention';
import type { HistoryDb } from './schema';
import { validateExport, type ImportError } from './validate-export';

export type ImportOutcome = { readonly ok: true; readonly report: ImportReport } | { readonly ok: false; readonly error: ImportError };

export async function importFile(db: HistoryDb, text: string, now: number, budgetBytes: number = HISTORY_SIZE_BUDGET_BYTES): Promise<ImportOutcome> {
  const checked = validateExport(text, now);
  if (!checked.ok) return { ok: false, error: checked.error };
  const report = await importHistory(db, checked.data);
  await prune(db, now, budgetBytes);
  return { ok: true, report };
}
