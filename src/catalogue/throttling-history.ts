/**
 * Where a service has been throttled before (not blocked: slowed, or frozen after the first KBs).
 * Those services get their speed sampled more often in those countries (`schedule/speed-samples.ts`):
 * throttling comes back where it has been, and only a throughput sample can see it.
 */
import type { CountryCode, Source } from './types';
import { readSource } from './sources';

export interface ThrottlingRecord {
  readonly serviceId: string;
  readonly country: CountryCode;
  /** What happened, in a few words (for people reading the catalogue). */
  readonly what: string;
  readonly source: Source;
}

export const THROTTLING_HISTORY: readonly ThrottlingRecord[] = [
  {
    serviceId: 'youtube',
    country: 'RU',
    what: 'YouTube slowed by SNI from July 2024, to about 128 kbit/s from August 2024',
    source: readSource('github.com/net4people/bbs/issues/382 (SNI-triggered YouTube throttling); meduza.io/en/feature/2024/07/12 and 2024/08/06'),
  },
  {
    serviceId: 'x',
    country: 'RU',
    what: 'Twitter throttled from March 2021 (the first nationwide throttling of a platform in Russia)',
    source: readSource('Xue et al., "Throttling Twitter: an emerging censorship technique in Russia", IMC 2021, doi:10.1145/3487552.3487858; censoredplanet.org/throttling'),
  },
  {
    serviceId: 'telegram',
    country: 'RU',
    what: 'Telegram throttled, then "phased restrictions" in February 2026; media downloads slowed',
    source: readSource('tass.com/economy/2084741; themoscowtimes.com/2026/02/10 (Telegram restrictions)'),
  },
  {
    serviceId: 'x',
    country: 'TR',
    what: 'X throttled during protests (March 2025) and earlier crises',
    source: readSource('ooni.org/post/2025-turkiye-throttling-social-media'),
  },
  {
    serviceId: 'youtube',
    country: 'TR',
    what: 'YouTube throttled during protests (March 2025)',
    source: readSource('ooni.org/post/2025-turkiye-throttling-social-media'),
  },
  {
    serviceId: 'instagram',
    country: 'TR',
    what: 'Instagram throttled during protests (March 2025)',
    source: readSource('ooni.org/post/2025-turkiye-throttling-social-media'),
  },
];

/** Whether `serviceId` has been throttled in `country` before. */
export function hasThrottlingHistory(serviceId: string, country: CountryCode | null, history: readonly ThrottlingRecord[] = THROTTLING_HISTORY): boolean {
  return country !== null && history.some((record) => record.serviceId === serviceId && record.country === country);
}
