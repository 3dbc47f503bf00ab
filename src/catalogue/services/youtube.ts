/**
 * YouTube. Its payload is video, so the video CDN (googlevideo.com, the name Russia throttled by
 * SNI in 2024) takes the `chat` role: the part whose failure names the block. Video URLs are
 * signed and short-lived, so the throughput object is a thumbnail on i.ytimg.com instead.
 */
import type { Service } from '../types';
import { UNVERIFIED_SIZE, readSource } from '../sources';

export const YOUTUBE: Service = {
  id: 'youtube',
  name: 'YouTube',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        {
          id: 'youtube.web.204',
          kind: 'http',
          url: 'https://www.youtube.com/generate_204',
          method: 'HEAD',
          source: readSource('Un1Gfn/jangaehwepi ex1_httping/connectivitycheck.h (www.youtube.com/generate_204 answers 204)'),
        },
      ],
    },
    {
      id: 'video',
      role: 'chat',
      endpoints: [
        {
          id: 'youtube.video.redirector',
          kind: 'http',
          url: 'https://redirector.googlevideo.com/report_mapping',
          method: 'HEAD',
          source: readSource('public YouTube-CDN check scripts (code search: https://redirector.googlevideo.com/report_mapping); docs/sources.md#ytcdn'),
        },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        {
          id: 'youtube.media.thumbnail',
          kind: 'http',
          url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg',
          method: 'HEAD',
          rotate: false,
          source: readSource('rosvik/thumbs.248.no README (i.ytimg.com/vi/<id>/maxresdefault.jpg, 1280×720)'),
        },
      ],
    },
  ],
  throughput: {
    // A 1280×720 JPEG thumbnail of one of YouTube's best-known videos.
    url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg',
    bytes: 65_536,
    range: true,
    source: readSource(`rosvik/thumbs.248.no README (URL form; maxresdefault is 1280×720); ${UNVERIFIED_SIZE}`),
  },
};
