/**
 * Sources the catalogue cites more than once. `checked` is the day the fact was read in that
 * source: everything here was read on READ_FOR_CATALOGUE, in stored copies of the repositories,
 * issues and pages named (a commit or date in the ref says how old that copy is). Nothing was
 * checked against the live network.
 */
import type { Source } from './types';

/** The day the sources below marked as read for the catalogue were read. */
export const READ_FOR_CATALOGUE = '2026-11-25';

export function readSource(ref: string): Source {
  return { ref, checked: READ_FOR_CATALOGUE };
}

/** The day OONI's method (probe-cli master, ooni/spec, blocking-fingerprints) was read again, in full. */
export const READ_FOR_OONI_METHOD = '2026-12-07';

/** A source read on READ_FOR_OONI_METHOD. */
export function ooniSource(ref: string): Source {
  return { ref, checked: READ_FOR_OONI_METHOD };
}

/** ooni/probe-cli master as read: 7cb2241 (2026-08-14). */
const PROBE_CLI = 'ooni/probe-cli @7cb2241 (master)';
/** ooni/spec master as read: e8aafe4 (2025-06-06). */
const SPEC = 'ooni/spec @e8aafe4 (master)';

export const OONI_WHATSAPP = ooniSource(
  `${PROBE_CLI} internal/experiment/whatsapp/whatsapp.go (web.whatsapp.com, v.whatsapp.net/v2/register, e1–e16.whatsapp.net; endpoints ok when any connect succeeds); ${SPEC} nettests/ts-018-whatsapp.md`,
);
export const OONI_WHATSAPP_TLS = readSource(
  'github.com/ooni/probe/issues/2190 (e1.whatsapp.net:443 completes TLS with a self-signed, expired *.internet.org certificate)',
);
export const OONI_TELEGRAM = ooniSource(
  `${PROBE_CLI} internal/experiment/telegram/telegram.go DatacenterIPAddrs (149.154.175.50, 149.154.167.51, 149.154.175.100, 149.154.167.91, 149.154.171.5, 95.161.76.100; empty plain-HTTP POST to :80 and :443, any answer counts; web.telegram.org); ${SPEC} nettests/ts-020-telegram.md`,
);
export const TDESKTOP_DC_NUMBERS = readSource(
  'telegramdesktop/tdesktop built-in DC table _builtInDcs (DC1 149.154.175.50, DC2 149.154.167.51, DC4 149.154.167.91, DC5 149.154.171.5, port 443)',
);
export const TDLIB_DC_NUMBERS = ooniSource(
  'tdlib/td td/telegram/net/ConnectionCreator.cpp @f1917d0 default DC options (DC2 149.154.167.51 and 95.161.76.100, DC3 149.154.175.100)',
);
export const OONI_SIGNAL = ooniSource(
  `${PROBE_CLI} internal/experiment/signal/signal.go (cdsi, chat, sfu.voip, storage.signal.org, validated against Signal’s own CA as well as the web PKI); ${SPEC} nettests/ts-029-signal.md`,
);
/** Signal's calling server uses Signal's private CA since 2022-10-19 (the reason OONI pinned the new root). */
export const OONI_SIGNAL_SFU_CA = ooniSource('github.com/ooni/probe/issues/2344 (sfu.voip.signal.org chain: "Signal Messenger, LLC" root, 2022–2032)');
/** cdn.signal.org: not web PKI, and dropped from OONI's list after it failed even OONI's pinned roots. */
export const OONI_SIGNAL_CDN = ooniSource(
  'github.com/ooni/probe/issues/2459 (cdn.signal.org: ssl_unknown_authority on every address, with Signal’s two roots pinned); ooni/probe-cli a0d4b5c (#1421, 2023-12-01) drops cdn and cdn2 from the signal test',
);
export const SIGNAL_PRIVATE_CA = readSource(
  'github.com/signalapp/Signal-Desktop/issues/6707 (2023: chat.signal.org self-signed chain, "expected" per Signal), /issues/3549 and signalstickers/signalstickers-client#14 (2022: cdn.signal.org self-signed)',
);
export const OONI_MESSENGER = readSource(
  'ooni/probe-cli internal/experiment/fbmessenger/fbmessenger.go (b-api/b-graph.facebook.com, scontent.xx.fbcdn.net)',
);
export const V2FLY = (list: string): Source => readSource(`v2fly/domain-list-community data/${list} @c975ccef (2026-08-19)`);
export const META_WEB_CHAT = readSource(
  'public Messenger/Instagram web clients (fca-unofficial-style listenMqtt; [FBMQTT], docs/sources.md#fbmqtt): wss://edge-chat.messenger.com/chat, wss://edge-chat.instagram.com/chat',
);
export const BROWSER_LAB_HSTS = readSource(
  'Chromium’s HSTS preload list (chromium/src net/http/transport_security_state_static.json) as Chromium 156 applied it in the lab, docs/sources.md#hsts-preload: whatsapp.com, whatsapp.net, telegram.org, cp.cloudflare.com upgraded to https; t.me, signal.org, ya.ru, connectivitycheck.gstatic.com not',
);
export const WINGET = (path: string, commit: string): Source => readSource(`microsoft/winget-pkgs ${path} @${commit.slice(0, 7)}`);
export const UNVERIFIED_SIZE =
  'size, stability and Range support not verifiable from here; an object smaller than `bytes` is reported complete and leaves speed unmeasured';
