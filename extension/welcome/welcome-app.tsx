/**
 * The welcome page, opened once on install: what Blockwatch sends, to which hosts and how often
 * (computed from the catalogue and the settings in force), what a provider can see and recognise,
 * the safety and legal note of the person's country, and Pause.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CATALOGUE } from '../../src/catalogue';
import { describeTraffic } from '../../src/disclosure/traffic';
import { legalNotesFor } from '../../src/guidance/legal';
import type { Settings } from '../../src/settings/schema';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { useI18n } from '../shared/ui/i18n';
import { LiveRegion, useAnnouncer } from '../shared/ui/live-region';
import { usePage } from '../shared/ui/page-context';
import { OPTIONS_PAGE_PATH } from '../shared/ui/page-paths';
import { PauseControl } from '../shared/ui/pause-control';
import { TrafficList } from '../shared/ui/traffic-list';
import { useDocumentTitle } from '../shared/ui/use-document-title';

export function WelcomeApp() {
  const { connector, now } = usePage();
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [paused, setPaused] = useState<Snapshot['paused']>(null);
  const [failed, setFailed] = useState(false);
  const { message, announce } = useAnnouncer();
  useDocumentTitle(t('welcome_title'));
  // It plays a whole day of the schedule: once per settings, not on every render.
  const traffic = useMemo(() => (settings === null ? null : describeTraffic(CATALOGUE, settings, now)), [settings, now]);

  const load = (): void => {
    connector.send('getSettings', {}).then((answer) => setSettings(answer.settings), () => setFailed(true));
    connector.send('getSnapshot', {}).then((snapshot) => setPaused(snapshot.paused ?? null), () => undefined);
  };
  useEffect(() => {
    const stop = connector.onPush((push) => setPaused(push.snapshot.paused ?? null));
    load();
    return stop;
  }, [connector]);

  return (
    <main class="welcome stack">
      <header>
        <h1>{t('welcome_title')}</h1>
        <p class="lead">{t('welcome_intro')}</p>
      </header>
      {settings === null || traffic === null ? (
        <p class={failed ? 'error' : 'muted'}>{failed ? t('options_load_failed') : t('page_loading')}</p>
      ) : (
        <>
          <section class="card stack" aria-labelledby="sent-heading" data-section="sent">
            <h2 id="sent-heading">{t('welcome_sent_heading')}</h2>
            <TrafficList traffic={traffic} />
          </section>
          <section class="card stack" aria-labelledby="seen-heading" data-section="seen">
            <h2 id="seen-heading">{t('welcome_seen_heading')}</h2>
            <ul>
              <li>{t('welcome_seen_hosts')}</li>
              <li>{t('welcome_seen_pattern')}</li>
              <li>{t('welcome_seen_plain')}</li>
              <li>{t('welcome_seen_proves_nothing')}</li>
              <li>{t('welcome_seen_nothing_else')}</li>
            </ul>
          </section>
          <section class="card stack" aria-labelledby="legal-heading" data-section="legal">
            <h2 id="legal-heading">{t('welcome_legal_heading')}</h2>
            {legalNotesFor(settings.country).map((step) => (
              <p key={step.messageKey} class="warning" data-step={step.messageKey}>
                {t(step.messageKey)}
              </p>
            ))}
          </section>
          <section class="card stack" aria-labelledby="pause-heading" data-section="pause">
            <h2 id="pause-heading">{t('welcome_pause_heading')}</h2>
            <p>{t('welcome_pause_explain')}</p>
            <PauseControl paused={paused} announce={announce} onChanged={load} />
          </section>
          <p>
            <a href={OPTIONS_PAGE_PATH}>{t('welcome_settings_link')}</a>
          </p>
        </>
      )}
      <LiveRegion message={message} />
    </main>
  );
}
