/** X (Twitter). twitter.com redirects to x.com; both are permitted so the redirect is followed. */
import type { Service } from '../types';
import { UNVERIFIED_SIZE, V2FLY, readSource } from '../sources';

export const X: Service = {
  id: 'x',
  name: 'X',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        { id: 'x.web.site', kind: 'http', url: 'https://x.com/', method: 'HEAD', source: V2FLY('twitter') },
        { id: 'x.web.twitter', kind: 'http', url: 'https://twitter.com/', method: 'HEAD', rotate: false, source: V2FLY('twitter') },
      ],
    },
    {
      id: 'api',
      role: 'chat',
      endpoints: [
        {
          id: 'x.api.api',
          kind: 'http',
          url: 'https://api.x.com/',
          method: 'HEAD',
          source: readSource('docs.x.com/es/x-api/posts/manage-tweets/migrate/standard-to-twitter-api-v2 (https://api.x.com/2/tweets)'),
        },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        {
          id: 'x.media.pbs',
          kind: 'http',
          url: 'https://pbs.twimg.com/media/BhxWutnCEAAtEQ6.jpg?name=orig',
          method: 'HEAD',
          rotate: false,
          source: readSource('public code using the photo of tweet 440322224407314432 (1920×1080, code search)'),
        },
      ],
    },
  ],
  throughput: {
    // The 1920×1080 photo of one of the most shared posts ever made; JPEG, so no recompression.
    url: 'https://pbs.twimg.com/media/BhxWutnCEAAtEQ6.jpg?name=orig',
    bytes: 65_536,
    range: true,
    source: readSource(`public code using the photo of tweet 440322224407314432 (1920×1080, code search); ${UNVERIFIED_SIZE}`),
  },
};
