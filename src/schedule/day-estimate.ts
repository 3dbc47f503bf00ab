/**
 * What a whole local day at given settings costs on the wire by the extension's own estimate,
 * played round by round with the real planner, speed sampler and data ledger on a healthy network
 * (no confirmation rounds, no sweeps, no Check now). Pure and fast (288 plans at the defaults, a
 * few milliseconds), so the welcome and options pages can say what a day costs before it is spent,
 * and the budget can be checked against it.
 *
 * "By the extension's own estimate" is the figure the data budget counts (`probe/wire-bytes.ts`);
 * the browser lab measures Chromium's real bytes for the same day (`npm run bench`).
 */
import type { Catalogue } from '../catalogue/types';
import { BLOCKPAGE_SNIFF_BYTES } from '../defaults';
import { estimateWireBytes } from '../probe/wire-bytes';
import { servicesInForce } from '../runtime/services-in-force';
import type { Settings } from '../settings/schema';
import { EMPTY_LEDGER, remainingToday, spend } from '../store/data-ledger';
import { localDayStart } from '../store/local-day';
import { DAY_MS, MINUTE_MS } from '../time-units';
import { planRound, type PlannedProbe } from './plan-round';
import { INITIAL_ROTATION, type Rotation } from './rotation';
import { unattendedSpeedSamples } from './speed-samples';

export interface DayEstimate {
  /** Regular rounds in the day. */
  readonly rounds: number;
  /** Estimated bytes of the rounds' reachability probes and controls. */
  readonly roundBytes: number;
  /** Estimated bytes of the unattended speed samples. */
  readonly sampleBytes: number;
  /** Rounds in which the data budget held back a speed sample that was due. */
  readonly samplesHeldBack: number;
  /** Per service id: when each of its speed samples was taken, ms since the epoch. */
  readonly samples: ReadonlyMap<string, readonly number[]>;
}

/** A request of a healthy round as the estimate counts it. */
function estimateOf(probe: PlannedProbe): number {
  if (probe.kind === 'throughput') return estimateWireBytes({ url: probe.url, headers: true, bodyBytes: probe.bytes, requests: 1 });
  // A private-CA host is reached when it refuses the browser's handshake: the handshake, no answer.
  if (probe.kind === 'reach') return estimateWireBytes({ url: probe.url, failure: probe.reachedOn[0], headers: false, bodyBytes: 0, requests: 1 });
  // A GET reads at most the blockpage sniff; a HEAD has no body.
  return estimateWireBytes({ url: probe.url, headers: true, bodyBytes: probe.method === 'GET' ? BLOCKPAGE_SNIFF_BYTES : 0, requests: 1 });
}

export interface DayEstimateInput {
  readonly catalogue: Catalogue;
  readonly settings: Settings;
  /** Any moment of the day to play; the day runs from its local midnight. */
  readonly day: number;
  /** Minutes east of UTC. */
  readonly utcOffsetMin: number;
}

export function estimateDay(input: DayEstimateInput): DayEstimate {
  const { catalogue, settings, utcOffsetMin } = input;
  const midnight = localDayStart(input.day, utcOffsetMin);
  const services = servicesInForce(catalogue, settings, () => midnight);
  let ledger = EMPTY_LEDGER;
  let rotation: Rotation = INITIAL_ROTATION;
  let samplesHeldBack = 0;
  let rounds = 0;
  let roundBytes = 0;
  let sampleBytes = 0;
  const samples = new Map<string, number[]>();
  // The first round a minute into the day (the browser was running at midnight), then one an interval apart.
  for (let now = midnight + MINUTE_MS; now < midnight + DAY_MS; now += settings.intervalMin * MINUTE_MS) {
    let due: string[] = [];
    if (settings.throughputEnabled) {
      const sampling = {
        services,
        throughputAt: rotation.throughputAt,
        throughputControls: catalogue.throughputControls,
        now,
        country: settings.country,
        intervalMin: settings.intervalMin,
      };
      due = unattendedSpeedSamples({ ...sampling, budgetLeftBytes: remainingToday(ledger, settings.dataBudgetBytesPerDay, now, utcOffsetMin) });
      if (due.length < unattendedSpeedSamples({ ...sampling, budgetLeftBytes: Number.POSITIVE_INFINITY }).length) samplesHeldBack += 1;
    }
    const planned = planRound({
      roundStart: now,
      kind: 'regular',
      services,
      controls: catalogue.controls,
      throughputControls: catalogue.throughputControls,
      country: settings.country,
      rotation,
      throughputFor: due,
    });
    rotation = planned.rotation;
    let spent = 0;
    for (const probe of planned.plan.probes) {
      const bytes = estimateOf(probe);
      if (probe.kind === 'throughput') sampleBytes += bytes;
      else roundBytes += bytes;
      spent += bytes;
    }
    ledger = spend(ledger, spent, now, utcOffsetMin);
    for (const id of due) samples.set(id, [...(samples.get(id) ?? []), now]);
    rounds += 1;
  }
  return { rounds, roundBytes, sampleBytes, samplesHeldBack, samples };
}

/** The day's estimated bytes, rounds and samples together. */
export function dayBytes(estimate: DayEstimate): number {
  return estimate.roundBytes + estimate.sampleBytes;
}
