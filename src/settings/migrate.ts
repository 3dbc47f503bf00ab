/**
 * Whatever is in storage → the current Settings. Never throws: a missing value gives the defaults,
 * a damaged field gives that field's default, a damaged item in a list is dropped and the rest kept.
 *
 * Versions: each step turns the version before it into the next before the fields are read
 * (`fromVersion1`). A value from a newer Blockwatch (the user went back to an older one) is read
 * field by field like any other.
 */
import { isFields, type Fields } from '../fields';
import { countryRule, dataBudgetRule, intervalRule, booleanRule, isCustomTarget, isServiceId, type Rule } from './field-rules';
import { parsePause } from './pause';
import { DEFAULT_SETTINGS, MAX_CUSTOM_TARGETS, MAX_LISTED_IDS, SETTINGS_VERSION, type CustomTarget, type NotificationSettings, type Settings } from './schema';

/** Version 1's default daily data budget, bytes. */
export const VERSION_1_DEFAULT_BUDGET_BYTES = 15_000_000;

/**
 * 1 → 2: the default budget rose from 15 MB to 40 MB, because the default schedule alone spent
 * 15 MB by the evening and no speed sample ran after that (src/defaults.ts says more). Version 1
 * saved every field on the first run, so a stored 15 MB is the old default in nearly every install
 * rather than a choice; it takes the new default. A person who had chosen exactly 15 MB finds 40 MB
 * in the options and can set it again.
 */
function fromVersion1(stored: Fields): Fields {
  return stored.dataBudgetBytesPerDay === VERSION_1_DEFAULT_BUDGET_BYTES ? { ...stored, dataBudgetBytesPerDay: undefined } : stored;
}

/** The version a stored value says it has, if it says one. */
export function storedVersion(stored: unknown): number | undefined {
  return isFields(stored) && typeof stored.version === 'number' ? stored.version : undefined;
}

function pick<T>(rule: Rule<T>, value: unknown, fallback: T): T {
  const result = rule(value);
  return result.ok ? result.value : fallback;
}

/** The valid, distinct items of a stored list, at most `max`; the default when it is not a list. */
function keepValid<T>(value: unknown, isValid: (item: unknown) => item is T, keyOf: (item: T) => string, max: number, fallback: readonly T[]): readonly T[] {
  if (!Array.isArray(value)) return fallback;
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const item of value) {
    if (!isValid(item) || seen.has(keyOf(item))) continue;
    seen.add(keyOf(item));
    kept.push(item);
    if (kept.length === max) break;
  }
  return kept;
}

const ids = (value: unknown, fallback: readonly string[]): readonly string[] => keepValid(value, isServiceId, (id) => id, MAX_LISTED_IDS, fallback);

function notificationsOf(value: unknown, fallback: NotificationSettings): NotificationSettings {
  if (!isFields(value)) return fallback;
  return {
    enabled: pick(booleanRule, value.enabled, fallback.enabled),
    muted: ids(value.muted, fallback.muted),
    alsoPartialAndSlow: pick(booleanRule, value.alsoPartialAndSlow, fallback.alsoPartialAndSlow),
  };
}

/**
 * `defaults` are the install's defaults (in the extension: with the guessed country); a stored
 * `country: null` is the user's choice of "none" and is kept.
 */
export function migrateSettings(found: unknown, defaults: Settings = DEFAULT_SETTINGS): Settings {
  if (!isFields(found)) return defaults;
  // Saved without a version: as old as version 1 at most.
  const stored = (storedVersion(found) ?? 1) <= 1 ? fromVersion1(found) : found;
  return {
    version: SETTINGS_VERSION,
    intervalMin: pick(intervalRule, stored.intervalMin, defaults.intervalMin),
    disabledServices: ids(stored.disabledServices, defaults.disabledServices),
    customTargets: keepValid(
      stored.customTargets,
      isCustomTarget,
      (target) => target.id,
      MAX_CUSTOM_TARGETS,
      defaults.customTargets,
    ).map((target: CustomTarget) => ({ input: target.input, id: target.id })),
    notifications: notificationsOf(stored.notifications, defaults.notifications),
    country: pick(countryRule, stored.country, defaults.country),
    dataBudgetBytesPerDay: pick(dataBudgetRule, stored.dataBudgetBytesPerDay, defaults.dataBudgetBytesPerDay),
    throughputEnabled: pick(booleanRule, stored.throughputEnabled, defaults.throughputEnabled),
    pause: parsePause(stored.pause),
  };
}
