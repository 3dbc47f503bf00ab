/** Instagram. Direct messages ride MQTT over a WebSocket on edge-chat.instagram.com. */
import type { Service } from '../types';
import { META_WEB_CHAT, UNVERIFIED_SIZE, V2FLY, readSource } from '../sources';

export const INSTAGRAM: Service = {
  id: 'instagram',
  name: 'Instagram',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [{ id: 'instagram.web.site', kind: 'http', url: 'https://www.instagram.com/', method: 'HEAD', source: V2FLY('instagram') }],
    },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [{ id: 'instagram.chat.edge', kind: 'http', url: 'https://edge-chat.instagram.com/', method: 'HEAD', source: META_WEB_CHAT }],
    },
    {
      id: 'api',
      role: 'api',
      endpoints: [
        {
          id: 'instagram.api.app',
          kind: 'http',
          url: 'https://i.instagram.com/',
          method: 'HEAD',
          rotate: false,
          source: readSource('community Messenger/Instagram clients [FBMQTT] (docs/sources.md#fbmqtt): i.instagram.com is the app API host'),
        },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        { id: 'instagram.media.static', kind: 'http', url: 'https://static.cdninstagram.com/', method: 'HEAD', rotate: false, source: V2FLY('instagram') },
      ],
    },
  ],
  throughput: {
    // A 2× phone screenshot (PNG, so not recompressed in transit) from the logged-out home page.
    url: 'https://static.cdninstagram.com/images/instagram/xig/homepage/screenshots/screenshot1-2x.png?__d=www',
    bytes: 65_536,
    range: true,
    source: readSource(`Instagram’s logged-out home page image, referenced by many public clones of it (code search); ${UNVERIFIED_SIZE}`),
  },
};
