/**
 * The words of a notification, from the locale files: "WhatsApp is blocked on your network (by
 * DNS) since 14:05", "WhatsApp is reachable again after 2 h 13 min".
 */
import type { Translate } from '../i18n/translate';
import type { PlannedNotification } from '../notify/decide';

export interface NotificationText {
  readonly title: string;
  readonly message: string;
}

export interface TextTools {
  readonly t: Translate;
  /** A time of day in the user's locale ("14:05"). */
  readonly time: (ms: number) => string;
  /** How long something lasted, in the user's locale ("2 h 13 min"). */
  readonly duration: (ms: number) => string;
  /** The service's brand name. */
  readonly serviceName: (id: string) => string;
}

export function notificationText(notification: PlannedNotification, tools: TextTools): NotificationText {
  const { t } = tools;
  const name = tools.serviceName(notification.subject);
  const how = notification.how ? t(`how_${notification.how}`) : '';
  const since = tools.time(notification.incidentStart);
  const lasted = notification.incidentEnd !== undefined ? tools.duration(notification.incidentEnd - notification.incidentStart) : '';
  switch (notification.kind) {
    case 'blocked':
      return { title: t('notify_blocked_title', [name]), message: t('notify_blocked_message', [name, how, since]) };
    case 'unblocked':
      return { title: t('notify_unblocked_title', [name]), message: t('notify_unblocked_message', [name, lasted]) };
    case 'eased':
      return { title: t('notify_eased_title', [name]), message: t('notify_eased_message', [name, t(`state_${notification.state}`), lasted]) };
    case 'degraded':
      return { title: t('notify_degraded_title', [name]), message: t('notify_degraded_message', [name, t(`state_${notification.state}`), since]) };
    case 'recovered':
      return { title: t('notify_recovered_title', [name]), message: t('notify_recovered_message', [name, lasted]) };
    case 'restricted':
      return { title: t('notify_restricted_title'), message: t('notify_restricted_message', [since]) };
    case 'unrestricted':
      return { title: t('notify_unrestricted_title'), message: t('notify_unrestricted_message', [lasted]) };
  }
}
