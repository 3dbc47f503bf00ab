/**
 * A whole local day at the default settings, played by `estimateDay` with the real planner, speed
 * sampler, ledger and wire estimate: every service gets its unattended speed samples on time all
 * day long, and the default data budget never holds one back. With the old 15 MB budget the
 * regular rounds alone spent it in the evening, and from then on no service was sampled until
 * midnight: a throttle that began after dinner went unseen until the next day.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { DATA_BUDGET_BYTES_PER_DAY, SPEED_SAMPLE_BYTES_PER_ROUND } from '../../src/defaults';
import { dayBytes, estimateDay } from '../../src/schedule/day-estimate';
import { speedSampleMaxAgeMs } from '../../src/schedule/speed-samples';
import { servicesInForce } from '../../src/runtime/services-in-force';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { DAY_MS, MINUTE_MS } from '../../src/time-units';

/** Moscow: the country with the most throttling history in the catalogue, so the most samples. */
const UTC_OFFSET_MIN = 180;
/** 2026-02-12 00:00 in Moscow. */
const MIDNIGHT = Date.UTC(2026, 1, 11, 21, 0);
const RUSSIA: Settings = { ...DEFAULT_SETTINGS, country: 'RU' };

const play = (settings: Settings) => estimateDay({ catalogue: CATALOGUE, settings, day: MIDNIGHT + 12 * 60 * MINUTE_MS, utcOffsetMin: UTC_OFFSET_MIN });

describe('a day at the defaults', () => {
  const day = play(RUSSIA);

  it('never has a due speed sample held back by the default budget, and leaves room for Check now', () => {
    expect(day.rounds).toBe(288);
    expect(day.samplesHeldBack).toBe(0);
    // Room for at least five clicks of Check now (each up to SPEED_SAMPLE_BYTES_PER_ROUND of samples) on top.
    expect(DATA_BUDGET_BYTES_PER_DAY - dayBytes(day)).toBeGreaterThan(5 * SPEED_SAMPLE_BYTES_PER_ROUND);
  });

  it('samples YouTube, X and Telegram at least every 2 h and every other service at least every 6 h, from midnight to midnight', () => {
    const withObject = servicesInForce(CATALOGUE, RUSSIA, () => MIDNIGHT).filter((service) => service.throughput);
    expect(withObject.length).toBeGreaterThan(5);
    for (const service of withObject) {
      const times = day.samples.get(service.id) ?? [];
      const maxAgeMin = speedSampleMaxAgeMs(service.id, 'RU') / MINUTE_MS;
      const gapsMin = [times[0]! - MIDNIGHT, ...times.slice(1).map((at, index) => at - times[index]!), MIDNIGHT + DAY_MS - times[times.length - 1]!].map(
        (ms) => ms / MINUTE_MS,
      );
      expect({ service: service.id, longestGapMin: Math.max(...gapsMin) }).toEqual({ service: service.id, longestGapMin: expect.toSatisfy((gap: number) => gap <= maxAgeMin) });
    }
  });

  it('counts samples apart from the rounds, and none when speed tests are off', () => {
    expect(day.sampleBytes).toBeGreaterThan(0);
    const off = play({ ...RUSSIA, throughputEnabled: false });
    expect(off.sampleBytes).toBe(0);
    expect(off.samples.size).toBe(0);
    expect(off.roundBytes).toBe(day.roundBytes);
  });

  it('a budget below what the rounds themselves cost holds samples back, late in the day', () => {
    const tight = play({ ...RUSSIA, dataBudgetBytesPerDay: 15_000_000 });
    expect(tight.samplesHeldBack).toBeGreaterThan(0);
    const youtube = tight.samples.get('youtube') ?? [];
    // The last sample comes hours before midnight: the evening goes unsampled.
    expect(MIDNIGHT + DAY_MS - youtube[youtube.length - 1]!).toBeGreaterThan(speedSampleMaxAgeMs('youtube', 'RU'));
  });

  it('a shorter interval costs more a day', () => {
    expect(dayBytes(play({ ...RUSSIA, intervalMin: 2 }))).toBeGreaterThan(2 * day.roundBytes);
  });
});
