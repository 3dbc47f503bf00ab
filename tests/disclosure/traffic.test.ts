/**
 * What the welcome page and the options say is contacted is what rounds can contact: the same
 * control sets as the round planner, for the country in force.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { describeTraffic } from '../../src/disclosure/traffic';
import { controlsInForce } from '../../src/schedule/plan-round';
import { defaultSettings } from '../../src/settings/schema';

const hostOf = (url: string): string => new URL(url).host;
const now = (): number => Date.UTC(2026, 11, 7);

describe('the traffic disclosure', () => {
  it('lists the exit-country control only when a country is set, as rounds probe it', () => {
    const trace = CATALOGUE.controls.find((control) => control.tellsCountry);
    expect(trace).toBeDefined();
    const withCountry = describeTraffic(CATALOGUE, defaultSettings('RU'), now);
    const without = describeTraffic(CATALOGUE, defaultSettings(null), now);
    expect(withCountry.intlControls).toContain(hostOf(trace!.url));
    expect(without.intlControls).not.toContain(hostOf(trace!.url));
  });

  it('lists every control a round can draw on for the country, and the domestic ones of that country only', () => {
    const settings = defaultSettings('RU');
    const traffic = describeTraffic(CATALOGUE, settings, now);
    const { intl, countryControls, domestic } = controlsInForce(CATALOGUE.controls, 'RU');
    for (const control of [...intl, ...countryControls]) expect(traffic.intlControls).toContain(hostOf(control.url));
    for (const control of domestic) expect(traffic.domesticControls).toContain(hostOf(control.url));
    const otherCountries = CATALOGUE.controls.filter((control) => control.region !== 'intl' && control.region !== 'RU').map((control) => hostOf(control.url));
    for (const host of otherCountries) expect(traffic.domesticControls).not.toContain(host);
  });

  it('says what a day costs in all, which grows with a shorter interval and shrinks without speed tests', () => {
    const settings = defaultSettings('RU');
    const day = describeTraffic(CATALOGUE, settings, now).bytesPerDay;
    expect(day).toBeGreaterThan(10_000_000);
    expect(day).toBeLessThan(settings.dataBudgetBytesPerDay);
    expect(describeTraffic(CATALOGUE, { ...settings, intervalMin: 2 }, now).bytesPerDay).toBeGreaterThan(2 * day);
    expect(describeTraffic(CATALOGUE, { ...settings, throughputEnabled: false }, now).bytesPerDay).toBeLessThan(day);
  });
});
