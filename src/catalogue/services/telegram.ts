/**
 * Telegram. telegram.org is HSTS-preloaded, t.me is not: the plain-http t.me probe is where an
 * injected HTTP blockpage shows. The data centres are probed the way OONI does: an empty
 * plain-HTTP POST to the IP on port 443 (what clients connect to; the DCs answer HTTP there, not
 * TLS), any HTTP answer meaning reachable. All six of OONI's DC addresses are probed; the chat
 * component answers when any one does (OONI's rule, which ooni/probe#2466 shows can miss a block
 * of some DCs: the per-endpoint record keeps which ones failed).
 */
import type { Service } from '../types';
import { OONI_TELEGRAM, TDESKTOP_DC_NUMBERS, TDLIB_DC_NUMBERS, UNVERIFIED_SIZE, V2FLY, WINGET, ooniSource, readSource } from '../sources';

const DC_SOURCE = ooniSource(`${OONI_TELEGRAM.ref}; numbering: ${TDESKTOP_DC_NUMBERS.ref}`);
const DC_SOURCE_OONI = ooniSource(`${OONI_TELEGRAM.ref}; numbering: ${TDLIB_DC_NUMBERS.ref}`);

export const TELEGRAM: Service = {
  id: 'telegram',
  name: 'Telegram',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        { id: 'telegram.web.client', kind: 'http', url: 'https://web.telegram.org/', method: 'HEAD', source: OONI_TELEGRAM },
      ],
    },
    {
      id: 'links',
      role: 'links',
      endpoints: [
        {
          id: 'telegram.links.tme',
          kind: 'http',
          url: 'https://t.me/',
          method: 'HEAD',
          source: V2FLY('telegram'),
        },
        {
          // Plain http: the answer a filter can replace with a blockpage. It redirects to https://t.me/.
          id: 'telegram.links.tme-http',
          kind: 'http',
          url: 'http://t.me/',
          method: 'HEAD',
          rotate: false,
          source: readSource('t.me is not HSTS-preloaded: Chromium 156 in the lab, docs/sources.md#hsts-preload'),
        },
      ],
    },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [
        { id: 'telegram.chat.dc2', kind: 'http', url: 'http://149.154.167.51:443/', method: 'POST', source: DC_SOURCE },
        { id: 'telegram.chat.dc4', kind: 'http', url: 'http://149.154.167.91:443/', method: 'POST', source: DC_SOURCE },
        { id: 'telegram.chat.dc1', kind: 'http', url: 'http://149.154.175.50:443/', method: 'POST', rotate: false, source: DC_SOURCE },
        { id: 'telegram.chat.dc5', kind: 'http', url: 'http://149.154.171.5:443/', method: 'POST', rotate: false, source: DC_SOURCE },
        // OONI's two other DC addresses: DC3 (149.154.175.100) and DC2's second address (95.161.76.100,
        // outside Telegram's 149.154.160.0/20, so a filter of that block alone leaves it up).
        { id: 'telegram.chat.dc3', kind: 'http', url: 'http://149.154.175.100:443/', method: 'POST', rotate: false, source: DC_SOURCE_OONI },
        { id: 'telegram.chat.dc2-alt', kind: 'http', url: 'http://95.161.76.100:443/', method: 'POST', rotate: false, source: DC_SOURCE_OONI },
      ],
    },
  ],
  throughput: {
    // A versioned desktop installer on Telegram's own download host (under telegram.org).
    url: 'https://td.telegram.org/tx64/tsetup-x64.5.8.3.exe',
    bytes: 65_536,
    range: true,
    source: WINGET(
      `manifests/t/Telegram/TelegramDesktop/5.8.3/Telegram.TelegramDesktop.installer.yaml (2024-11-23; old versions stay downloadable, e.g. 4.8.1 still linked widely); ${UNVERIFIED_SIZE}`,
      '3445fa4d54fb3b8b43ec44da399ba8f3d822c0af',
    ),
  },
};
