/**
 * Telegram. telegram.org is HSTS-preloaded, t.me is not: the plain-http t.me probe is where an
 * injected HTTP blockpage shows. The data centres are probed the way OONI does: an empty
 * plain-HTTP POST to the IP on port 443 (what clients connect to; the DCs answer HTTP there, not
 * TLS), any HTTP answer meaning reachable. DC3 is DC1's alias and is left out.
 */
import type { Service } from '../types';
import { OONI_TELEGRAM, TDESKTOP_DC_NUMBERS, UNVERIFIED_SIZE, V2FLY, WINGET, readSource } from '../sources';

const DC_SOURCE = readSource(`${OONI_TELEGRAM.ref}; numbering: ${TDESKTOP_DC_NUMBERS.ref}`);

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
          source: readSource('research/browser-lab.md: t.me is not HSTS-preloaded'),
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
