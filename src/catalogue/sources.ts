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

export const OONI_WHATSAPP = readSource(
  'ooni/probe-cli internal/experiment/whatsapp/whatsapp.go @0f5529f (web.whatsapp.com, v.whatsapp.net/v2/register, e1–e16.whatsapp.net)',
);
export const OONI_WHATSAPP_TLS = readSource(
  'github.com/ooni/probe/issues/2190 (e1.whatsapp.net:443 completes TLS with a self-signed, expired *.internet.org certificate)',
);
export const OONI_TELEGRAM = readSource(
  'ooni/probe-cli internal/experiment/telegram/telegram.go @13ad6e6 (DC IPs; empty plain-HTTP POST to :80 and :443, any answer counts; web.telegram.org)',
);
export const TDESKTOP_DC_NUMBERS = readSource(
  'telegramdesktop/tdesktop built-in DC table _builtInDcs (DC1 149.154.175.50, DC2 149.154.167.51, DC4 149.154.167.91, DC5 149.154.171.5, port 443)',
);
export const OONI_SIGNAL = readSource(
  'ooni/spec nettests/ts-029-signal.md (cdsi, chat, sfu.voip, storage.signal.org validated against Signal’s own CA, so a browser sees an unknown authority)',
);
export const SIGNAL_PRIVATE_CA = readSource(
  'github.com/signalapp/Signal-Desktop/issues/6707 (2023: chat.signal.org self-signed chain, "expected" per Signal), /issues/3549 and signalstickers/signalstickers-client#14 (2022: cdn.signal.org self-signed)',
);
export const OONI_MESSENGER = readSource(
  'ooni/probe-cli internal/experiment/fbmessenger/fbmessenger.go (b-api/b-graph.facebook.com, scontent.xx.fbcdn.net)',
);
export const V2FLY = (list: string): Source => readSource(`v2fly/domain-list-community data/${list} @c975ccef (2026-08-19)`);
export const META_WEB_CHAT = readSource(
  'public Messenger/Instagram web clients (fca-unofficial-style listenMqtt; research/catalogue.md [FBMQTT]): wss://edge-chat.messenger.com/chat, wss://edge-chat.instagram.com/chat',
);
export const BROWSER_LAB_HSTS = readSource(
  'research/browser-lab.md (HSTS preload: whatsapp.com, whatsapp.net, telegram.org, cp.cloudflare.com upgraded to https by Chromium; t.me, signal.org, ya.ru, connectivitycheck.gstatic.com not)',
);
export const WINGET = (path: string, commit: string): Source => readSource(`microsoft/winget-pkgs ${path} @${commit.slice(0, 7)}`);
export const UNVERIFIED_SIZE =
  'size, stability and Range support not verifiable from here; an object smaller than `bytes` is reported complete and leaves speed unmeasured';
