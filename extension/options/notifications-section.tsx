/**
 * Notifications: on or off, also for partial and slow, and which services (and the connection's
 * "only domestic sites work") to be told about. Muting is stored; the list here shows "notify"
 * as checked, which reads more naturally than "mute".
 */
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import type { ServiceInfo } from '../../src/protocol';
import type { Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { canNotify } from '../shared/capabilities';
import { useI18n } from '../shared/ui/i18n';
import { FieldErrorList } from './field-error-list';
import type { Save } from './save';

export function NotificationsSection(props: { readonly settings: Settings; readonly services: readonly ServiceInfo[]; readonly errors: readonly SettingsFieldError[]; readonly save: Save }) {
  const { t } = useI18n();
  const { enabled, muted, alsoPartialAndSlow } = props.settings.notifications;
  const setNotify = (subject: string, notify: boolean): void => {
    const next = notify ? muted.filter((id) => id !== subject) : [...muted, subject];
    void props.save({ notifications: { muted: next } });
  };
  const subjects = [{ id: NETWORK_SUBJECT, name: t('options_notify_network'), brand: false }, ...props.services.filter((service) => service.enabled).map((service) => ({ id: service.id, name: service.name, brand: true }))];
  return (
    <section class="card stack" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('options_notifications')}</h2>
      {canNotify() ? null : (
        <p class="notice" role="note" data-capability="notifications-missing">
          {t('options_notifications_unavailable')}
        </p>
      )}
      <label>
        <input type="checkbox" data-setting="notifications.enabled" checked={enabled} onChange={(event) => void props.save({ notifications: { enabled: event.currentTarget.checked } })} />{' '}
        {t('options_notify_enabled')}
      </label>
      <fieldset disabled={!enabled} class="plain">
        <label>
          <input
            type="checkbox"
            data-setting="notifications.alsoPartialAndSlow"
            checked={alsoPartialAndSlow}
            onChange={(event) => void props.save({ notifications: { alsoPartialAndSlow: event.currentTarget.checked } })}
          />{' '}
          {t('options_notify_partial')}
        </label>
        <fieldset class="plain">
          <legend>{t('options_notify_about')}</legend>
          <ul class="choices">
            {subjects.map((subject) => (
              <li key={subject.id}>
                <label>
                  <input type="checkbox" data-notify={subject.id} checked={!muted.includes(subject.id)} onChange={(event) => setNotify(subject.id, event.currentTarget.checked)} />{' '}
                  <span lang={subject.brand ? 'en' : undefined}>{subject.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>
      <FieldErrorList id="notifications-errors" errors={props.errors} field="notifications" />
    </section>
  );
}
