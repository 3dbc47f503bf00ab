import { describe, expect, it } from 'vitest';
import type { ServiceVerdict } from '../../src/classify/verdict';
import { confirm, confirmedOf, marksOf, newTrack } from '../../src/confirm/confirm';
import type { Change, Track } from '../../src/confirm/types';
import type { How } from '../../src/states';

/** Round shorthand: R reachable, B blocked (dns unless given), P partial, S slow (throughput), T stall, U reachable without a throughput probe. */
type Step = 'R' | 'U' | `B:${How}` | `P:${How}` | 'B' | 'P' | 'S' | 'T';

function verdictOf(step: Step): ServiceVerdict {
  const [code, how] = step.split(':') as [string, How | undefined];
  const base = { serviceId: 'whatsapp', components: [], swept: true };
  switch (code) {
    case 'R':
      return { ...base, state: 'reachable', speed: 'ok' };
    case 'U':
      return { ...base, state: 'reachable', speed: 'unmeasured' };
    case 'B':
      return { ...base, state: 'blocked', how: how ?? 'dns', speed: 'unmeasured' };
    case 'P':
      return { ...base, state: 'partial', how: how ?? 'dns', speed: 'unmeasured' };
    case 'S':
      return { ...base, state: 'slow', speed: 'slow' };
    case 'T':
      return { ...base, state: 'slow', how: 'stall', speed: 'stall' };
    default:
      throw new Error(`bad step ${step}`);
  }
}

function run(steps: readonly Step[], start: Track = newTrack('whatsapp')): { track: Track; changes: Change[]; states: string[] } {
  let track = start;
  const changes: Change[] = [];
  const states: string[] = [];
  steps.forEach((step, i) => {
    const roundStart = (i + 1) * 1000;
    const result = confirm(track, roundStart, marksOf(verdictOf(step), roundStart));
    track = result.track;
    if (result.change) changes.push(result.change);
    const confirmed = confirmedOf(track);
    states.push(confirmed.how ? `${confirmed.state}:${confirmed.how}` : confirmed.state);
  });
  return { track, changes, states };
}

const kinds = (changes: readonly Change[]): string[] => changes.map((change) => `${change.kind}@${change.at / 1000}`);

describe('confirmation of a block', () => {
  it.each<[string, Step[], string[]]>([
    ['three bad rounds in a row confirm on the third', ['R', 'B', 'B', 'B'], ['started@4']],
    ['three of four with one clean between confirm', ['R', 'B', 'R', 'B', 'B'], ['started@5']],
    ['two bad rounds never alarm', ['R', 'B', 'B', 'R', 'R', 'R'], []],
    ['one round in three failing never alarms (flapping)', ['R', 'B', 'R', 'R', 'B', 'R', 'R', 'B', 'R', 'R', 'B', 'R'], []],
    ['alternating never reaches three of four', ['R', 'B', 'R', 'B', 'R', 'B', 'R', 'B'], []],
    ['a block that starts and ends gives exactly one start and one end', ['R', 'B', 'B', 'B', 'B', 'R', 'R', 'R', 'R'], ['started@4', 'ended@8']],
    ['recovery needs three clean rounds in a row', ['B', 'B', 'B', 'R', 'R', 'B', 'R', 'R', 'R'], ['started@3', 'ended@9']],
    ['a blockpage confirms at once', ['R', 'B:blockpage'], ['started@2']],
    ['a change of kind needs three of four of the new kind', ['B:dns', 'B:dns', 'B:dns', 'B:reset', 'B:reset', 'B:reset'], ['started@3', 'changed@6']],
    ['blocked becoming partial is a change', ['B', 'B', 'B', 'P', 'P', 'P'], ['started@3', 'changed@6']],
    ['mixed bad kinds still confirm: the most frequent wins', ['R', 'B:dns', 'B:reset', 'B:dns'], ['started@4']],
    ['bad rounds from the very first round confirm too', ['B', 'B', 'B'], ['started@3']],
  ])('%s', (_name, steps, expected) => {
    expect(kinds(run(steps).changes)).toEqual(expected);
  });

  it('starts as unknown, becomes reachable on the first clean round without a change', () => {
    const first = run([]);
    expect(confirmedOf(first.track).state).toBe('unknown');
    const { states, changes } = run(['R']);
    expect(states).toEqual(['reachable']);
    expect(changes).toEqual([]);
  });

  it('stays unknown while bad rounds are not yet confirmed', () => {
    expect(run(['B', 'B']).states).toEqual(['unknown', 'unknown']);
  });

  it('dates a confirmed block from the first bad round of the run, and its end from the first clean one', () => {
    const { changes } = run(['R', 'B', 'B', 'B', 'R', 'R', 'R']);
    expect(changes[0]).toMatchObject({ kind: 'started', to: { state: 'blocked', how: 'dns', since: 2000 } });
    expect(changes[1]).toMatchObject({ kind: 'ended', from: { since: 2000 }, to: { state: 'reachable', since: 5000 } });
  });
});

describe('confirmation of throttling', () => {
  it('rounds without a throughput probe neither confirm nor clear slow', () => {
    const { changes, states } = run(['R', 'S', 'U', 'S', 'U', 'S', 'U', 'U', 'U']);
    expect(kinds(changes)).toEqual(['started@6']);
    expect(states.at(-1)).toBe('slow');
  });

  it('slow clears after three measured clean rounds', () => {
    expect(kinds(run(['S', 'S', 'S', 'R', 'U', 'R', 'R']).changes)).toEqual(['started@3', 'ended@7']);
  });

  it('a stall is slow with how stall', () => {
    expect(run(['T', 'T', 'T']).states.at(-1)).toBe('slow:stall');
  });

  it('a block wins over slow, and slow shows again when the block ends', () => {
    const { states, changes } = run(['S', 'S', 'S', 'B', 'B', 'B', 'U', 'U', 'U']);
    expect(states).toEqual(['reachable', 'reachable', 'slow', 'slow', 'slow', 'blocked:dns', 'blocked:dns', 'blocked:dns', 'slow']);
    expect(kinds(changes)).toEqual(['started@3', 'changed@6', 'changed@9']);
  });
});
