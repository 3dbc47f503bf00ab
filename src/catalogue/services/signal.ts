/**
 * Signal. Its service hosts use Signal's own certificate authority, so in a browser they answer
 * with an unknown-authority error: that, and only that, proves they were reached. Interception
 * is judged on signal.org, which has a public certificate. signal.org is not HSTS-preloaded, so
 * the plain-http probe is where an HTTP blockpage shows.
 */
import type { Service } from '../types';
import { OONI_SIGNAL, OONI_SIGNAL_CDN, OONI_SIGNAL_SFU_CA, SIGNAL_PRIVATE_CA, ooniSource, readSource } from '../sources';

const PRIVATE_CA_ANSWER = ['tls_cert_authority'] as const;
const SIGNAL_SITE = readSource('v2fly/domain-list-community data/signal @c975ccef (2026-08-19): signal.org; not HSTS-preloaded: Chromium 156 in the lab, docs/sources.md#hsts-preload');

export const SIGNAL: Service = {
  id: 'signal',
  name: 'Signal',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [
        { id: 'signal.web.site', kind: 'http', url: 'https://signal.org/', method: 'HEAD', source: SIGNAL_SITE },
        { id: 'signal.web.site-http', kind: 'http', url: 'http://signal.org/', method: 'HEAD', rotate: false, source: SIGNAL_SITE },
        {
          id: 'signal.web.updates',
          kind: 'http',
          url: 'https://updates.signal.org/desktop/apt/keys.asc',
          method: 'HEAD',
          rotate: false,
          source: readSource('Signal’s Debian install steps (signal.org/download: wget -O- https://updates.signal.org/desktop/apt/keys.asc) fetch it with wget, so it has a public certificate [SIGUPD]'),
        },
      ],
    },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [
        {
          id: 'signal.chat.chat',
          kind: 'reach',
          url: 'https://chat.signal.org/',
          method: 'HEAD',
          reachedOn: PRIVATE_CA_ANSWER,
          source: ooniSource(`${OONI_SIGNAL.ref}; ${SIGNAL_PRIVATE_CA.ref}`),
        },
        {
          id: 'signal.chat.storage',
          kind: 'reach',
          url: 'https://storage.signal.org/',
          method: 'HEAD',
          reachedOn: PRIVATE_CA_ANSWER,
          rotate: false,
          source: OONI_SIGNAL,
        },
        {
          // Contact discovery: without it a new chat cannot find who is on Signal.
          id: 'signal.chat.cdsi',
          kind: 'reach',
          url: 'https://cdsi.signal.org/',
          method: 'HEAD',
          reachedOn: PRIVATE_CA_ANSWER,
          rotate: false,
          source: OONI_SIGNAL,
        },
        {
          // The calling server (selective forwarding unit). OONI counts it as part of the backend.
          id: 'signal.chat.sfu-voip',
          kind: 'reach',
          url: 'https://sfu.voip.signal.org/',
          method: 'HEAD',
          reachedOn: PRIVATE_CA_ANSWER,
          rotate: false,
          source: ooniSource(`${OONI_SIGNAL.ref}; ${OONI_SIGNAL_SFU_CA.ref}`),
        },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        {
          id: 'signal.media.cdn',
          kind: 'reach',
          url: 'https://cdn.signal.org/',
          method: 'HEAD',
          reachedOn: PRIVATE_CA_ANSWER,
          rotate: false,
          // Re-checked: its chain is Signal's own (an unknown authority to a browser and even to
          // OONI's pinned roots), which is why OONI dropped it; here that answer proves "reached".
          source: ooniSource(`${SIGNAL_PRIVATE_CA.ref}; ${OONI_SIGNAL_CDN.ref}`),
        },
      ],
    },
  ],
  throughput: {
    // A versioned Windows installer on Signal's public-CA update host.
    url: 'https://updates.signal.org/desktop/signal-desktop-win-7.30.0.exe',
    bytes: 65_536,
    // Signal Desktop's own updater fetches byte ranges from this host and requires a 206.
    range: true,
    source: readSource(
      'microsoft/winget-pkgs manifests/o/OpenWhisperSystems/Signal/7.30.0/OpenWhisperSystems.Signal.installer.yaml @19cf5ba; Range: signalapp/Signal-Desktop ts/updater/differential.main.ts @806a66e (asserts status 206); old versions assumed kept',
    ),
  },
};
