/**
 * The popup: a function of the snapshot (first asked for, then pushed on every change). The
 * connection, "Check now", one row per service, today's data, and what a browser cannot test.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { useI18n } from '../shared/ui/i18n';
import { LiveRegion, useAnnouncer } from '../shared/ui/live-region';
import { useNow, usePage } from '../shared/ui/page-context';
import { HISTORY_PAGE_PATH, OPTIONS_PAGE_PATH } from '../shared/ui/page-paths';
import { PauseControl } from '../shared/ui/pause-control';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { CheckNow } from './check-now';
import { DataUsage } from './data-usage';
import { NetworkLine } from './network-line';
import { ServiceRow } from './service-row';

/** A performance mark when the rows first show: `npm run bench` reads it (nothing else does; it never leaves the page). */
export const FIRST_ROWS_MARK = 'blockwatch-popup-first-rows';

/** The newer of two snapshots: a push can overtake the answer to the first request. */
function newer(current: Snapshot | null, next: Snapshot): Snapshot {
  return current && current.generatedAt > next.generatedAt ? current : next;
}

export function PopupApp() {
  const { connector } = usePage();
  const { t } = useI18n();
  const now = useNow();
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [failed, setFailed] = useState(false);
  const { message, announce } = useAnnouncer();
  useDocumentTitle(t('extName'));

  const accept = (next: Snapshot): void => setSnapshot((current) => newer(current, next));

  const refresh = (): void => {
    connector.send('getSnapshot', {}).then(accept, () => undefined);
  };

  const shown = snapshot !== null;
  useEffect(() => {
    if (shown && performance.getEntriesByName(FIRST_ROWS_MARK).length === 0) performance.mark(FIRST_ROWS_MARK);
  }, [shown]);

  useEffect(() => {
    const stop = connector.onPush((push) => accept(push.snapshot));
    connector.send('getSnapshot', {}).then(accept, () => setFailed(true));
    return stop;
  }, [connector]);

  return (
    <main class="popup stack">
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <nav class="popup-nav" aria-label={t('nav_label')}>
          <a href={HISTORY_PAGE_PATH} target="_blank" rel="noopener">
            {t('nav_history')}
          </a>
          <a href={OPTIONS_PAGE_PATH} target="_blank" rel="noopener">
            {t('nav_settings')}
          </a>
        </nav>
      </header>
      {snapshot === null ? (
        <p class={failed ? 'error' : 'muted'}>{failed ? t('popup_load_failed') : t('page_loading')}</p>
      ) : (
        <>
          <NetworkLine snapshot={snapshot} now={now} />
          {/* Paused: no check of any kind, so no "Check now" either; the state and Resume instead. */}
          {snapshot.paused ? (
            <PauseControl paused={snapshot.paused} announce={announce} onChanged={refresh} />
          ) : (
            <CheckNow snapshot={snapshot} announce={announce} onSnapshot={accept} />
          )}
          {snapshot.services.length === 0 ? (
            <p>{t('popup_no_services')}</p>
          ) : (
            <ul class="services">
              {snapshot.services.map((service) => (
                <ServiceRow
                  key={service.id}
                  service={service}
                  country={snapshot.country}
                  now={now}
                  speedTest={snapshot.paused || snapshot.network.state !== 'online' || snapshot.network.restricted ? 'hidden' : snapshot.activity.running ? 'busy' : 'ready'}
                  announce={announce}
                  onSnapshot={accept}
                />
              ))}
            </ul>
          )}
          <DataUsage used={snapshot.dataUsedToday} budget={snapshot.dataBudgetPerDay} />
          {!snapshot.paused && (
            <details class="pause-choice">
              <summary data-action="open-pause">{t('pause_title')}</summary>
              <PauseControl paused={null} announce={announce} onChanged={refresh} legend={false} />
            </details>
          )}
        </>
      )}
      <p class="limits muted small">{t('popup_limits')}</p>
      <LiveRegion message={message} />
    </main>
  );
}
