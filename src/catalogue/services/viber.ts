/**
 * Viber. The apps' own chat protocol is not HTTP and cannot be tested from a browser; the chat
 * role goes to Viber's HTTPS messaging API host, which sits on the same name space (viber.com).
 */
import type { Service } from '../types';
import { UNVERIFIED_SIZE, V2FLY, WINGET, readSource } from '../sources';

const INSTALLER = 'https://download.cdn.viber.com/desktop/windows/ViberSetup.exe';
const INSTALLER_SOURCE = WINGET('manifests/v/Viber/Viber/22.7.1.0/Viber.Viber.installer.yaml', '53ebe7649c1ec270f7ebf83d2d79d63c84735774');

export const VIBER: Service = {
  id: 'viber',
  name: 'Viber',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [{ id: 'viber.web.site', kind: 'http', url: 'https://www.viber.com/', method: 'HEAD', source: V2FLY('viber') }],
    },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [
        {
          id: 'viber.chat.api',
          kind: 'http',
          url: 'https://chatapi.viber.com/',
          method: 'HEAD',
          source: readSource('developers.viber.com/docs/api/rest-bot-api (base https://chatapi.viber.com/pa/, via docs.bytechef.io and dev.to guides)'),
        },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [{ id: 'viber.media.download', kind: 'http', url: INSTALLER, method: 'HEAD', rotate: false, source: INSTALLER_SOURCE }],
    },
  ],
  throughput: {
    // The current Windows installer: the name is stable, the content changes with each release.
    url: INSTALLER,
    bytes: 65_536,
    range: true,
    source: readSource(`${INSTALLER_SOURCE.ref}; ${UNVERIFIED_SIZE}`),
  },
};
