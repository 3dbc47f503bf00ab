/**
 * The shape of circumvention guidance: the tools a person can turn to, and the advice shown for
 * one service in one state. Data and the chooser live beside this file; nothing here touches the
 * browser. All text a user reads is a message key (`GuidanceMessageKey`), translated by the locale
 * files; only brand names (tool and OS names) appear as plain strings.
 */
import type { CountryCode, ComponentRole, Source } from '../catalogue/types';
import type { How, State } from '../states';
import type { UiLanguage } from './languages';
import type { GuidanceMessageKey } from './message-keys';

export const TOOL_IDS = [
  'whatsapp-proxy',
  'telegram-proxy',
  'signal-proxy',
  'tor-browser',
  'psiphon',
  'lantern',
  'outline',
  'amnezia',
  'proton-vpn',
  'eff-ssd',
  'access-now-helpline',
] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/**
 * `messenger-feature`: built into a messenger app. `vpn`/`proxy`/`tor`: a separate tool that
 * carries traffic around a block. `help`: guides and people, not a tool that connects.
 */
export type ToolKind = 'messenger-feature' | 'vpn' | 'proxy' | 'tor' | 'help';

/** Operating systems by their brand names (never translated). */
export type Platform = 'android' | 'ios' | 'windows' | 'macos' | 'linux' | 'chromeos';

/**
 * `free`: no paid tier. `freemium`: free, with paid options or limits. `self-hosted`: free
 * software, but it needs a server (yours, or one someone you trust runs).
 */
export type Cost = 'free' | 'freemium' | 'self-hosted';

/** Whether the tool's code is open: all of it, part of it (e.g. only the server), or none. */
export type Openness = 'open' | 'partly' | 'closed';

/**
 * A place a tool's official links live: a host (and its subdomains when `subdomains`), and
 * optionally a path prefix on it (a GitHub organisation, a Telegram handle, a bucket folder).
 */
export interface OfficialPlace {
  readonly host: string;
  readonly subdomains?: boolean;
  /** Starts with "/"; matched as a prefix of the URL's path, case-insensitively for t.me handles. */
  readonly pathPrefix?: string;
}

/** What a link leads to; the UI may order or style links by it. */
export type LinkPurpose =
  | 'website'
  | 'download'
  | 'guide'
  | 'support'
  | 'telegram'
  | 'mirror'
  | 'bridges'
  | 'run-your-own';

export interface ToolLink {
  /** Unique within its tool. */
  readonly id: string;
  readonly purpose: LinkPurpose;
  /** The link's text. */
  readonly labelKey: GuidanceMessageKey;
  /** The English or language-neutral page: what every language without its own page gets. */
  readonly url: string;
  /**
   * The same page in other languages, only where a source shows that page exists: never built
   * by pattern from the English URL.
   */
  readonly localized?: Readonly<Partial<Record<Exclude<UiLanguage, 'en'>, string>>>;
  /** Shown only to people in these countries (ISO alpha-2): e.g. a guide for one country. */
  readonly countries?: readonly CountryCode[];
  readonly source: Source;
}

/** A way to reach a tool that is not a web page (an email robot, a helpline address). */
export interface ToolContact {
  readonly id: string;
  readonly kind: 'email';
  readonly address: string;
  /** The contact's text; it has one placeholder, `$ADDRESS$`, filled with `address`. */
  readonly labelKey: GuidanceMessageKey;
  readonly source: Source;
}

export interface Tool {
  readonly id: ToolId;
  /** The brand name, never translated. */
  readonly name: string;
  readonly kind: ToolKind;
  /** One sentence on what it is. */
  readonly aboutKey: GuidanceMessageKey;
  /** Empty for help resources, which are read on the web or by email. */
  readonly platforms: readonly Platform[];
  readonly cost: Cost;
  /** Absent for help resources, where it means nothing. */
  readonly openness?: Openness;
  /** Where its official links may point; every link and contact must be on one of these. */
  readonly official: readonly OfficialPlace[];
  readonly links: readonly ToolLink[];
  readonly contacts: readonly ToolContact[];
  /** Where the facts about the tool itself (platforms, cost, openness) come from. */
  readonly source: Source;
}

/** A link ready to show: the URL for the UI language, and whether the page is in that language. */
export interface ResolvedLink {
  readonly id: string;
  readonly purpose: LinkPurpose;
  readonly labelKey: GuidanceMessageKey;
  readonly url: string;
  /** The language of the page: the UI language when it has its own page, else English. */
  readonly language: UiLanguage;
  /** False when the UI language has no page of its own and the English one is shown. */
  readonly inUiLanguage: boolean;
}

/**
 * `summary`: what is going on, in one sentence. `explain`: why, or what still works.
 * `action`: something to do. `caveat`: the limit of the action before it.
 * `warning`: safety or legal risk. `note`: a fact about the country or the situation.
 */
export type StepKind = 'summary' | 'explain' | 'action' | 'caveat' | 'warning' | 'note';

export interface AdviceStep {
  readonly kind: StepKind;
  readonly messageKey: GuidanceMessageKey;
  /** Values for the message's placeholders, in `$1`, `$2`… order (e.g. the service's name). */
  readonly substitutions?: readonly string[];
  /** Tools this step suggests, best first; the UI shows each with `linksFor`. */
  readonly tools?: readonly ToolId[];
}

/** What the chooser is told. */
export interface AdviceRequest {
  readonly serviceId: string;
  /** The brand name to put in the text; the service id stands in when absent. */
  readonly serviceName?: string;
  readonly state: State;
  readonly how?: How;
  /** ISO alpha-2 (any case), or null when the user set none. */
  readonly country: CountryCode | null;
  /**
   * For `partial`: which parts of the service answered this round, by role, so the advice can say
   * what still works. A role that both worked and failed (two components) is left unsaid.
   */
  readonly components?: readonly { readonly role: ComponentRole; readonly ok: boolean }[];
}

export interface Advice {
  readonly serviceId: string;
  /** The state and how the advice was chosen for, after bad input was set aside. */
  readonly state: State;
  readonly how?: How;
  /** Upper-case ISO alpha-2, or null. */
  readonly country: CountryCode | null;
  /** Ordered: read top to bottom. Message keys do not repeat within one advice. */
  readonly steps: readonly AdviceStep[];
}
