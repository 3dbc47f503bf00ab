/**
 * The user's settings: small, typed and versioned, kept in `storage.local` by the glue through a
 * SettingsStore. Every field has a default; `migrate.ts` turns whatever is stored into this shape
 * and `validate.ts` checks a change a page asks for.
 */
import type { CountryCode } from '../catalogue/types';
import { DATA_BUDGET_BYTES_PER_DAY, ROUND_INTERVAL_MIN } from '../defaults';
import type { Pause } from './pause';

/**
 * Version 1 is the first stored shape; 2 has the same fields with the larger default data budget
 * (migrate.ts: a version 1 object's old default budget takes the new one). A later shape adds a
 * version and a step in migrate.ts that turns the version before it into the new one.
 */
export const SETTINGS_VERSION = 2;

/** A target the user added: what they typed, and the service id the catalogue's parser gave it. */
export interface CustomTarget {
  readonly input: string;
  readonly id: string;
}

export interface NotificationSettings {
  readonly enabled: boolean;
  /** Services (and `@network`) never to notify about. */
  readonly muted: readonly string[];
  /** Also notify when a service becomes `partial` or `slow` (off by default: README, "What you see"). */
  readonly alsoPartialAndSlow: boolean;
}

export interface Settings {
  readonly version: typeof SETTINGS_VERSION;
  /** Minutes between rounds. */
  readonly intervalMin: number;
  /** Catalogue services the user turned off. */
  readonly disabledServices: readonly string[];
  readonly customTargets: readonly CustomTarget[];
  readonly notifications: NotificationSettings;
  /** ISO 3166-1 alpha-2, or null for "no country" (then only international controls count). */
  readonly country: CountryCode | null;
  /** Probes' daily data budget, bytes: throughput probes pause when it is spent. */
  readonly dataBudgetBytesPerDay: number;
  /** Whether throughput (throttling) probes run at all. */
  readonly throughputEnabled: boolean;
  /**
   * Checks paused by the person (pause.ts), or null. Added within version 1: a stored value without
   * it reads as null (not paused), so no migration step is needed. Set only by the pause and
   * resume requests, never by a settings update.
   */
  readonly pause: Pause | null;
}

/** Custom targets at most: each adds a probe to every round (bytes on a metered plan, and round time). */
export const MAX_CUSTOM_TARGETS = 20;
/** Ids in one list (disabled, muted) at most: far above the catalogue's size, bounds a damaged value. */
export const MAX_LISTED_IDS = 200;
/** Longest service id: catalogue ids are short, custom ids are `custom:` plus a host name (≤ 253). */
export const MAX_ID_LENGTH = 300;
/**
 * Data budget bounds, bytes a day. Below 1 MB a single throughput measurement (target and control,
 * up to 512 KiB each) does not fit; above 1 GB the number is more likely a typo than a plan.
 */
export const DATA_BUDGET_MIN_BYTES = 1_000_000;
export const DATA_BUDGET_MAX_BYTES = 1_000_000_000;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  intervalMin: ROUND_INTERVAL_MIN,
  disabledServices: [],
  customTargets: [],
  notifications: { enabled: true, muted: [], alsoPartialAndSlow: false },
  country: null,
  dataBudgetBytesPerDay: DATA_BUDGET_BYTES_PER_DAY,
  throughputEnabled: true,
  pause: null,
};

/** Defaults for a new install, with the country guessed from the environment (country.ts). */
export function defaultSettings(country: CountryCode | null): Settings {
  return { ...DEFAULT_SETTINGS, country };
}
