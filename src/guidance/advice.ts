/**
 * What to advise, as data: which text explains each state and each way of blocking, which steps
 * fit each kind of block, the messengers' own features with their honest limits, and the notes
 * that only apply in some countries. `choose.ts` puts these together; nothing here decides order
 * beyond the order of each list.
 *
 * Facts behind the texts: the public sources keyed `[..]` in docs/sources.md#catalogue (tools,
 * warnings, timeline) and docs/sources.md#method (kinds of block).
 */
import type { ComponentRole, CountryCode } from '../catalogue/types';
import type { How, State } from '../states';
import type { GuidanceMessageKey } from './message-keys';
import type { AdviceStep } from './types';

/** A step and the caveats that belong to it. Country notes can follow a group, by its lead's key. */
export interface StepGroup {
  readonly lead: AdviceStep;
  readonly caveats?: readonly AdviceStep[];
}

/**
 * Which counter-measure fits a way of blocking.
 * `dns`: the name is not resolved or resolves to a lie (a blockpage usually comes from one of the
 * two kinds: a DNS lie, or a filter that swaps the page), so another resolver may be enough.
 * `filter`: a filter that knows the service's addresses or reads its name in the connection (DPI);
 * only a tool that hides the destination gets past it. `throttle`: the bytes are slowed or frozen
 * by name or address. `unclear`: blocked, but the round could not say how.
 */
export type BlockFamily = 'dns' | 'filter' | 'throttle' | 'unclear';

export const FAMILY_OF_HOW: Readonly<Record<How, BlockFamily>> = {
  dns: 'dns',
  blockpage: 'dns',
  connect: 'filter',
  reset: 'filter',
  tls: 'filter',
  stall: 'throttle',
};

/** The first sentence of every advice. Each takes the service's name. */
export const STATE_SUMMARY: Readonly<Record<State, GuidanceMessageKey>> = {
  reachable: 'guidance_state_reachable',
  slow: 'guidance_state_slow',
  partial: 'guidance_state_partial',
  blocked: 'guidance_state_blocked',
  offline: 'guidance_state_offline',
  restricted: 'guidance_state_restricted',
  unknown: 'guidance_state_unknown',
};

/** How it is blocked, in plain words. Each takes the service's name. */
export const HOW_EXPLANATION: Readonly<Record<How, GuidanceMessageKey>> = {
  dns: 'guidance_how_dns',
  connect: 'guidance_how_connect',
  reset: 'guidance_how_reset',
  tls: 'guidance_how_tls',
  blockpage: 'guidance_how_blockpage',
  stall: 'guidance_how_stall',
};

/** Texts that name the service: the chooser fills in its name as the one substitution. */
export const NAMES_THE_SERVICE: ReadonlySet<GuidanceMessageKey> = new Set([
  ...Object.values(STATE_SUMMARY),
  ...Object.values(HOW_EXPLANATION),
]);

const OBFUSCATED_TOOLS: AdviceStep = {
  kind: 'action',
  messageKey: 'guidance_tools_obfuscated',
  tools: ['amnezia', 'outline', 'tor-browser', 'psiphon'],
};
const TOR_BRIDGES: AdviceStep = { kind: 'action', messageKey: 'guidance_tor_bridges', tools: ['tor-browser'] };

export interface FamilyPlan {
  /** Steps that come before the messenger's own feature: cheaper fixes worth trying first. */
  readonly beforeOwnFeature: readonly StepGroup[];
  /** Separate tools, after the messenger's own feature. */
  readonly afterOwnFeature: readonly StepGroup[];
}

export const FAMILY_PLANS: Readonly<Record<BlockFamily, FamilyPlan>> = {
  dns: {
    beforeOwnFeature: [
      { lead: { kind: 'action', messageKey: 'guidance_dns_secure_browser' } },
      {
        lead: { kind: 'action', messageKey: 'guidance_dns_private_android' },
        caveats: [{ kind: 'caveat', messageKey: 'guidance_dns_caveat' }],
      },
    ],
    afterOwnFeature: [
      // Any VPN or Tor gets around a DNS block; no disguise is needed yet.
      {
        lead: {
          kind: 'action',
          messageKey: 'guidance_tools_after_dns',
          tools: ['proton-vpn', 'psiphon', 'lantern', 'tor-browser'],
        },
      },
    ],
  },
  filter: {
    beforeOwnFeature: [],
    afterOwnFeature: [{ lead: OBFUSCATED_TOOLS }, { lead: TOR_BRIDGES }],
  },
  throttle: {
    beforeOwnFeature: [],
    afterOwnFeature: [
      {
        lead: {
          kind: 'action',
          messageKey: 'guidance_tools_throttle',
          tools: ['amnezia', 'outline', 'proton-vpn', 'psiphon'],
        },
      },
    ],
  },
  // Not knowing how, suggest what gets past every kind: tools that hide the destination.
  unclear: {
    beforeOwnFeature: [],
    afterOwnFeature: [{ lead: OBFUSCATED_TOOLS }, { lead: TOR_BRIDGES }],
  },
};

const PROXY_GETS_BLOCKED: AdviceStep = { kind: 'caveat', messageKey: 'guidance_proxy_gets_blocked' };
const PROXY_SEES_IP: AdviceStep = { kind: 'caveat', messageKey: 'guidance_proxy_operator_sees_ip' };

/**
 * The messengers' own ways around a block, by catalogue service id, each with its limits.
 * They come first where they fit: nothing to install, and the app's own encryption stays intact.
 */
export const OWN_FEATURES: Readonly<Record<string, readonly StepGroup[]>> = {
  whatsapp: [
    {
      lead: { kind: 'action', messageKey: 'guidance_whatsapp_proxy', tools: ['whatsapp-proxy'] },
      caveats: [
        { kind: 'caveat', messageKey: 'guidance_whatsapp_proxy_shutdown' },
        PROXY_GETS_BLOCKED,
        PROXY_SEES_IP,
      ],
    },
  ],
  telegram: [
    {
      lead: { kind: 'action', messageKey: 'guidance_telegram_proxy', tools: ['telegram-proxy'] },
      caveats: [PROXY_GETS_BLOCKED, PROXY_SEES_IP],
    },
  ],
  signal: [
    {
      lead: { kind: 'action', messageKey: 'guidance_signal_proxy', tools: ['signal-proxy'] },
      caveats: [PROXY_GETS_BLOCKED, PROXY_SEES_IP],
    },
    { lead: { kind: 'action', messageKey: 'guidance_signal_circumvention' } },
  ],
};

/** What still works and what does not, for `partial`, per component role. */
export const PART_MESSAGES: Readonly<Record<ComponentRole, { readonly works: GuidanceMessageKey; readonly blocked: GuidanceMessageKey }>> = {
  chat: { works: 'guidance_part_works_chat', blocked: 'guidance_part_blocked_chat' },
  web: { works: 'guidance_part_works_web', blocked: 'guidance_part_blocked_web' },
  media: { works: 'guidance_part_works_media', blocked: 'guidance_part_blocked_media' },
  registration: { works: 'guidance_part_works_registration', blocked: 'guidance_part_blocked_registration' },
  links: { works: 'guidance_part_works_links', blocked: 'guidance_part_blocked_links' },
  api: { works: 'guidance_part_works_api', blocked: 'guidance_part_blocked_api' },
};

/** When the web client is blocked but the message servers answer, the app is the way in. */
export const USE_THE_APP: AdviceStep = { kind: 'action', messageKey: 'guidance_partial_use_app' };

/** The connection is down: no tool helps, so none is offered. */
export const OFFLINE_PLAN: readonly StepGroup[] = [
  { lead: { kind: 'action', messageKey: 'guidance_offline_check' } },
  { lead: { kind: 'explain', messageKey: 'guidance_offline_no_tools' } },
  { lead: { kind: 'note', messageKey: 'guidance_offline_shutdown' } },
];

/** Allowlist mode: say plainly that most tools fail, then what sometimes works. */
export const RESTRICTED_PLAN: readonly StepGroup[] = [
  { lead: { kind: 'explain', messageKey: 'guidance_restricted_no_tools' } },
  { lead: { kind: 'action', messageKey: 'guidance_restricted_other_connection' } },
  {
    lead: {
      kind: 'action',
      messageKey: 'guidance_tools_restricted',
      // Psiphon tries many protocols; Snowflake and WebTunnel ride on allowed-looking traffic; a
      // VPN server inside the country is itself a domestic address.
      tools: ['psiphon', 'tor-browser', 'amnezia'],
    },
  },
];

/** For a service that works, in a country where blocks start without warning. */
export const PREPARE: AdviceStep = {
  kind: 'action',
  messageKey: 'guidance_prepare',
  tools: ['tor-browser', 'psiphon', 'amnezia'],
};

export const KEEP_SEVERAL: AdviceStep = { kind: 'note', messageKey: 'guidance_keep_several' };

/** Shown where no country-specific legal note exists. */
export const LEGAL_GENERIC: AdviceStep = { kind: 'warning', messageKey: 'guidance_safety_legal' };

/** Everywhere a tool is suggested. */
export const SAFETY: readonly AdviceStep[] = [
  { kind: 'warning', messageKey: 'guidance_safety_fake_apps' },
  { kind: 'warning', messageKey: 'guidance_safety_operator' },
];

export const HELP: AdviceStep = { kind: 'note', messageKey: 'guidance_help', tools: ['eff-ssd', 'access-now-helpline'] };

export interface CountryNotes {
  /** Placed right after the group whose lead has this key, when that group is in the advice. */
  readonly after?: Readonly<Partial<Record<GuidanceMessageKey, readonly AdviceStep[]>>>;
  /** For `blocked`, `partial` and `slow`. */
  readonly bad?: readonly AdviceStep[];
  readonly restricted?: readonly AdviceStep[];
  readonly offline?: readonly AdviceStep[];
  /** The country's own legal warning, in place of the generic one. */
  readonly legal?: readonly AdviceStep[];
}

/**
 * Notes by country (upper-case ISO alpha-2). Only facts with a source in the research are here;
 * a country without an entry gets the general notes only.
 */
export const COUNTRY_NOTES: Readonly<Record<CountryCode, CountryNotes>> = {
  RU: {
    after: {
      // [MTG] github.com/9seconds/mtg/issues/547: TSPU detects MTProto in FakeTLS (2026).
      guidance_telegram_proxy: [{ kind: 'caveat', messageKey: 'guidance_country_ru_telegram_faketls' }],
      // [N4P-97]: Tor blocked since 2021-12-01; BridgeDB/email bridges worked; RU guides prefer WebTunnel.
      guidance_tor_bridges: [{ kind: 'note', messageKey: 'guidance_country_ru_tor' }],
    },
    bad: [
      // [MT-VPN] 2024-07-04 App Store removals; Amnezia's site blocked in RU [AMN].
      { kind: 'note', messageKey: 'guidance_country_ru_stores' },
      // [DUROV] 2026-04-11.
      { kind: 'note', messageKey: 'guidance_country_ru_vpn_apps' },
    ],
    // [CARNEGIE]: regional mobile shutdowns with allowlists since 2025-05, ~2,000 a month.
    restricted: [{ kind: 'note', messageKey: 'guidance_country_ru_mobile_allowlist' }],
    // [MT-VPN][TASS-VPN]: promotion banned 2024-03-01, fines from 2025-09-01.
    legal: [{ kind: 'warning', messageKey: 'guidance_country_ru_law' }],
  },
  IR: {
    // [FW] filterwatch 2018-07-26: avoid forked Telegram clients.
    after: { guidance_telegram_proxy: [{ kind: 'warning', messageKey: 'guidance_country_ir_telegram_forks' }] },
    // [WION][CHRONA]: nationwide blackout from 2026-01-08, > 180 h.
    restricted: [{ kind: 'note', messageKey: 'guidance_country_ir_shutdowns' }],
    offline: [{ kind: 'note', messageKey: 'guidance_country_ir_shutdowns' }],
  },
  CN: {
    // [TOR] support.torproject.org/censorship/connecting-from-china/: among Tor Browser's links for CN only.
    after: { guidance_tor_bridges: [{ kind: 'note', messageKey: 'guidance_country_cn_tor' }] },
    // [MACR] 2024-04-19.
    bad: [{ kind: 'note', messageKey: 'guidance_country_cn_stores' }],
  },
  TR: {
    // [TR-IG] 2024-08-02; [S4] OONI Türkiye 2025 throttling (docs/sources.md#turkiye-2025).
    bad: [{ kind: 'note', messageKey: 'guidance_country_tr_throttling' }],
  },
  TM: {
    // [TM] AFP / top10vpn: messengers unavailable, VPN use punished.
    legal: [{ kind: 'warning', messageKey: 'guidance_country_tm_vpn' }],
  },
};
