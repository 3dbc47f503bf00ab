/**
 * WhatsApp. whatsapp.com and whatsapp.net are HSTS-preloaded with subdomains, so every probe is
 * https (Chromium would rewrite http anyway). The mobile chat hosts do not serve the web PKI: a
 * TLS handshake completes with Meta's self-signed, expired *.internet.org certificate (OONI), so
 * for a browser a certificate error there means "reached". g.whatsapp.net is no longer probed:
 * OONI judges chat on e1–e16 alone, and g's certificate behaviour was assumed, never observed.
 */
import type { Service } from '../types';
import { OONI_WHATSAPP, OONI_WHATSAPP_TLS, UNVERIFIED_SIZE, V2FLY, WINGET, ooniSource, readSource } from '../sources';

const CHAT_HOST_NORMAL_ANSWER = ['tls_cert_authority', 'tls_cert_name', 'tls_cert_date', 'tls_cert_invalid'] as const;

/** e1 … e16: the chat hosts OONI's whatsapp test connects to (the same list in code and spec). */
const CHAT_HOSTS = Array.from({ length: 16 }, (_, index) => index + 1);

/**
 * Chat hosts a round tries (3 of 16): OONI learnt that one random host gives false "blocked"
 * (ooni/probe#1226) and now counts the chat servers up if any of its 16 answers; three per round
 * keep a Check now at three TLS handshakes while six rounds cover all sixteen.
 */
const CHAT_HOSTS_PER_ROUND = 3;

export const WHATSAPP: Service = {
  id: 'whatsapp',
  name: 'WhatsApp',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        { id: 'whatsapp.web.client', kind: 'http', url: 'https://web.whatsapp.com/', method: 'HEAD', source: OONI_WHATSAPP },
        {
          id: 'whatsapp.web.site',
          kind: 'http',
          url: 'https://www.whatsapp.com/',
          method: 'HEAD',
          rotate: false,
          source: V2FLY('whatsapp'),
        },
      ],
    },
    {
      // OONI's chat servers: e1…e16, any of which a client may use. Judged as a pool, never on one host.
      id: 'chat',
      role: 'chat',
      pool: { perRound: CHAT_HOSTS_PER_ROUND },
      endpoints: CHAT_HOSTS.map((n) => ({
        id: `whatsapp.chat.e${n}`,
        kind: 'reach' as const,
        url: `https://e${n}.whatsapp.net/`,
        method: 'HEAD' as const,
        reachedOn: CHAT_HOST_NORMAL_ANSWER,
        source: ooniSource(`${OONI_WHATSAPP.ref}; TLS answer: ${OONI_WHATSAPP_TLS.ref}`),
      })),
    },
    {
      id: 'registration',
      role: 'registration',
      endpoints: [
        { id: 'whatsapp.registration.v', kind: 'http', url: 'https://v.whatsapp.net/v2/register', method: 'HEAD', source: OONI_WHATSAPP },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        {
          id: 'whatsapp.media.mmg',
          kind: 'http',
          url: 'https://mmg.whatsapp.net/',
          method: 'HEAD',
          rotate: false,
          source: readSource('WhatsApp message media URLs https://mmg.whatsapp.net/… in public client code (WhiskeySockets/Baileys and others)'),
        },
      ],
    },
  ],
  throughput: {
    // The Windows installer on the web client's own host: same name and addresses as WhatsApp Web.
    url: 'https://web.whatsapp.com/desktop/windows/release/x64/WhatsAppSetup.exe',
    bytes: 65_536,
    range: true,
    source: WINGET(
      `manifests/w/WhatsApp/WhatsApp/2.2326.10/WhatsApp.WhatsApp.installer.yaml (2023; WhatsApp now ships through the Microsoft Store, so this may go away); ${UNVERIFIED_SIZE}`,
      '45dde1736d21e8a8e2cc6c5c948f41a8674ccccb',
    ),
  },
};
