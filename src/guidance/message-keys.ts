/**
 * Every message the guidance shows, by key. The locale files (`assets/_locales/<lang>/messages.json`)
 * hold the text; this list is what the code may refer to, so a key typed in guidance data that is
 * not here fails to compile, and `tests/locales.test.ts` checks that each one exists in every
 * locale (and that no `guidance_*` text exists that nothing here refers to).
 *
 * Keys with `$SERVICE$` take the service's brand name as their one substitution; `$ADDRESS$` an
 * email address; `$PLATFORMS$` a list of operating-system names.
 */
export const GUIDANCE_MESSAGE_KEYS = [
  // The locale's own folder name: lets the extension show links in the language of the text.
  'guidance_locale',
  'guidance_title',

  // What is going on, per state ($SERVICE$).
  'guidance_state_reachable',
  'guidance_state_unknown',
  'guidance_state_offline',
  'guidance_state_restricted',
  'guidance_state_blocked',
  'guidance_state_partial',
  'guidance_state_slow',

  // How it is blocked ($SERVICE$).
  'guidance_how_dns',
  'guidance_how_connect',
  'guidance_how_reset',
  'guidance_how_tls',
  'guidance_how_blockpage',
  'guidance_how_stall',

  // DNS blocks.
  'guidance_dns_secure_browser',
  'guidance_dns_private_android',
  'guidance_dns_caveat',

  // The messengers' own features and their limits.
  'guidance_whatsapp_proxy',
  'guidance_whatsapp_proxy_shutdown',
  'guidance_telegram_proxy',
  'guidance_signal_proxy',
  'guidance_signal_circumvention',
  'guidance_proxy_gets_blocked',
  'guidance_proxy_operator_sees_ip',

  // Tools by kind of block.
  'guidance_tools_after_dns',
  'guidance_tools_obfuscated',
  'guidance_tor_bridges',
  'guidance_tools_throttle',
  'guidance_keep_several',

  // Partial blocks: what still works and what does not, per component role.
  'guidance_part_works_web',
  'guidance_part_blocked_web',
  'guidance_part_works_chat',
  'guidance_part_blocked_chat',
  'guidance_part_works_media',
  'guidance_part_blocked_media',
  'guidance_part_works_registration',
  'guidance_part_blocked_registration',
  'guidance_part_works_links',
  'guidance_part_blocked_links',
  'guidance_part_works_api',
  'guidance_part_blocked_api',
  'guidance_partial_use_app',

  // The connection is down.
  'guidance_offline_check',
  'guidance_offline_no_tools',
  'guidance_offline_shutdown',

  // Allowlist mode.
  'guidance_restricted_no_tools',
  'guidance_restricted_other_connection',
  'guidance_tools_restricted',

  // Works now, in a country where blocks start suddenly.
  'guidance_prepare',

  // Country notes (facts with sources in docs/sources.md#catalogue).
  'guidance_country_ru_law',
  'guidance_country_ru_stores',
  'guidance_country_ru_vpn_apps',
  'guidance_country_ru_telegram_faketls',
  'guidance_country_ru_tor',
  'guidance_country_ru_mobile_allowlist',
  'guidance_country_ir_telegram_forks',
  'guidance_country_ir_shutdowns',
  'guidance_country_cn_stores',
  'guidance_country_cn_tor',
  'guidance_country_tr_throttling',
  'guidance_country_tm_vpn',

  // Safety, everywhere a tool is suggested.
  'guidance_safety_fake_apps',
  'guidance_safety_operator',
  'guidance_safety_legal',
  'guidance_help',

  // One sentence per tool.
  'guidance_tool_whatsapp_proxy',
  'guidance_tool_telegram_proxy',
  'guidance_tool_signal_proxy',
  'guidance_tool_tor_browser',
  'guidance_tool_psiphon',
  'guidance_tool_lantern',
  'guidance_tool_outline',
  'guidance_tool_amnezia',
  'guidance_tool_proton_vpn',
  'guidance_tool_eff_ssd',
  'guidance_tool_access_now',
  'guidance_tool_platforms',

  // Link texts.
  'guidance_link_website',
  'guidance_link_download',
  'guidance_link_guide',
  'guidance_link_help_page',
  'guidance_link_faq',
  'guidance_link_docs',
  'guidance_link_telegram',
  'guidance_link_mirror',
  'guidance_link_bridges',
  'guidance_link_bridges_bot',
  'guidance_link_gettor_bot',
  'guidance_link_run_proxy',
  'guidance_link_china',
  'guidance_link_censorship_guide',
  'guidance_link_in_english',

  // Contacts ($ADDRESS$).
  'guidance_contact_bridges_email',
  'guidance_contact_gettor_email',
  'guidance_contact_download_email',
  'guidance_contact_email',

  // Cost and openness.
  'guidance_cost_free',
  'guidance_cost_freemium',
  'guidance_cost_self_hosted',
  'guidance_open_source',
  'guidance_open_partly',
  'guidance_open_closed',

  // The lead: two or three one-line steps, short safety notes, then "More ways" (lead.ts).
  // `$TOOL$` is a tool's brand name.
  'guidance_more_ways',
  'guidance_lead_dns',
  'guidance_lead_whatsapp_proxy',
  'guidance_lead_telegram_proxy',
  'guidance_lead_signal_proxy',
  'guidance_lead_use_app',
  'guidance_lead_other_connection',
  'guidance_lead_tool_dns',
  'guidance_lead_tool_filter',
  'guidance_lead_tool_throttle',
  'guidance_lead_tool_restricted',
  'guidance_lead_safety_official',
  'guidance_lead_safety_proxy',
  'guidance_lead_safety_law',
] as const;

export type GuidanceMessageKey = (typeof GUIDANCE_MESSAGE_KEYS)[number];

export function isGuidanceMessageKey(value: unknown): value is GuidanceMessageKey {
  return typeof value === 'string' && (GUIDANCE_MESSAGE_KEYS as readonly string[]).includes(value);
}
