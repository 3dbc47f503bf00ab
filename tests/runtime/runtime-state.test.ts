import { describe, expect, it } from 'vitest';
import { DIRECT_PATH } from '../../src/classify/classify-path';
import type { RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import { confirmRound } from '../../src/confirm/confirm-round';
import type { Track } from '../../src/confirm/types';
import { INITIAL_RUNTIME_STATE, parseRuntimeState } from '../../src/runtime/runtime-state';

const online = { state: 'online', intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 } as const;
const verdictOf = (roundStart: number, service: Partial<ServiceVerdict>): RoundVerdict => ({
  roundStart,
  at: roundStart,
  network: online,
  path: DIRECT_PATH,
  services: [{ serviceId: 'whatsapp', state: 'reachable', components: [], swept: false, speed: 'unmeasured', ...service }],
});

function confirmAll(tracks: Readonly<Record<string, Track>>, rounds: readonly [number, Partial<ServiceVerdict>][]) {
  let result = { tracks, changes: [] as ReturnType<typeof confirmRound>['changes'] };
  for (const [roundStart, service] of rounds) result = { ...confirmRound(result.tracks, verdictOf(roundStart, service)) };
  return result;
}

/** The tracks as a version saved them before the marks' `roundId` was renamed `roundStart`. */
function savedBeforeRename(tracks: Readonly<Record<string, Track>>): unknown {
  const judgement = (axis: Track['reach']) => ({ ...axis, recent: axis.recent.map(({ roundStart, ...rest }) => ({ roundId: roundStart, ...rest })) });
  return Object.fromEntries(Object.entries(tracks).map(([subject, track]) => [subject, { ...track, reach: judgement(track.reach), speed: judgement(track.speed) }]));
}

describe('runtime state saved before an update', () => {
  const before = confirmAll({}, [
    [0, { state: 'reachable' }],
    [300_000, { state: 'blocked', how: 'dns' }],
    [340_000, { state: 'blocked', how: 'dns' }],
  ]).tracks;

  it('reads the same tracks back', () => {
    const stored = { ...INITIAL_RUNTIME_STATE, tracks: savedBeforeRename(before) };
    expect(parseRuntimeState(stored).tracks).toEqual(before);
  });

  it('a block half confirmed before the update is confirmed after it, dated from its first bad round', () => {
    const tracks = parseRuntimeState({ ...INITIAL_RUNTIME_STATE, tracks: savedBeforeRename(before) }).tracks;
    const { changes } = confirmAll(tracks, [[380_000, { state: 'blocked', how: 'dns' }]]);
    expect(changes).toEqual([expect.objectContaining({ subject: 'whatsapp', kind: 'started', to: { state: 'blocked', how: 'dns', since: 300_000 } })]);
  });

  it('reads state saved after the update unchanged', () => {
    const stored = { ...INITIAL_RUNTIME_STATE, tracks: before };
    expect(parseRuntimeState(stored).tracks).toEqual(before);
  });
});
