/**
 * A chart's numbers as a table, built only when the person opens it: a 90-day span of ten
 * services would otherwise put thousands of cells in the page for nobody.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../shared/ui/i18n';

export function DataTable(props: { readonly caption: string; readonly head: readonly string[]; readonly rows: () => readonly (readonly ComponentChildren[])[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details class="data-table" onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('history_show_table')}</summary>
      {open && (
        <table>
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {props.head.map((cell) => (
                <th key={cell} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows().map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
