import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { SPEED_SAMPLE_BYTES_PER_ROUND } from '../../src/defaults';
import { THROUGHPUT_REQUEST_OVERHEAD_BYTES } from '../../src/probe/wire-bytes';
import { THROUGHPUT_CONTROL_ATTEMPTS } from '../../src/round/run-round';
import { checkNowSpeedSamples, speedSampleMaxAgeMs, unattendedSpeedSamples } from '../../src/schedule/speed-samples';

const HOUR = 3_600_000;
const SERVICES = CATALOGUE.services;
const base = { services: SERVICES, throughputControls: CATALOGUE.throughputControls, budgetLeftBytes: 15_000_000 };
const wire = (ids: readonly string[]): number =>
  ids.reduce((sum, id) => sum + (SERVICES.find((service) => service.id === id)?.throughput?.bytes ?? 0) + THROUGHPUT_REQUEST_OVERHEAD_BYTES, 0) +
  THROUGHPUT_CONTROL_ATTEMPTS * (65_536 + THROUGHPUT_REQUEST_OVERHEAD_BYTES);

describe('Check now', () => {
  it('samples every catalogue service, within 1 MB with the controls', () => {
    const chosen = checkNowSpeedSamples({ ...base, throughputAt: {} });
    expect([...chosen].sort()).toEqual(SERVICES.map((service) => service.id).sort());
    expect(wire(chosen)).toBeLessThanOrEqual(SPEED_SAMPLE_BYTES_PER_ROUND);
  });

  it('takes the least recently measured first when not all fit', () => {
    const many = Array.from({ length: 20 }, (_, index) => ({ ...SERVICES[0]!, id: `s${index}` }));
    const throughputAt = Object.fromEntries(many.map((service, index) => [service.id, 1_000 - index]));
    const chosen = checkNowSpeedSamples({ ...base, services: many, throughputAt });
    expect(chosen.length).toBeLessThan(many.length);
    expect(chosen[0]).toBe('s19');
    expect(wire(chosen)).toBeLessThanOrEqual(SPEED_SAMPLE_BYTES_PER_ROUND);
  });

  it('takes nothing the day\'s budget cannot pay for', () => {
    expect(checkNowSpeedSamples({ ...base, throughputAt: {}, budgetLeftBytes: 100_000 })).toEqual([]);
  });
});

describe('unattended', () => {
  it('YouTube, X and Telegram in Russia at most every 2 h, the others every 6 h', () => {
    expect(speedSampleMaxAgeMs('youtube', 'RU')).toBe(2 * HOUR);
    expect(speedSampleMaxAgeMs('x', 'RU')).toBe(2 * HOUR);
    expect(speedSampleMaxAgeMs('telegram', 'RU')).toBe(2 * HOUR);
    expect(speedSampleMaxAgeMs('whatsapp', 'RU')).toBe(6 * HOUR);
    expect(speedSampleMaxAgeMs('youtube', 'IR')).toBe(6 * HOUR);
    expect(speedSampleMaxAgeMs('youtube', null)).toBe(6 * HOUR);
  });

  it('samples a service in the last round before its sample would be too old', () => {
    const measuredAt = 0;
    const throughputAt = Object.fromEntries(SERVICES.map((service) => [service.id, measuredAt]));
    const at = (now: number) => unattendedSpeedSamples({ ...base, throughputAt, now, country: 'RU', intervalMin: 5 });
    expect(at(1 * HOUR)).toEqual([]);
    // 5 min + 15 s of jitter before the 2 h mark: the throttling-history services come due.
    expect([...at(2 * HOUR - 5.25 * 60_000)].sort()).toEqual(['telegram', 'x', 'youtube']);
    expect(at(2 * HOUR - 5.5 * 60_000)).toEqual([]);
    expect(at(6 * HOUR - 5.25 * 60_000).length).toBe(SERVICES.length);
  });

  it('takes the most overdue first, and none past the day\'s budget', () => {
    const chosen = unattendedSpeedSamples({ ...base, throughputAt: { youtube: 0 }, now: 7 * HOUR, country: 'RU', intervalMin: 5 });
    expect(chosen.length).toBe(SERVICES.length);
    expect(unattendedSpeedSamples({ ...base, throughputAt: {}, now: 7 * HOUR, country: 'RU', intervalMin: 5, budgetLeftBytes: 0 })).toEqual([]);
  });
});
