import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, SETTINGS_VERSION, type Settings } from '../../src/settings/schema';
import { loadSettings, updateSettings, type SettingsStore } from '../../src/settings/settings-store';

/** A store in memory, counting saves (in the extension: storage.local). */
function memoryStore(initial?: unknown): SettingsStore & { value: unknown; saves: number } {
  const store = {
    value: initial,
    saves: 0,
    load: async () => structuredClone(store.value),
    save: async (settings: Settings) => {
      store.value = structuredClone(settings);
      store.saves++;
    },
  };
  return store;
}

describe('settings store', () => {
  it('a first run saves the install defaults, with the guessed country', async () => {
    const store = memoryStore();
    expect(await loadSettings(store, defaultSettings('TM'))).toEqual(defaultSettings('TM'));
    expect(store.value).toEqual(defaultSettings('TM'));
  });

  it('loading current settings does not write them again', async () => {
    const store = memoryStore(structuredClone(DEFAULT_SETTINGS));
    await loadSettings(store);
    expect(store.saves).toBe(0);
  });

  it('a repaired value is saved repaired', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, intervalMin: -5 });
    await loadSettings(store);
    expect(store.value).toEqual(DEFAULT_SETTINGS);
  });

  it('settings from a newer Blockwatch are read but not overwritten', async () => {
    const newer = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1, intervalMin: 20, quietHours: true };
    const store = memoryStore(newer);
    expect((await loadSettings(store)).intervalMin).toBe(20);
    expect(store.value).toEqual(newer);
  });

  it('a valid change is saved; an invalid one saves nothing and says why', async () => {
    const store = memoryStore(structuredClone(DEFAULT_SETTINGS));
    expect(await updateSettings(store, { intervalMin: 30 })).toMatchObject({ ok: true, settings: { intervalMin: 30 } });
    expect(store.value).toMatchObject({ intervalMin: 30 });
    const saves = store.saves;
    expect(await updateSettings(store, { intervalMin: 30_000, throughputEnabled: false })).toEqual({ ok: false, errors: [{ field: 'intervalMin', code: 'out_of_range' }] });
    expect(store.saves).toBe(saves);
    expect(store.value).toMatchObject({ intervalMin: 30, throughputEnabled: true });
  });
});
