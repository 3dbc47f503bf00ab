import { describe, expect, it } from 'vitest';
import { migrateSettings, VERSION_1_DEFAULT_BUDGET_BYTES } from '../../src/settings/migrate';
import { DEFAULT_SETTINGS, defaultSettings, MAX_CUSTOM_TARGETS, type Settings } from '../../src/settings/schema';

const custom: Settings = {
  version: 2,
  intervalMin: 15,
  disabledServices: ['viber'],
  customTargets: [{ input: 'meduza.io', id: 'custom:meduza.io' }],
  notifications: { enabled: true, muted: ['youtube'], alsoPartialAndSlow: true },
  country: 'RU',
  dataBudgetBytesPerDay: 50_000_000,
  throughputEnabled: false,
  pause: null,
};

describe('migrateSettings', () => {
  it.each<[string, unknown]>([
    ['nothing stored (first run)', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['a list', [1, 2]],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_name, stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps current settings exactly', () => {
    expect(migrateSettings(structuredClone(custom))).toEqual(custom);
  });

  it('uses the install defaults (the guessed country) only for what is missing; "no country" is kept', () => {
    const defaults = defaultSettings('IR');
    expect(migrateSettings({}, defaults).country).toBe('IR');
    expect(migrateSettings({ country: null }, defaults).country).toBeNull();
    expect(migrateSettings({ country: 'TR' }, defaults).country).toBe('TR');
  });

  it('repairs each damaged field on its own and keeps the others', () => {
    const damaged = {
      ...custom,
      intervalMin: 0,
      country: 'Russia',
      dataBudgetBytesPerDay: '15MB',
      throughputEnabled: 'no',
      notifications: { enabled: 'yes', muted: ['youtube'], alsoPartialAndSlow: true },
    };
    expect(migrateSettings(damaged)).toEqual({
      ...custom,
      intervalMin: DEFAULT_SETTINGS.intervalMin,
      country: null,
      dataBudgetBytesPerDay: DEFAULT_SETTINGS.dataBudgetBytesPerDay,
      throughputEnabled: true,
      notifications: { enabled: true, muted: ['youtube'], alsoPartialAndSlow: true },
    });
  });

  it('drops bad and repeated items from lists and keeps the good ones', () => {
    const migrated = migrateSettings({
      ...custom,
      disabledServices: ['viber', 'viber', '', 42, 'has space', 'discord'],
      customTargets: [
        { input: 'meduza.io', id: 'custom:meduza.io' },
        { input: 'meduza.io/', id: 'custom:meduza.io' },
        { input: '', id: 'custom:empty' },
        { input: 'x.org', id: 'custom:x.org', extra: true },
        'telegra.ph',
        { input: 'https://rutracker.org', id: 'custom:rutracker.org' },
      ],
      notifications: { ...custom.notifications, muted: 'youtube' },
    });
    expect(migrated.disabledServices).toEqual(['viber', 'discord']);
    expect(migrated.customTargets).toEqual([
      { input: 'meduza.io', id: 'custom:meduza.io' },
      { input: 'https://rutracker.org', id: 'custom:rutracker.org' },
    ]);
    expect(migrated.notifications.muted).toEqual([]);
  });

  it(`keeps at most ${MAX_CUSTOM_TARGETS} custom targets`, () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ input: `site${i}.org`, id: `custom:site${i}.org` }));
    expect(migrateSettings({ customTargets: many }).customTargets).toHaveLength(MAX_CUSTOM_TARGETS);
  });

  it('accepts a lower-case country code typed by hand', () => {
    expect(migrateSettings({ country: ' ir ' }).country).toBe('IR');
  });

  it('reads what it knows of settings from a newer Blockwatch and leaves out the rest', () => {
    const newer = { ...custom, version: 7, quietHours: { from: 22, to: 7 } };
    expect(migrateSettings(newer)).toEqual(custom);
  });

  it('reads settings saved without a version', () => {
    const { version: _version, ...unversioned } = custom;
    expect(migrateSettings(unversioned)).toEqual(custom);
  });

  it('gives a version 1 install that kept the old 15 MB default the new default, and keeps any budget chosen', () => {
    const version1 = { ...custom, version: 1, dataBudgetBytesPerDay: VERSION_1_DEFAULT_BUDGET_BYTES };
    expect(migrateSettings(version1)).toEqual({ ...custom, dataBudgetBytesPerDay: DEFAULT_SETTINGS.dataBudgetBytesPerDay });
    expect(DEFAULT_SETTINGS.dataBudgetBytesPerDay).toBeGreaterThan(VERSION_1_DEFAULT_BUDGET_BYTES);
    expect(migrateSettings({ ...custom, version: 1, dataBudgetBytesPerDay: 8_000_000 }).dataBudgetBytesPerDay).toBe(8_000_000);
    // Once version 2, 15 MB is the person's choice.
    expect(migrateSettings({ ...custom, dataBudgetBytesPerDay: VERSION_1_DEFAULT_BUDGET_BYTES }).dataBudgetBytesPerDay).toBe(VERSION_1_DEFAULT_BUDGET_BYTES);
  });
});
