/**
 * The settings page. Every control saves on change; the background validates the whole change
 * and either keeps it or answers with field errors, which appear beside their fields. Nothing is
 * half-saved.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { CATALOGUE } from '../../src/catalogue';
import { describeTraffic } from '../../src/disclosure/traffic';
import type { ServiceInfo } from '../../src/protocol';
import type { Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { LiveRegion, useAnnouncer } from '../shared/ui/live-region';
import { usePage } from '../shared/ui/page-context';
import { HISTORY_PAGE_PATH } from '../shared/ui/page-paths';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { BudgetSection } from './budget-section';
import { CountrySection } from './country-section';
import { CustomTargetsSection } from './custom-targets-section';
import { IntervalSection } from './interval-section';
import { NotificationsSection } from './notifications-section';
import { PrivacySection } from './privacy-section';
import type { Save } from './save';
import { ServicesSection } from './services-section';

export function OptionsApp() {
  const { connector, now } = usePage();
  const { t } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [services, setServices] = useState<readonly ServiceInfo[]>([]);
  const [errors, setErrors] = useState<readonly SettingsFieldError[]>([]);
  const [usedToday, setUsedToday] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const { message, announce } = useAnnouncer();
  useDocumentTitle(t('options_title'));

  const load = useCallback(
    () =>
      connector.send('getSettings', {}).then((answer) => {
        setSettings(answer.settings);
        setServices(answer.services);
      }),
    [connector],
  );

  useEffect(() => {
    load().catch(() => setFailed(true));
    connector.send('getSnapshot', {}).then(
      (snapshot) => setUsedToday(snapshot.dataUsedToday),
      () => setUsedToday(null),
    );
    return connector.onPush((push) => setUsedToday(push.snapshot.dataUsedToday));
  }, [connector, load]);

  // What a day at these settings sends and costs: computed once per change (it plays a whole day), read by two sections.
  const traffic = useMemo(() => (settings === null ? null : describeTraffic(CATALOGUE, settings, now)), [settings, now]);

  const save: Save = useCallback(
    async (update, successText) => {
      try {
        const answer = await connector.send('updateSettings', { update });
        if (!answer.ok) {
          setErrors(answer.errors);
          announce(t('options_not_saved'));
          return false;
        }
        setErrors([]);
        setSettings(answer.settings);
        announce(successText ?? t('options_saved'));
        // The service list follows the settings (custom targets, turned-off services).
        await load().catch(() => undefined);
        return true;
      } catch {
        announce(t('options_save_failed'));
        return false;
      }
    },
    [connector, load, announce, t],
  );

  return (
    <main class="options stack">
      <header class="page-head">
        <h1>{t('options_title')}</h1>
        <nav aria-label={t('nav_label')}>
          <a href={HISTORY_PAGE_PATH}>{t('nav_history')}</a>
        </nav>
      </header>
      {settings === null ? (
        <p class={failed ? 'error' : 'muted'}>{failed ? t('options_load_failed') : t('page_loading')}</p>
      ) : (
        <>
          <ServicesSection settings={settings} services={services} errors={errors} save={save} />
          <CustomTargetsSection settings={settings} services={services} errors={errors} save={save} announce={announce} />
          <IntervalSection settings={settings} errors={errors} save={save} />
          <NotificationsSection settings={settings} services={services} errors={errors} save={save} />
          <CountrySection settings={settings} errors={errors} save={save} />
          {traffic !== null && <BudgetSection settings={settings} traffic={traffic} usedToday={usedToday} errors={errors} save={save} />}
        </>
      )}
      <PrivacySection traffic={traffic} />
      <LiveRegion message={message} />
    </main>
  );
}
