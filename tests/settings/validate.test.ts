import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { validateSettingsUpdate } from '../../src/settings/validate';

describe('validateSettingsUpdate', () => {
  it('applies a valid partial change to the current settings', () => {
    const result = validateSettingsUpdate({ intervalMin: 10, country: 'tr', notifications: { muted: ['whatsapp'] } }, DEFAULT_SETTINGS);
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, intervalMin: 10, country: 'TR', notifications: { ...DEFAULT_SETTINGS.notifications, muted: ['whatsapp'] } },
    });
  });

  it('an empty change is valid and changes nothing', () => {
    expect(validateSettingsUpdate({}, DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it.each<[string, unknown, { field: string; code: string; index?: number }]>([
    ['an interval of 0', { intervalMin: 0 }, { field: 'intervalMin', code: 'out_of_range' }],
    ['an interval of 61 minutes', { intervalMin: 61 }, { field: 'intervalMin', code: 'out_of_range' }],
    ['an interval of 2.5 minutes', { intervalMin: 2.5 }, { field: 'intervalMin', code: 'not_integer' }],
    ['an interval as text', { intervalMin: '5' }, { field: 'intervalMin', code: 'not_integer' }],
    ['a budget of 100 kB', { dataBudgetBytesPerDay: 100_000 }, { field: 'dataBudgetBytesPerDay', code: 'out_of_range' }],
    ['a country that does not exist', { country: 'XX' }, { field: 'country', code: 'bad_country' }],
    ['a country name', { country: 'Iran' }, { field: 'country', code: 'bad_country' }],
    ['a switch as text', { throughputEnabled: 'true' }, { field: 'throughputEnabled', code: 'not_boolean' }],
    ['disabled services not in a list', { disabledServices: 'viber' }, { field: 'disabledServices', code: 'not_list' }],
    ['a disabled service twice', { disabledServices: ['viber', 'x', 'viber'] }, { field: 'disabledServices', code: 'duplicate', index: 2 }],
    ['a blank service id', { disabledServices: [''] }, { field: 'disabledServices', code: 'bad_id', index: 0 }],
    ['a muted list of numbers', { notifications: { muted: [1] } }, { field: 'notifications.muted', code: 'bad_id', index: 0 }],
    ['notifications as a switch', { notifications: true }, { field: 'notifications', code: 'not_object' }],
    ['an unknown notification option', { notifications: { sound: true } }, { field: 'notifications.sound', code: 'unknown_field' }],
    ['a custom target without input', { customTargets: [{ id: 'custom:a.org' }] }, { field: 'customTargets', code: 'bad_target', index: 0 }],
    ['a custom target twice', { customTargets: [{ input: 'a.org', id: 'custom:a.org' }, { input: 'https://a.org', id: 'custom:a.org' }] }, { field: 'customTargets', code: 'duplicate', index: 1 }],
    ['too many custom targets', { customTargets: Array.from({ length: 21 }, (_, i) => ({ input: `s${i}.org`, id: `custom:s${i}.org` })) }, { field: 'customTargets', code: 'too_many' }],
    ['a change of version', { version: 2 }, { field: 'version', code: 'read_only' }],
    ['a field that does not exist', { theme: 'dark' }, { field: 'theme', code: 'unknown_field' }],
  ])('refuses %s, naming the field', (_name, update, error) => {
    expect(validateSettingsUpdate(update, DEFAULT_SETTINGS)).toEqual({ ok: false, errors: [error] });
  });

  it('reports every bad field at once', () => {
    const result = validateSettingsUpdate({ intervalMin: 0, country: 'XX', throughputEnabled: true }, DEFAULT_SETTINGS);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((error) => error.field)).toEqual(['intervalMin', 'country']);
  });

  it.each([[null], ['intervalMin=5'], [[]]])('refuses %j as a change', (update) => {
    expect(validateSettingsUpdate(update, DEFAULT_SETTINGS)).toEqual({ ok: false, errors: [{ field: '', code: 'not_object' }] });
  });

  it('with the catalogue\'s parser, a target must carry the id its input parses to', () => {
    const idForTarget = (input: string): string | null => {
      const host = input.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase();
      return host.includes('.') ? `custom:${host}` : null;
    };
    expect(validateSettingsUpdate({ customTargets: [{ input: 'https://Meduza.io/', id: 'custom:meduza.io' }] }, DEFAULT_SETTINGS, { idForTarget }).ok).toBe(true);
    expect(validateSettingsUpdate({ customTargets: [{ input: 'meduza.io', id: 'whatsapp' }] }, DEFAULT_SETTINGS, { idForTarget })).toEqual({
      ok: false,
      errors: [{ field: 'customTargets', code: 'bad_target', index: 0 }],
    });
    expect(validateSettingsUpdate({ customTargets: [{ input: 'not a host', id: 'custom:x' }] }, DEFAULT_SETTINGS, { idForTarget }).ok).toBe(false);
  });

  it('choosing "no country" is valid', () => {
    const current = { ...DEFAULT_SETTINGS, country: 'RU' };
    expect(validateSettingsUpdate({ country: null }, current)).toEqual({ ok: true, settings: { ...current, country: null } });
  });
});
