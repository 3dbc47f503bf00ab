/**
 * The connection itself, above the services: working, offline, only domestic sites, or a login
 * page in the way; with when the last check ran and when the next one will; and whether the
 * latest checks went through a VPN or proxy (`data-path`), with what that means for the states.
 */
import type { Snapshot } from '../../src/snapshot/snapshot';
import { formatAgo, formatMoment } from '../../src/format/relative-time';
import type { State } from '../../src/states';
import { useI18n } from '../shared/ui/i18n';
import type { MessageKey } from '../shared/ui/message-key';
import { StateIcon } from '../shared/ui/state-icon';

type NetworkShown = 'online' | 'offline' | 'restricted' | 'captive' | 'unknown';

const TEXT: Readonly<Record<NetworkShown, MessageKey>> = {
  online: 'popup_network_online',
  offline: 'popup_network_offline',
  restricted: 'popup_network_restricted',
  captive: 'popup_network_captive',
  unknown: 'popup_network_unknown',
};

/** Which icon each network state borrows from the service states. */
const ICON: Readonly<Record<NetworkShown, State>> = {
  online: 'reachable',
  offline: 'offline',
  restricted: 'restricted',
  captive: 'unknown',
  unknown: 'unknown',
};

export function networkShown(network: Snapshot['network']): NetworkShown {
  // A confirmed allowlist mode outranks one round that happened to look online or captive.
  if (network.state === 'offline') return 'offline';
  if (network.restricted || network.state === 'restricted') return 'restricted';
  return network.state;
}

export function NetworkLine(props: { readonly snapshot: Snapshot; readonly now: number }) {
  const { t, locale, moment } = useI18n();
  const { snapshot, now } = props;
  const shown = networkShown(snapshot.network);
  const since = shown === 'restricted' && snapshot.network.since !== undefined ? t('popup_since', formatMoment(snapshot.network.since, now, moment)) : null;
  const times = [
    snapshot.lastRoundAt !== undefined ? t('popup_last_round', formatAgo(snapshot.lastRoundAt, now, locale)) : null,
    snapshot.nextRoundAt !== undefined && !snapshot.activity.running && !snapshot.paused ? t('popup_next_round', formatAgo(snapshot.nextRoundAt, now, locale)) : null,
  ].filter((text): text is string => text !== null);
  const tone = shown === 'online' ? 'reachable' : shown;
  return (
    <section class={`network card tone-${tone}`} data-network={shown} data-path={snapshot.path} aria-labelledby="network-heading">
      <h2 id="network-heading" class="visually-hidden">
        {t('popup_network_heading')}
      </h2>
      <p class="network-state">
        <StateIcon state={ICON[shown]} />
        <span>{t(TEXT[shown])}</span>
        {since && <span class="muted small"> ({since})</span>}
      </p>
      {times.length > 0 && <p class="muted small">{times.join(' · ')}</p>}
      {snapshot.path === 'proxy' && (
        <div class="network-path">
          <p>{t('popup_path_proxy')}</p>
          <p class="muted small">{t('popup_path_proxy_meaning')}</p>
        </div>
      )}
    </section>
  );
}
