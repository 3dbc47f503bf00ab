import { describe, expect, it } from 'vitest';
import { guessCountry } from '../../src/settings/country';
import { isCountryCode } from '../../src/settings/country-codes';
import { countryOfTimeZone } from '../../src/settings/time-zones';

describe('guessCountry', () => {
  it.each<[string, string]>([
    ['Europe/Moscow', 'RU'],
    ['Europe/Kaliningrad', 'RU'],
    ['Asia/Vladivostok', 'RU'],
    ['Asia/Kamchatka', 'RU'],
    ['W-SU', 'RU'],
    ['Asia/Tehran', 'IR'],
    ['Iran', 'IR'],
    ['Asia/Shanghai', 'CN'],
    ['Asia/Urumqi', 'CN'],
    ['Asia/Chongqing', 'CN'],
    ['Europe/Istanbul', 'TR'],
    ['Asia/Istanbul', 'TR'],
    ['Asia/Ashgabat', 'TM'],
    ['Asia/Ashkhabad', 'TM'],
    ['Asia/Almaty', 'KZ'],
    ['Asia/Oral', 'KZ'],
    ['Europe/Minsk', 'BY'],
    ['Asia/Tashkent', 'UZ'],
    ['Asia/Samarkand', 'UZ'],
    ['Asia/Calcutta', 'IN'],
    ['Asia/Rangoon', 'MM'],
    ['Europe/Kiev', 'UA'],
    ['Africa/Asmera', 'ER'],
    ['Europe/Berlin', 'DE'],
    ['America/Caracas', 'VE'],
  ])('the time zone %s means %s', (zone, country) => {
    expect(guessCountry(zone, ['en-US'])).toBe(country);
  });

  it('the time zone wins over the language (a Russian speaker in Germany is on a German network)', () => {
    expect(guessCountry('Europe/Berlin', ['ru-RU', 'ru'])).toBe('DE');
  });

  it.each<[string | undefined, string[], string | null]>([
    ['UTC', ['fa-IR', 'en'], 'IR'],
    [undefined, ['tr'], 'TR'],
    ['Etc/GMT-3', ['fa'], 'IR'],
    ['UTC', ['zh-CN'], 'CN'],
    ['UTC', ['zh'], 'CN'],
    ['UTC', ['zh-Hans'], 'CN'],
    ['UTC', ['zh-Hant'], null],
    ['UTC', ['zh-TW'], 'TW'],
    ['UTC', ['tk'], 'TM'],
    ['UTC', ['be'], 'BY'],
    ['UTC', ['ru_RU'], 'RU'],
    ['UTC', ['ru'], null],
    ['UTC', ['ar'], null],
    ['UTC', ['az'], null],
    ['UTC', ['en-US', 'en'], null],
    ['UTC', ['en-US', 'uz'], 'UZ'],
    ['UTC', ['en-GB'], 'GB'],
    ['UTC', ['es-419'], null],
    ['UTC', ['not a tag!!'], null],
    ['UTC', [], null],
    ['Mars/Olympus_Mons', [], null],
  ])('without a telling zone (%s), the languages %j give %s', (zone, languages, country) => {
    expect(guessCountry(zone, languages)).toBe(country);
  });

  it('every zone the runtime knows maps to a real country code, or to none', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const country = countryOfTimeZone(zone);
      if (zone.startsWith('Etc/') || zone === 'UTC') expect(country).toBeUndefined();
      else expect(isCountryCode(country), zone).toBe(true);
    }
  });
});
