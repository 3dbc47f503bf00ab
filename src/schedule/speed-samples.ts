/**
 * Which services get a speed sample (a throughput probe) in a round. Pure.
 *
 * - "Check now" (`manual` rounds): every service with a throughput object, least recently
 *   measured first, as many as fit in SPEED_SAMPLE_BYTES_PER_ROUND — so one click can show a
 *   throttled or stalled service as slow.
 * - Unattended (`regular` rounds): each service whose last sample would be older than its
 *   maximum age by the next round (SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN where it has been throttled
 *   in the user's country before, SPEED_SAMPLE_MAX_AGE_MIN elsewhere), most overdue first, within
 *   the same per-round bound.
 * Both leave room for the throughput controls a round fetches when a sample looks slow, and take
 * nothing the day's remaining data budget cannot pay for.
 */
import type { CountryCode, Service, ThroughputControl } from '../catalogue/types';
import { hasThrottlingHistory, THROTTLING_HISTORY, type ThrottlingRecord } from '../catalogue/throttling-history';
import {
  ROUND_JITTER_MAX_MS,
  SPEED_SAMPLE_BYTES_PER_ROUND,
  SPEED_SAMPLE_MAX_AGE_MIN,
  SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN,
} from '../defaults';
import { THROUGHPUT_REQUEST_OVERHEAD_BYTES } from '../probe/wire-bytes';
import { THROUGHPUT_CONTROL_ATTEMPTS } from '../round/run-round';

const MINUTE_MS = 60_000;

export interface SpeedSampleInput {
  readonly services: readonly Service[];
  /** Per service id: when its throughput was last measured (ms since the epoch). */
  readonly throughputAt: Readonly<Record<string, number>>;
  readonly throughputControls: readonly ThroughputControl[];
  /** What is left of today's data budget, bytes. */
  readonly budgetLeftBytes: number;
}

/** Wire bytes of one throughput request for an object of `bytes`. */
const costOf = (bytes: number): number => bytes + THROUGHPUT_REQUEST_OVERHEAD_BYTES;

/** Bytes kept back in every sampling round for the throughput controls fetched when a sample looks slow. */
function controlReserve(controls: readonly ThroughputControl[]): number {
  const largest = Math.max(0, ...controls.map((control) => control.bytes));
  return controls.length === 0 ? 0 : THROUGHPUT_CONTROL_ATTEMPTS * costOf(largest);
}

/** Takes candidates in order while they fit in the round's bound and the day's budget. */
function within(candidates: readonly Service[], input: SpeedSampleInput): string[] {
  const reserve = controlReserve(input.throughputControls);
  const room = Math.min(SPEED_SAMPLE_BYTES_PER_ROUND, input.budgetLeftBytes) - reserve;
  const chosen: string[] = [];
  let spent = 0;
  for (const service of candidates) {
    if (!service.throughput) continue;
    const cost = costOf(service.throughput.bytes);
    if (spent + cost > room) continue;
    spent += cost;
    chosen.push(service.id);
  }
  return chosen;
}

const lastAt = (input: SpeedSampleInput, id: string): number => input.throughputAt[id] ?? -Infinity;

/** "Check now": every service with an object, least recently measured first, within the bound. */
export function checkNowSpeedSamples(input: SpeedSampleInput): string[] {
  const candidates = input.services.filter((service) => service.throughput !== undefined);
  const ordered = [...candidates].sort((a, b) => lastAt(input, a.id) - lastAt(input, b.id));
  return within(ordered, input);
}

/** The longest `service` may go without a speed sample in `country`, ms. */
export function speedSampleMaxAgeMs(serviceId: string, country: CountryCode | null, history: readonly ThrottlingRecord[] = THROTTLING_HISTORY): number {
  return (hasThrottlingHistory(serviceId, country, history) ? SPEED_SAMPLE_MAX_AGE_THROTTLED_MIN : SPEED_SAMPLE_MAX_AGE_MIN) * MINUTE_MS;
}

export interface UnattendedInput extends SpeedSampleInput {
  readonly now: number;
  readonly country: CountryCode | null;
  /** The round interval, minutes: a sample is taken in the last round before it would be overdue. */
  readonly intervalMin: number;
}

/** Unattended: the services that would be overdue by the next round, most overdue first. */
export function unattendedSpeedSamples(input: UnattendedInput): string[] {
  // The next round may come up to an interval plus half the jitter later.
  const horizon = input.now + input.intervalMin * MINUTE_MS + ROUND_JITTER_MAX_MS / 2;
  const overdueBy = (service: Service): number => horizon - (lastAt(input, service.id) + speedSampleMaxAgeMs(service.id, input.country));
  const due = input.services.filter((service) => service.throughput !== undefined && overdueBy(service) >= 0);
  const ordered = [...due].sort((a, b) => overdueBy(b) - overdueBy(a));
  return within(ordered, input);
}
