import { describe, expect, it } from 'vitest';
import { DIRECT_PATH } from '../../src/classify/classify-path';
import type { Service } from '../../src/catalogue/types';
import { confirmRound } from '../../src/confirm/confirm-round';
import type { RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import {
  afterRound,
  INITIAL_SCHEDULE,
  nextRegularAt,
  suspicionAfter,
} from '../../src/schedule/schedule-state';
import type { Track } from '../../src/confirm/types';

const online = { state: 'online', intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 } as const;
const verdictOf = (roundStart: number, service: Partial<ServiceVerdict>, network: RoundVerdict['network'] = online): RoundVerdict => ({
  roundStart,
  at: roundStart,
  network,
  path: DIRECT_PATH,
  services: [{ serviceId: 'whatsapp', state: 'reachable', components: [], swept: false, speed: 'unmeasured', ...service }],
});

describe('confirmation rounds', () => {
  it('a bad round owes two confirmation rounds 40 s apart, then stops once confirmed', () => {
    let tracks: Record<string, Track> = {};
    let state = INITIAL_SCHEDULE;
    const step = (roundStart: number, kind: 'regular' | 'confirm', service: Partial<ServiceVerdict>) => {
      tracks = { ...confirmRound(tracks, verdictOf(roundStart, service)).tracks };
      state = afterRound(state, kind, suspicionAfter(tracks, roundStart), state.rotation, roundStart);
      return state.pending;
    };
    expect(step(0, 'regular', { state: 'reachable' })).toBeNull();
    expect(step(300_000, 'regular', { state: 'blocked', how: 'dns' })).toMatchObject({ remaining: 2, focus: ['whatsapp'], dueAt: 340_000 });
    expect(step(340_000, 'confirm', { state: 'blocked', how: 'dns' })).toMatchObject({ remaining: 1, dueAt: 380_000 });
    // The third bad round confirms the block: nothing left unsettled.
    expect(step(380_000, 'confirm', { state: 'blocked', how: 'dns' })).toBeNull();
  });

  it('a flaky round whose confirmations come back clean owes nothing more', () => {
    let tracks: Record<string, Track> = {};
    let state = INITIAL_SCHEDULE;
    const run = (roundStart: number, kind: 'regular' | 'confirm', service: Partial<ServiceVerdict>) => {
      tracks = { ...confirmRound(tracks, verdictOf(roundStart, service)).tracks };
      state = afterRound(state, kind, suspicionAfter(tracks, roundStart), state.rotation, roundStart);
    };
    run(0, 'regular', { state: 'reachable' });
    run(1, 'regular', { state: 'blocked', how: 'reset' });
    run(2, 'confirm', { state: 'reachable' });
    expect(state.pending).toBeNull();
  });

  it('a restricted network round is unsettled too', () => {
    const restricted = { state: 'restricted', intlUp: 0, intlDown: 2, domesticUp: 1, domesticDown: 0 } as const;
    const { tracks } = confirmRound({}, verdictOf(5, {}, restricted));
    expect(suspicionAfter(tracks, 5)).toMatchObject({ network: true, services: [] });
  });

  it('offline rounds leave nothing unsettled', () => {
    const offline = { state: 'offline', intlUp: 0, intlDown: 2, domesticUp: 0, domesticDown: 1 } as const;
    const { tracks } = confirmRound({}, verdictOf(5, { state: 'offline' }, offline));
    expect(suspicionAfter(tracks, 5)).toEqual({ network: false, services: [], speed: [] });
  });
});

describe('timing', () => {
  it('runs the first round at once, later ones an interval plus jitter after the last', () => {
    expect(nextRegularAt(INITIAL_SCHEDULE, 10, 5, 0.5)).toBe(10);
    const ran = { ...INITIAL_SCHEDULE, lastRoundAt: 1_000_000 };
    expect(nextRegularAt(ran, 1_000_001, 5, 0)).toBe(1_285_000);
    expect(nextRegularAt(ran, 1_000_001, 5, 0.5)).toBe(1_300_000);
    expect(nextRegularAt(ran, 1_000_001, 5, 0.999)).toBe(1_314_970);
    // A round overdue after a sleep runs at once.
    expect(nextRegularAt(ran, 9_000_000, 5, 0.5)).toBe(9_000_000);
  });

  it('never runs a regular round before a confirmation round still owed', () => {
    // Interval 1 min, early jitter: the regular round would come 45 s after the last, but a
    // confirmation is owed at 1_070_000; the regular round waits for it.
    const owing = { ...INITIAL_SCHEDULE, lastRoundAt: 1_000_000, pending: { remaining: 2, focus: ['whatsapp'], throughputFocus: [], dueAt: 1_070_000 } };
    expect(nextRegularAt(owing, 1_000_001, 1, 0)).toBe(1_070_000);
    expect(nextRegularAt({ ...owing, pending: null }, 1_000_001, 1, 0)).toBe(1_045_000);
  });
});
