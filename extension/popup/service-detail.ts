/**
 * The line under a service's name that says, in plain words, what the state means for it: how it
 * is blocked, how slow it is, or how fast it answers.
 */
import type { ServiceSnapshot } from '../../src/snapshot/snapshot';
import { formatGoodput, formatLatency } from '../../src/format/measures';
import type { How } from '../../src/states';
import type { I18n } from '../shared/ui/i18n';
import type { MessageKey } from '../shared/ui/message-key';

/** Short sentences for the popup; the guidance panel has the long explanations. */
const HOW_SENTENCE: Readonly<Record<How, MessageKey>> = {
  dns: 'popup_how_dns',
  connect: 'popup_how_connect',
  reset: 'popup_how_reset',
  tls: 'popup_how_tls',
  blockpage: 'popup_how_blockpage',
  stall: 'popup_how_stall',
};

export function serviceDetail(service: ServiceSnapshot, i18n: I18n): string | null {
  const { t, locale } = i18n;
  const name = service.name;
  switch (service.state) {
    case 'blocked':
      return service.how ? t(HOW_SENTENCE[service.how], name) : t('popup_blocked_unclear', name);
    case 'partial':
      return service.how ? t(HOW_SENTENCE[service.how], name) : t('popup_partial_unclear', name);
    case 'slow': {
      const sentence = service.how === 'stall' ? t('popup_how_stall', name) : t('popup_slow', name);
      return service.goodputKbps !== undefined ? `${sentence} ${t('popup_speed', formatGoodput(service.goodputKbps, locale))}` : sentence;
    }
    case 'reachable': {
      const parts = [
        service.latencyMs !== undefined ? t('popup_latency', formatLatency(service.latencyMs, locale)) : null,
        service.goodputKbps !== undefined ? t('popup_speed', formatGoodput(service.goodputKbps, locale)) : null,
      ].filter((part): part is string => part !== null);
      return parts.length > 0 ? parts.join(' ') : null;
    }
    case 'unknown':
      return service.lastCheckedAt === undefined ? t('popup_waiting') : null;
    // The connection line explains these once for every service.
    case 'offline':
    case 'restricted':
      return null;
  }
}
