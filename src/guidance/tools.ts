/**
 * The tools Blockwatch can point to when a service is blocked, with their official links.
 * Data only. Every link names its source; a link in another language is listed only where a
 * source shows that page exists (readers of other languages get the English page).
 */
import type { Source } from '../catalogue/types';
import type { Cost, Openness, Platform, Tool, ToolId } from './types';
import type { GuidanceMessageKey } from './message-keys';

/**
 * The compiled circumvention sources (docs/sources.md#circumvention-tools) give no date per link:
 * they were read up to Aug–Sep 2026, and their latest dated check is this day, so facts taken
 * from them carry this date.
 */
const RESEARCH_DAY = '2026-08-22';
/** Facts read for this file in stored copies of public repositories and pages. */
const READ_HERE_DAY = '2026-11-25';

function research(ref: string): Source {
  return { ref: `docs/sources.md#circumvention-tools: ${ref}`, checked: RESEARCH_DAY };
}
function readHere(ref: string): Source {
  return { ref: `${ref} (stored copy)`, checked: READ_HERE_DAY };
}

export const TOOLS: readonly Tool[] = [
  {
    id: 'whatsapp-proxy',
    name: 'WhatsApp Proxy',
    kind: 'messenger-feature',
    aboutKey: 'guidance_tool_whatsapp_proxy',
    platforms: ['android', 'ios'],
    cost: 'free',
    // The app is closed; the proxy server Meta publishes is MIT-licensed.
    openness: 'partly',
    official: [{ host: 'faq.whatsapp.com' }, { host: 'github.com', pathPrefix: '/WhatsApp/' }],
    links: [
      {
        id: 'faq',
        purpose: 'guide',
        labelKey: 'guidance_link_help_page',
        // The app links this page itself; a `?locale=` form exists in reports but is unverified.
        url: 'https://faq.whatsapp.com/520504143274092',
        source: research('[WAFAQ] URL hard-coded in the WhatsApp app and in github.com/WhatsApp/proxy README.md'),
      },
      {
        id: 'run-proxy',
        purpose: 'run-your-own',
        labelKey: 'guidance_link_run_proxy',
        url: 'https://github.com/WhatsApp/proxy',
        source: research('[WAPX] github.com/WhatsApp/proxy README.md, FAQ.md'),
      },
    ],
    contacts: [],
    source: research('WhatsApp proxy row; [WAPROXY] medianama.com 2023-01 (launch for Iran); [WAPX]'),
  },
  {
    id: 'telegram-proxy',
    name: 'Telegram MTProxy',
    kind: 'messenger-feature',
    aboutKey: 'guidance_tool_telegram_proxy',
    platforms: ['android', 'ios', 'windows', 'macos', 'linux'],
    cost: 'free',
    openness: 'open',
    official: [{ host: 'core.telegram.org' }],
    links: [
      {
        id: 'about',
        purpose: 'guide',
        labelKey: 'guidance_link_guide',
        url: 'https://core.telegram.org/proxy',
        source: research('Telegram proxies row: core.telegram.org/proxy; [MTPX] github.com/TelegramMessenger/MTProxy README.md'),
      },
    ],
    contacts: [],
    source: research('Telegram proxies row; [MTPX]; [MTG] github.com/9seconds/mtg/issues/547'),
  },
  {
    id: 'signal-proxy',
    name: 'Signal Proxy',
    kind: 'messenger-feature',
    aboutKey: 'guidance_tool_signal_proxy',
    // Desktop proxy support is unverified (docs/sources.md#circumvention-tools), so only the phones are listed.
    platforms: ['android', 'ios'],
    cost: 'free',
    openness: 'open',
    official: [{ host: 'support.signal.org' }, { host: 'signal.org' }],
    links: [
      {
        id: 'support',
        purpose: 'support',
        labelKey: 'guidance_link_help_page',
        url: 'https://support.signal.org/hc/en-us/articles/360056052052',
        // Only the Persian page is verified; /hc/ru, /hc/zh-cn, /hc/tr, /hc/ar are not.
        localized: { fa: 'https://support.signal.org/hc/fa/articles/360056052052' },
        source: research('[SIGSUP] support.signal.org/hc/en-us/articles/360056052052 and /hc/fa/…'),
      },
      {
        id: 'run-proxy',
        purpose: 'run-your-own',
        labelKey: 'guidance_link_run_proxy',
        url: 'https://signal.org/blog/run-a-proxy/',
        source: research('Signal proxy row: signal.org/blog/run-a-proxy/'),
      },
    ],
    contacts: [],
    source: research('Signal proxy row; [SIGSUP]; [OONI-REP]; github.com/signalapp/Signal-TLS-Proxy (MIT)'),
  },
  {
    id: 'tor-browser',
    name: 'Tor Browser',
    kind: 'tor',
    aboutKey: 'guidance_tool_tor_browser',
    // iOS has no Tor Browser; the tool's text points iPhone users to Onion Browser.
    platforms: ['windows', 'macos', 'linux', 'android'],
    cost: 'free',
    openness: 'open',
    official: [
      { host: 'torproject.org', subdomains: true },
      { host: 't.me', pathPrefix: '/GetBridgesBot' },
      { host: 't.me', pathPrefix: '/gettor_bot' },
    ],
    links: [
      {
        id: 'download',
        purpose: 'download',
        labelKey: 'guidance_link_download',
        url: 'https://www.torproject.org/download/',
        source: readHere('www.torproject.org/download/, the download page public guides link (find_string over public repositories)'),
      },
      {
        id: 'bridges-manual',
        purpose: 'guide',
        labelKey: 'guidance_link_guide',
        url: 'https://tb-manual.torproject.org/bridges/',
        localized: {
          ru: 'https://tb-manual.torproject.org/ru/bridges/',
          zh_CN: 'https://tb-manual.torproject.org/zh-CN/bridges/',
          tr: 'https://tb-manual.torproject.org/tr/bridges/',
        },
        source: readHere(
          '[TOR] tb-manual.torproject.org/bridges/ (docs/sources.md#catalogue); the /ru/, /zh-CN/ and /tr/ bridges pages are linked by public documents (find_string); no /fa/ or /ar/ page was found',
        ),
      },
      {
        id: 'bridges',
        purpose: 'bridges',
        labelKey: 'guidance_link_bridges',
        url: 'https://bridges.torproject.org/',
        source: research('[TOR] bridges.torproject.org'),
      },
      {
        id: 'bridges-bot',
        purpose: 'telegram',
        labelKey: 'guidance_link_bridges_bot',
        url: 'https://t.me/GetBridgesBot',
        source: research('[TOR] t.me/GetBridgesBot (/bridges, /obfs4, /webtunnel)'),
      },
      {
        id: 'gettor-bot',
        purpose: 'telegram',
        labelKey: 'guidance_link_gettor_bot',
        url: 'https://t.me/gettor_bot',
        source: research('[TOR] t.me/gettor_bot'),
      },
      {
        id: 'china',
        purpose: 'guide',
        labelKey: 'guidance_link_china',
        url: 'https://support.torproject.org/censorship/connecting-from-china/',
        countries: ['CN'],
        source: research('[TOR] support.torproject.org/censorship/connecting-from-china/'),
      },
    ],
    contacts: [
      {
        id: 'bridges-email',
        kind: 'email',
        address: 'bridges@torproject.org',
        labelKey: 'guidance_contact_bridges_email',
        source: research('Tor Browser row: bridges@torproject.org (Gmail/Riseup only)'),
      },
      {
        id: 'gettor-email',
        kind: 'email',
        address: 'gettor@torproject.org',
        labelKey: 'guidance_contact_gettor_email',
        source: research('Tor Browser row: gettor@torproject.org'),
      },
    ],
    source: research('Tor Browser + bridges row; [TOR]; [N4P-97] github.com/net4people/bbs/issues/97'),
  },
  {
    id: 'psiphon',
    name: 'Psiphon',
    kind: 'proxy',
    aboutKey: 'guidance_tool_psiphon',
    platforms: ['windows', 'android', 'ios', 'macos'],
    cost: 'freemium',
    // The tunnel core is GPL; the apps are not all published.
    openness: 'partly',
    official: [
      { host: 'psiphon.ca', subdomains: true },
      { host: 'psiphon3.com', subdomains: true },
    ],
    links: [
      {
        id: 'website',
        purpose: 'website',
        labelKey: 'guidance_link_website',
        url: 'https://psiphon.ca/',
        source: research('Psiphon row: psiphon.ca'),
      },
      {
        id: 'download',
        purpose: 'download',
        labelKey: 'guidance_link_download',
        url: 'https://psiphon.ca/en/download.html',
        localized: { ru: 'https://psiphon.ca/ru/download.html' },
        source: readHere('psiphon.ca/en/download.html and /ru/download.html, linked by public pages (find_string)'),
      },
      {
        id: 'guide',
        purpose: 'guide',
        labelKey: 'guidance_link_guide',
        url: 'https://psiphon3.com/en/psiphon-guide.html',
        source: research('Psiphon row: psiphon3.com/en/psiphon-guide.html'),
      },
    ],
    contacts: [
      {
        id: 'get-email',
        kind: 'email',
        address: 'get@psiphon3.com',
        labelKey: 'guidance_contact_download_email',
        source: research('Psiphon row: email get@psiphon3.com'),
      },
    ],
    source: research('Psiphon row; [CF-MZ] en.zona.media 2025-06-19'),
  },
  {
    id: 'lantern',
    name: 'Lantern',
    kind: 'proxy',
    aboutKey: 'guidance_tool_lantern',
    platforms: ['windows', 'macos', 'linux', 'android', 'ios'],
    cost: 'freemium',
    openness: 'open',
    official: [
      { host: 'lantern.io', subdomains: true },
      { host: 'github.com', pathPrefix: '/getlantern/' },
      { host: 't.me', pathPrefix: '/lantern_official_bot' },
      { host: 't.me', pathPrefix: '/lantern_russia' },
      { host: 't.me', pathPrefix: '/LanternFarsi' },
      { host: 't.me', pathPrefix: '/lantern_china' },
      { host: 't.me', pathPrefix: '/lantern_uae' },
    ],
    links: [
      {
        id: 'website',
        purpose: 'website',
        labelKey: 'guidance_link_website',
        url: 'https://lantern.io/',
        source: research('Lantern row: lantern.io'),
      },
      {
        id: 'download',
        purpose: 'download',
        labelKey: 'guidance_link_download',
        // The project's own download pages, per language, each with several mirrors.
        url: 'https://github.com/getlantern/.github/blob/main/profile/README.md',
        localized: {
          ru: 'https://github.com/getlantern/.github/blob/main/profile/README.ru.md',
          fa: 'https://github.com/getlantern/.github/blob/main/profile/README.fa.md',
          zh_CN: 'https://github.com/getlantern/.github/blob/main/profile/README.zh.md',
          ar: 'https://github.com/getlantern/.github/blob/main/profile/README.ar.md',
        },
        source: readHere('github.com/getlantern/lantern README.ru.md @00e49b2 (language links)'),
      },
      {
        id: 'faq',
        purpose: 'support',
        labelKey: 'guidance_link_faq',
        url: 'https://lantern.io/faq',
        source: readHere('github.com/getlantern/lantern README.ru.md @00e49b2 (links)'),
      },
      {
        id: 'telegram',
        purpose: 'telegram',
        labelKey: 'guidance_link_telegram',
        // English readers get the official bot: there is no English channel.
        url: 'https://t.me/lantern_official_bot',
        localized: {
          ru: 'https://t.me/lantern_russia',
          fa: 'https://t.me/LanternFarsi',
          zh_CN: 'https://t.me/lantern_china',
          ar: 'https://t.me/lantern_uae',
        },
        source: readHere('github.com/getlantern/lantern README.ru.md @00e49b2 (Telegram per language)'),
      },
    ],
    contacts: [],
    source: research('Lantern row; [WHONIX] Whonix wiki "Lantern" (free-tier data cap)'),
  },
  {
    id: 'outline',
    name: 'Outline',
    kind: 'vpn',
    aboutKey: 'guidance_tool_outline',
    platforms: ['windows', 'macos', 'linux', 'android', 'ios', 'chromeos'],
    cost: 'self-hosted',
    openness: 'open',
    official: [{ host: 'getoutline.org', subdomains: true }],
    links: [
      {
        id: 'get-started',
        purpose: 'download',
        labelKey: 'guidance_link_download',
        url: 'https://getoutline.org/get-started/',
        localized: {
          ru: 'https://getoutline.org/ru/get-started/',
          fa: 'https://getoutline.org/fa/get-started/',
        },
        source: readHere('getoutline.org/get-started/, /ru/get-started/ and /fa/get-started/, linked by public documents (find_string); [OUTLINE] getoutline.org/ru/ (docs/sources.md#catalogue)'),
      },
      {
        id: 'support',
        purpose: 'support',
        labelKey: 'guidance_link_help_page',
        url: 'https://support.getoutline.org/',
        source: research('Outline row: support.getoutline.org'),
      },
    ],
    contacts: [],
    source: research('Outline row; [OUTLINE] getoutline.org/ru/policies/data-collection (2026-03-02), github.com/OutlineFoundation/outline-apps'),
  },
  {
    id: 'amnezia',
    name: 'Amnezia VPN',
    kind: 'vpn',
    aboutKey: 'guidance_tool_amnezia',
    platforms: ['windows', 'macos', 'linux', 'android', 'ios'],
    cost: 'freemium',
    openness: 'open',
    official: [
      { host: 'amnezia.org', subdomains: true },
      { host: 'storage.googleapis.com', pathPrefix: '/amnezia/' },
      { host: 't.me', pathPrefix: '/amnezia_vpn_en' },
      { host: 't.me', pathPrefix: '/amnezia_vpn' },
      { host: 't.me', pathPrefix: '/amnezia_vpn_ir' },
    ],
    links: [
      {
        id: 'website',
        purpose: 'website',
        labelKey: 'guidance_link_website',
        url: 'https://amnezia.org/',
        source: research('Amnezia VPN row: amnezia.org'),
      },
      {
        id: 'mirror',
        purpose: 'mirror',
        labelKey: 'guidance_link_mirror',
        // The site itself is blocked in Russia; the project publishes this mirror.
        url: 'https://storage.googleapis.com/amnezia/amnezia.org',
        source: research('Amnezia VPN row: mirror storage.googleapis.com/amnezia/amnezia.org [AMN]'),
      },
      {
        id: 'docs',
        purpose: 'guide',
        labelKey: 'guidance_link_docs',
        url: 'https://docs.amnezia.org/',
        source: research('Amnezia VPN row: docs.amnezia.org'),
      },
      {
        id: 'telegram',
        purpose: 'telegram',
        labelKey: 'guidance_link_telegram',
        url: 'https://t.me/amnezia_vpn_en',
        localized: { ru: 'https://t.me/amnezia_vpn', fa: 'https://t.me/amnezia_vpn_ir' },
        source: readHere('github.com/amnezia-vpn/amnezia-client README.md, Links (support channels in English, Russian, Farsi)'),
      },
    ],
    contacts: [],
    source: research('Amnezia VPN row; [AMN] github.com/amnezia-vpn/amnezia-client README.md; [AMN-TR]'),
  },
  {
    id: 'proton-vpn',
    name: 'Proton VPN',
    kind: 'vpn',
    aboutKey: 'guidance_tool_proton_vpn',
    platforms: ['windows', 'macos', 'linux', 'android', 'ios'],
    cost: 'freemium',
    openness: 'open',
    official: [{ host: 'protonvpn.com', subdomains: true }],
    links: [
      {
        id: 'website',
        purpose: 'website',
        labelKey: 'guidance_link_website',
        url: 'https://protonvpn.com/',
        source: research('Proton VPN row: protonvpn.com'),
      },
    ],
    contacts: [],
    source: research('Proton VPN row; [MT-VPN] themoscowtimes.com 2024-07-04; [GF] appcensorship.org 2025-04-08'),
  },
  {
    id: 'eff-ssd',
    name: 'Surveillance Self-Defense (EFF)',
    kind: 'help',
    aboutKey: 'guidance_tool_eff_ssd',
    platforms: [],
    cost: 'free',
    official: [{ host: 'ssd.eff.org' }],
    links: [
      {
        id: 'website',
        purpose: 'website',
        labelKey: 'guidance_link_website',
        url: 'https://ssd.eff.org/',
        // Persian is not in the site's main language menu, so Persian readers get English.
        localized: {
          ru: 'https://ssd.eff.org/ru/',
          tr: 'https://ssd.eff.org/tr/',
          ar: 'https://ssd.eff.org/ar/',
          zh_CN: 'https://ssd.eff.org/zh-hans/',
        },
        source: research('[SSD] ssd.eff.org language menu: /ru/, /tr/, /ar/, /zh-hans/'),
      },
      {
        id: 'censorship-guide',
        purpose: 'guide',
        labelKey: 'guidance_link_censorship_guide',
        url: 'https://ssd.eff.org/module/understanding-and-circumventing-network-censorship',
        source: readHere('ssd.eff.org/module/understanding-and-circumventing-network-censorship, linked by Security in a Box pages (find_string)'),
      },
    ],
    contacts: [],
    source: research('EFF Surveillance Self-Defense row; [SSD]'),
  },
  {
    id: 'access-now-helpline',
    name: 'Access Now Digital Security Helpline',
    kind: 'help',
    aboutKey: 'guidance_tool_access_now',
    platforms: [],
    cost: 'free',
    official: [{ host: 'accessnow.org', subdomains: true }],
    links: [
      {
        id: 'website',
        purpose: 'support',
        labelKey: 'guidance_link_website',
        url: 'https://www.accessnow.org/help/',
        source: research('[AN] accessnow.org/help/helpline-faq/'),
      },
    ],
    contacts: [
      {
        id: 'help-email',
        kind: 'email',
        address: 'help@accessnow.org',
        labelKey: 'guidance_contact_email',
        source: research('Access Now Helpline row: help@accessnow.org [AN]'),
      },
    ],
    source: research('Access Now Helpline row; [AN] (for civil society; language list unverified)'),
  },
];

/** The text for a tool's cost. */
export const COST_MESSAGE: Readonly<Record<Cost, GuidanceMessageKey>> = {
  free: 'guidance_cost_free',
  freemium: 'guidance_cost_freemium',
  'self-hosted': 'guidance_cost_self_hosted',
};

/** The text for a tool's openness. */
export const OPENNESS_MESSAGE: Readonly<Record<Openness, GuidanceMessageKey>> = {
  open: 'guidance_open_source',
  partly: 'guidance_open_partly',
  closed: 'guidance_open_closed',
};

/** Operating systems by their brand names, which are never translated. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  android: 'Android',
  ios: 'iOS',
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  chromeos: 'ChromeOS',
};

const TOOLS_BY_ID: ReadonlyMap<ToolId, Tool> = new Map(TOOLS.map((tool) => [tool.id, tool]));

/** The tool with this id. Every `ToolId` has one (the guidance tests check). */
export function toolById(id: ToolId): Tool {
  const tool = TOOLS_BY_ID.get(id);
  if (!tool) throw new Error(`No guidance tool with id "${id}"`);
  return tool;
}
