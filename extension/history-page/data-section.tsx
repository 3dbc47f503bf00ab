/**
 * The person's data: export (JSON, measurements CSV, incidents CSV) as a download; import of a
 * JSON export, where a bad file is explained and changes nothing; and deleting everything, only
 * after a confirmation.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../src/protocol';
import { fitsInMessage } from '../../src/message-limit';
import { MAX_IMPORT_BYTES } from '../../src/store/export-format';
import { numberFormat } from '../../src/format/intl-cache';
import { useI18n } from '../shared/ui/i18n';
import type { MessageKey } from '../shared/ui/message-key';
import { usePage } from '../shared/ui/page-context';
import { ConfirmPanel } from './confirm-panel';
import { importErrorMessage } from './import-message';

const EXPORTS: readonly { readonly format: ExportFormat; readonly label: MessageKey }[] = [
  { format: 'json', label: 'history_export_json' },
  { format: 'observations-csv', label: 'history_export_observations' },
  { format: 'incidents-csv', label: 'history_export_incidents' },
];
/** The full export: the same files with addresses and whole URLs (incidents hold neither). */
const FULL_EXPORTS: readonly { readonly format: ExportFormat; readonly label: MessageKey }[] = [
  { format: 'json', label: 'history_export_full_json' },
  { format: 'observations-csv', label: 'history_export_full_observations' },
];

type Outcome = { readonly ok: boolean; readonly text: string } | null;

export function DataSection(props: { readonly announce: (text: string) => void; readonly onChanged: () => void }) {
  const { connector } = usePage();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [importOutcome, setImportOutcome] = useState<Outcome>(null);
  const [importing, setImporting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [clearOutcome, setClearOutcome] = useState<Outcome>(null);
  const count = (value: number): string => numberFormat(locale, {}).format(value);
  const clearButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // When the question closes, focus returns to the button that opened it.
  useEffect(() => {
    if (confirming) asked.current = true;
    else if (asked.current) clearButton.current?.focus();
  }, [confirming]);

  const exportAs = (format: ExportFormat, full: boolean): void => {
    connector.send('exportData', { format, full }).then(
      (file) => {
        connector.saveFile(file);
        props.announce(t('history_export_done', file.filename));
      },
      () => props.announce(t('history_export_failed')),
    );
  };

  const report = (outcome: Outcome): void => {
    setImportOutcome(outcome);
    if (outcome) props.announce(outcome.text);
  };

  const importFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    if (!file) return;
    setImporting(true);
    try {
      // Checked before reading: a huge file is refused without loading it into memory.
      if (file.size > MAX_IMPORT_BYTES) return report({ ok: false, text: importErrorMessage({ code: 'too_large' }, i18n) });
      let text: string;
      try {
        text = await file.text();
      } catch {
        return report({ ok: false, text: t('history_import_unreadable') });
      }
      // The browser refuses a message over its limit with an error the person could not act on.
      if (!fitsInMessage({ type: 'importData', text })) return report({ ok: false, text: importErrorMessage({ code: 'too_large_to_send' }, i18n) });
      const answer = await connector.send('importData', { text });
      if (!answer.ok) return report({ ok: false, text: importErrorMessage(answer.error, i18n) });
      report({ ok: true, text: t('history_import_done', [count(answer.report.rounds), count(answer.report.incidents)]) });
      props.onChanged();
    } catch {
      report({ ok: false, text: t('history_import_failed') });
    } finally {
      setImporting(false);
      // Choosing the same file again must fire `change` again.
      input.value = '';
    }
  };

  const clear = (): void => {
    setConfirming(false);
    connector.send('clearData', {}).then(
      () => {
        const outcome = { ok: true, text: t('history_clear_done') };
        setClearOutcome(outcome);
        props.announce(outcome.text);
        props.onChanged();
      },
      () => {
        const outcome = { ok: false, text: t('history_clear_failed') };
        setClearOutcome(outcome);
        props.announce(outcome.text);
      },
    );
  };

  return (
    <section class="card stack" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('history_data')}</h2>
      <p class="muted">{t('history_data_hint')}</p>
      <p>{t('history_export_shareable_hint')}</p>
      <div class="row">
        {EXPORTS.map(({ format, label }) => (
          <button key={format} type="button" data-action={`export-${format}`} onClick={() => exportAs(format, false)}>
            {t(label)}
          </button>
        ))}
      </div>
      <details class="full-export">
        <summary>{t('history_export_full_title')}</summary>
        <p>{t('history_export_full_hint')}</p>
        <div class="row">
          {FULL_EXPORTS.map(({ format, label }) => (
            <button key={format} type="button" data-action={`export-full-${format}`} onClick={() => exportAs(format, true)}>
              {t(label)}
            </button>
          ))}
        </div>
      </details>
      <div>
        <label for="import-file">{t('history_import_label')}</label>{' '}
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          disabled={importing}
          aria-describedby="import-outcome"
          onChange={(event) => void importFile(event.currentTarget)}
        />
        <p id="import-outcome" class={importOutcome ? (importOutcome.ok ? 'success' : 'error') : ''} data-outcome={importOutcome ? (importOutcome.ok ? 'ok' : 'error') : undefined}>
          {importing ? t('history_import_working') : (importOutcome?.text ?? '')}
        </p>
      </div>
      <div>
        {confirming ? (
          <ConfirmPanel
            title={t('history_clear_title')}
            text={t('history_clear_text')}
            confirmLabel={t('history_clear_confirm')}
            cancelLabel={t('history_clear_cancel')}
            onConfirm={clear}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="danger" data-action="clear-data" ref={clearButton} onClick={() => setConfirming(true)}>
            {t('history_clear')}
          </button>
        )}
        {clearOutcome && <p class={clearOutcome.ok ? 'success' : 'error'}>{clearOutcome.text}</p>}
      </div>
    </section>
  );
}
