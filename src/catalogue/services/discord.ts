/** Discord. Messages arrive over the gateway WebSocket, whose address GET /api/v10/gateway names. */
import type { Service } from '../types';
import { UNVERIFIED_SIZE, V2FLY, WINGET, readSource } from '../sources';

const GATEWAY = readSource(
  'discord.com/developers/docs/topics/gateway#get-gateway (via discord.js docs); public code: {"url": "wss://gateway.discord.gg"}',
);

export const DISCORD: Service = {
  id: 'discord',
  name: 'Discord',
  components: [
    {
      id: 'web',
      role: 'web',
      endpoints: [{ id: 'discord.web.site', kind: 'http', url: 'https://discord.com/', method: 'HEAD', source: V2FLY('discord') }],
    },
    {
      id: 'gateway',
      role: 'chat',
      endpoints: [{ id: 'discord.gateway.wss', kind: 'http', url: 'https://gateway.discord.gg/', method: 'HEAD', source: GATEWAY }],
    },
    {
      id: 'api',
      role: 'api',
      endpoints: [
        { id: 'discord.api.gateway', kind: 'http', url: 'https://discord.com/api/v10/gateway', method: 'GET', rotate: false, source: GATEWAY },
      ],
    },
    {
      id: 'media',
      role: 'media',
      endpoints: [
        { id: 'discord.media.cdn', kind: 'http', url: 'https://cdn.discordapp.com/', method: 'HEAD', rotate: false, source: V2FLY('discord') },
      ],
    },
  ],
  throughput: {
    // A versioned Windows installer on Discord's download host.
    url: 'https://stable.dl2.discordapp.net/distro/app/stable/win/x64/1.0.9194/DiscordSetup.exe',
    bytes: 65_536,
    range: true,
    source: WINGET(`manifests/d/Discord/Discord/1.0.9194/Discord.Discord.installer.yaml; ${UNVERIFIED_SIZE}`, '8f96e5527a897530723991d6732691d13657f940'),
  },
};
