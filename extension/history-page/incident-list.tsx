/**
 * Confirmed incidents, newest first: which service, what state, when it started and ended (or
 * that it goes on), how long, and how it was blocked. The incident a notification pointed to is
 * scrolled into view, focused and marked (`aria-current`).
 */
import { useEffect, useRef } from 'preact/hooks';
import { formatDuration } from '../../src/format/duration';
import { formatDateTime } from '../../src/format/relative-time';
import { incidentKey } from '../../src/store/plan-incidents';
import type { Incident } from '../../src/store/queries';
import { useI18n } from '../shared/ui/i18n';
import { StateLabel } from '../shared/ui/state-label';
import { HOW_LABEL } from '../shared/ui/state-look';
import type { IncidentRef } from './incident-hash';

export function IncidentList(props: {
  readonly incidents: readonly Incident[];
  readonly nameOf: (subject: string) => string;
  readonly target: IncidentRef | null;
  readonly now: number;
}) {
  const { t, locale, moment } = useI18n();
  const targetRow = useRef<HTMLTableRowElement>(null);
  const targetKey = props.target ? incidentKey(props.target) : null;
  const sorted = [...props.incidents].sort((a, b) => b.start - a.start || a.subject.localeCompare(b.subject));
  const found = targetKey !== null && sorted.some((incident) => incidentKey(incident) === targetKey);

  useEffect(() => {
    const row = targetRow.current;
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }, [targetKey, found]);

  return (
    <>
      {targetKey !== null && !found && <p class="notice">{t('history_incident_missing')}</p>}
      {sorted.length === 0 ? (
        <p class="muted">{t('history_no_incidents')}</p>
      ) : (
        <table class="incidents">
          <thead>
            <tr>
              <th scope="col">{t('history_col_service')}</th>
              <th scope="col">{t('history_col_state')}</th>
              <th scope="col">{t('history_col_start')}</th>
              <th scope="col">{t('history_col_end')}</th>
              <th scope="col">{t('history_col_duration')}</th>
              <th scope="col">{t('history_col_how')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((incident) => {
              const key = incidentKey(incident);
              const isTarget = key === targetKey;
              const duration = formatDuration((incident.end ?? props.now) - incident.start, locale);
              return (
                <tr
                  key={key}
                  data-incident={key}
                  class={isTarget ? 'incident target' : 'incident'}
                  aria-current={isTarget ? 'true' : undefined}
                  tabIndex={isTarget ? -1 : undefined}
                  ref={isTarget ? targetRow : undefined}
                >
                  <th scope="row">{props.nameOf(incident.subject)}</th>
                  <td>
                    <StateLabel state={incident.state} />
                  </td>
                  <td>{formatDateTime(incident.start, moment)}</td>
                  <td>{incident.end === null ? <strong>{t('history_ongoing')}</strong> : formatDateTime(incident.end, moment)}</td>
                  <td>{incident.end === null ? t('history_duration_so_far', duration) : duration}</td>
                  <td>{incident.how ? t(HOW_LABEL[incident.how]) : <span class="muted">{t('history_how_unknown')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
