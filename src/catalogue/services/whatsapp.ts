/**
 * WhatsApp. whatsapp.com and whatsapp.net are HSTS-preloaded with subdomains, so every probe is
 * https (Chromium would rewrite http anyway). The mobile chat hosts do not serve the web PKI: a
 * TLS handshake completes with Meta's self-signed, expired *.internet.org certificate (OONI), so
 * for a browser a certificate error there means "reached".
 */
import type { Service } from '../types';
import { OONI_WHATSAPP, OONI_WHATSAPP_TLS, UNVERIFIED_SIZE, V2FLY, WINGET, readSource } from '../sources';

const CHAT_HOST_NORMAL_ANSWER = ['tls_cert_authority', 'tls_cert_name', 'tls_cert_date', 'tls_cert_invalid'] as const;

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
      id: 'chat',
      role: 'chat',
      endpoints: [
        {
          id: 'whatsapp.chat.e1',
          kind: 'reach',
          url: 'https://e1.whatsapp.net/',
          method: 'HEAD',
          reachedOn: CHAT_HOST_NORMAL_ANSWER,
          source: OONI_WHATSAPP_TLS,
        },
        {
          id: 'whatsapp.chat.g',
          kind: 'reach',
          url: 'https://g.whatsapp.net/',
          method: 'HEAD',
          reachedOn: CHAT_HOST_NORMAL_ANSWER,
          rotate: false,
          // The certificate behaviour is OONI's finding for e1–e16; g is assumed to share that edge.
          source: readSource(
            'WhatsApp/proxy proxy/src/proxy_config.cfg @00d9e8d (g.whatsapp.net is the chat backend); TLS behaviour assumed as ooni/probe#2190',
          ),
        },
      ],
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
