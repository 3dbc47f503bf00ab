/**
 * Facebook Messenger. The web client lives on messenger.com and facebook.com (Meta moves it
 * between them), so both are probed and both are permitted, which also lets a redirect from one
 * to the other be followed. Web chat rides a WebSocket on edge-chat.*; an HTTPS request there gets
 * an HTTP answer, which is all we need.
 */
import type { Service } from '../types';
import { META_WEB_CHAT, OONI_MESSENGER, UNVERIFIED_SIZE, V2FLY, readSource } from '../sources';

export const MESSENGER: Service = {
  id: 'messenger',
  name: 'Messenger',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        { id: 'messenger.web.client', kind: 'http', url: 'https://www.messenger.com/', method: 'HEAD', source: V2FLY('messenger') },
        { id: 'messenger.web.facebook', kind: 'http', url: 'https://www.facebook.com/', method: 'HEAD', rotate: false, source: V2FLY('facebook') },
      ],
    },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [
        { id: 'messenger.chat.edge', kind: 'http', url: 'https://edge-chat.messenger.com/', method: 'HEAD', source: META_WEB_CHAT },
        {
          id: 'messenger.chat.edge-facebook',
          kind: 'http',
          url: 'https://edge-chat.facebook.com/',
          method: 'HEAD',
          rotate: false,
          source: META_WEB_CHAT,
        },
      ],
    },
    {
      id: 'api',
      role: 'api',
      endpoints: [
        { id: 'messenger.api.graph', kind: 'http', url: 'https://b-graph.facebook.com/', method: 'HEAD', rotate: false, source: OONI_MESSENGER },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        { id: 'messenger.media.scontent', kind: 'http', url: 'https://scontent.xx.fbcdn.net/', method: 'HEAD', rotate: false, source: OONI_MESSENGER },
      ],
    },
  ],
  throughput: {
    // No large object with a stable name on Messenger's own names could be found in any source
    // (its desktop installers are retired and fbcdn media URLs expire). This is a static image on
    // Meta's CDN (same edge network, AS32934): it measures Meta-wide throttling, and would miss a
    // rule aimed at messenger.com alone.
    url: 'https://static.cdninstagram.com/images/instagram/xig/homepage/screenshots/screenshot3-2x.png?__d=www',
    bytes: 65_536,
    range: true,
    source: readSource(`Instagram’s logged-out home page image, referenced by many public clones of it (code search); ${UNVERIFIED_SIZE}`),
  },
};
