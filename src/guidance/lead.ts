/**
 * The lead of the guidance: the two or three steps that fit this block in this country, one line
 * each with its link, and the short safety notes that must stay in sight. Everything else the
 * chooser says (`choose.ts`) goes behind "More ways". Pure: the same request gives the same lead.
 *
 * Which steps:
 * - a DNS block (`dns`, `blockpage`): change DNS first (nothing to install), then the messenger's
 *   own proxy, then a tool;
 * - a filter (`connect`, `reset`, `tls`), an unclear block, or throttling: the messenger's own
 *   proxy, then a tool that disguises its traffic, then a second such tool;
 * - partial with the message servers answering and only the web client blocked: use the app;
 * - allowlist mode (`restricted`): another connection, then the tool most often reported through.
 * Where the messenger's own proxy is known to be detected in the country (Telegram's MTProto in
 * Russia), the tool comes before it. Tools per country: where a tool's own site is blocked, its
 * mirror is the link; where a tool has a page for the country, that page is.
 */
import type { ComponentRole, CountryCode } from '../catalogue/types';
import { isHow, isState, type How, type State } from '../states';
import { COUNTRY_NOTES, FAMILY_OF_HOW, type BlockFamily } from './advice';
import type { GuidanceMessageKey } from './message-keys';
import type { AdviceRequest, ToolId } from './types';

/** The most lead steps: what a person reads and acts on in twenty seconds. */
export const MAX_LEAD_STEPS = 3;
/** The most safety notes under them: two short lines keep the open panel inside a 600 px popup. */
export const MAX_SAFETY_NOTES = 2;

export interface LeadStep {
  /** The line; `$TOOL$` in it stands for the tool's brand name (the one substitution). */
  readonly messageKey: GuidanceMessageKey;
  /** The tool the line's link belongs to, and which of its links (`ToolLink.id`). */
  readonly tool?: ToolId;
  readonly linkId?: string;
}

export interface Lead {
  readonly steps: readonly LeadStep[];
  /** Short safety notes, shown under the steps, never folded away. */
  readonly safety: readonly GuidanceMessageKey[];
}

const NO_LEAD: Lead = { steps: [], safety: [] };

/** The messengers' own proxies, by catalogue service id, with the link to their help page. */
const OWN_PROXY: Readonly<Record<string, LeadStep>> = {
  whatsapp: { messageKey: 'guidance_lead_whatsapp_proxy', tool: 'whatsapp-proxy', linkId: 'faq' },
  telegram: { messageKey: 'guidance_lead_telegram_proxy', tool: 'telegram-proxy', linkId: 'about' },
  signal: { messageKey: 'guidance_lead_signal_proxy', tool: 'signal-proxy', linkId: 'support' },
};

const OWN_PROXY_TOOLS: ReadonlySet<ToolId> = new Set(Object.values(OWN_PROXY).flatMap((step) => (step.tool ? [step.tool] : [])));

/**
 * Own proxies a country's filter is known to detect: they stay in the lead, after a tool.
 * RU/telegram: TSPU detects MTProto in FakeTLS (github.com/9seconds/mtg/issues/547, 2026).
 */
const OWN_PROXY_DETECTED: Readonly<Record<CountryCode, ReadonlySet<string>>> = {
  RU: new Set(['telegram']),
};

type LeadFamily = BlockFamily | 'restricted';

/**
 * The tools for a kind of block, best first, by country ('*' for anywhere else). Facts behind
 * them are in the tools' sources (`tools.ts`):
 * - RU: AmneziaWG was built against Russia's protocol blocking of VPNs, and Amnezia's own site is
 *   blocked there (so its mirror is the link); Tor needs bridges there.
 * - IR: Psiphon is the tool most used there; Tor with bridges next.
 * - CN: Tor Browser has a page for China (Snowflake and bridges that work there).
 * - elsewhere: a DNS block needs no disguise, so any trustworthy VPN; a filter or throttling needs
 *   traffic that does not look like what is blocked.
 */
const TOOLS: Readonly<Record<LeadFamily, Readonly<Record<CountryCode | '*', readonly ToolId[]>>>> = {
  dns: { RU: ['amnezia'], IR: ['psiphon'], CN: ['tor-browser'], '*': ['proton-vpn'] },
  filter: { RU: ['amnezia', 'tor-browser'], IR: ['psiphon', 'tor-browser'], CN: ['tor-browser', 'outline'], '*': ['psiphon', 'tor-browser'] },
  unclear: { RU: ['amnezia', 'tor-browser'], IR: ['psiphon', 'tor-browser'], CN: ['tor-browser', 'outline'], '*': ['psiphon', 'tor-browser'] },
  throttle: { RU: ['amnezia', 'outline'], IR: ['psiphon', 'outline'], CN: ['outline', 'tor-browser'], '*': ['outline', 'psiphon'] },
  // Psiphon tries many protocols; in allowlist mode it is what sometimes gets through.
  restricted: { '*': ['psiphon'] },
};

/** The line that goes with a tool, by kind of block ($TOOL$ is the tool's name). */
const TOOL_LINE: Readonly<Record<LeadFamily, GuidanceMessageKey>> = {
  dns: 'guidance_lead_tool_dns',
  filter: 'guidance_lead_tool_filter',
  unclear: 'guidance_lead_tool_filter',
  throttle: 'guidance_lead_tool_throttle',
  restricted: 'guidance_lead_tool_restricted',
};

/** Which of a tool's links the lead line carries: its download page, or the country's own. */
const TOOL_LINK: Readonly<Record<ToolId, string>> = {
  'whatsapp-proxy': 'faq',
  'telegram-proxy': 'about',
  'signal-proxy': 'support',
  'tor-browser': 'download',
  psiphon: 'download',
  lantern: 'download',
  outline: 'get-started',
  amnezia: 'website',
  'proton-vpn': 'website',
  'eff-ssd': 'website',
  'access-now-helpline': 'website',
};
const TOOL_LINK_IN: Readonly<Record<CountryCode, Partial<Record<ToolId, string>>>> = {
  // amnezia.org is blocked in Russia; the project publishes a mirror.
  RU: { amnezia: 'mirror' },
  CN: { 'tor-browser': 'china' },
};

const DNS_STEP: LeadStep = { messageKey: 'guidance_lead_dns' };
const USE_THE_APP: LeadStep = { messageKey: 'guidance_lead_use_app' };
const OTHER_CONNECTION: LeadStep = { messageKey: 'guidance_lead_other_connection' };

function toolStep(tool: ToolId, family: LeadFamily, country: CountryCode | null): LeadStep {
  const linkId = (country && TOOL_LINK_IN[country]?.[tool]) ?? TOOL_LINK[tool];
  return { messageKey: TOOL_LINE[family], tool, linkId };
}

function normalizeCountry(country: unknown): CountryCode | null {
  if (typeof country !== 'string') return null;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** Only the web client failed while the message servers answered: the app is the way in. */
function onlyWebBlocked(components: AdviceRequest['components']): boolean {
  const byRole = (role: ComponentRole) => (components ?? []).filter((component) => component.role === role);
  const chat = byRole('chat');
  const web = byRole('web');
  return chat.length > 0 && chat.every((component) => component.ok) && web.length > 0 && web.every((component) => !component.ok);
}

/** The lead for one service. Never throws; a state without a block has no lead. */
export function chooseLead(request: AdviceRequest): Lead {
  const state: State = isState(request.state) ? request.state : 'unknown';
  if (state !== 'blocked' && state !== 'partial' && state !== 'slow' && state !== 'restricted') return NO_LEAD;
  const how: How | undefined = isHow(request.how) ? request.how : undefined;
  const country = normalizeCountry(request.country);
  const serviceId = String(request.serviceId ?? '').toLowerCase();

  const family: LeadFamily =
    state === 'restricted' ? 'restricted' : state === 'slow' ? 'throttle' : how !== undefined ? FAMILY_OF_HOW[how] : 'unclear';
  const tools = TOOLS[family][country ?? '*'] ?? TOOLS[family]['*'] ?? [];
  const toolSteps = tools.map((tool) => toolStep(tool, family, country));
  const own = family === 'restricted' ? undefined : OWN_PROXY[serviceId];
  const ownDetected = own !== undefined && country !== null && (OWN_PROXY_DETECTED[country]?.has(serviceId) ?? false);

  const steps: LeadStep[] = [];
  if (state === 'restricted') steps.push(OTHER_CONNECTION);
  if (state === 'partial' && onlyWebBlocked(request.components)) steps.push(USE_THE_APP);
  if (family === 'dns') steps.push(DNS_STEP);
  if (own && !ownDetected) steps.push(own);
  steps.push(...toolSteps.slice(0, 1));
  if (own && ownDetected) steps.push(own);
  steps.push(...toolSteps.slice(1));
  const lead = steps.slice(0, MAX_LEAD_STEPS);

  // At most MAX_SAFETY_NOTES, most pressing first: the law where it punishes this, installing only
  // from the links given (where a tool is suggested), what a proxy's owner sees (where one is).
  const candidates: GuidanceMessageKey[] = [];
  if (country !== null && (COUNTRY_NOTES[country]?.legal?.length ?? 0) > 0) candidates.push('guidance_lead_safety_law');
  if (lead.some((step) => step.tool !== undefined && !OWN_PROXY_TOOLS.has(step.tool))) candidates.push('guidance_lead_safety_official');
  if (lead.some((step) => step.tool !== undefined && OWN_PROXY_TOOLS.has(step.tool))) candidates.push('guidance_lead_safety_proxy');
  const safety = candidates.slice(0, MAX_SAFETY_NOTES);
  return { steps: lead, safety };
}
