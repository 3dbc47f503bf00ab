/**
 * Where settings live is the glue's business (`storage.local`); this is the interface it
 * implements, and the two things every caller does with it.
 */
import { migrateSettings, storedVersion } from './migrate';
import type { Pause } from './pause';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './schema';
import { validateSettingsUpdate, type SettingsValidation, type ValidateOptions } from './validate';

export interface SettingsStore {
  /** The stored value as it is, or undefined when there is none. */
  load(): Promise<unknown>;
  save(settings: Settings): Promise<void>;
}

/**
 * Loads the settings in the current shape, saving the result when it differs from what was stored
 * (a first run, an older version, a repaired field). A value from a newer Blockwatch is not written
 * back, so the fields that version added survive until the user changes a setting here.
 */
export async function loadSettings(store: SettingsStore, defaults: Settings = DEFAULT_SETTINGS): Promise<Settings> {
  const stored = await store.load();
  const settings = migrateSettings(stored, defaults);
  const newer = (storedVersion(stored) ?? 0) > SETTINGS_VERSION;
  if (!newer && JSON.stringify(stored) !== JSON.stringify(settings)) await store.save(settings);
  return settings;
}

/** Applies a page's change if it is valid, and saves it; otherwise saves nothing and says why. */
export async function updateSettings(store: SettingsStore, update: unknown, options: ValidateOptions & { readonly defaults?: Settings } = {}): Promise<SettingsValidation> {
  const current = await loadSettings(store, options.defaults);
  const result = validateSettingsUpdate(update, current, options);
  if (result.ok) await store.save(result.settings);
  return result;
}

/** Starts (a Pause) or ends (null) a pause, keeping every other setting. */
export async function savePause(store: SettingsStore, pause: Pause | null, defaults?: Settings): Promise<Settings> {
  const settings = { ...(await loadSettings(store, defaults)), pause };
  await store.save(settings);
  return settings;
}
