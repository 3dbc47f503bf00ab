import { describe, expect, it } from 'vitest';
import { planIncidents } from '../../src/store/plan-incidents';
import type { IncidentRecord } from '../../src/store/schema';
import { change, HOUR, T0 } from './fixtures';

const open = (subject: string, start: number, how: IncidentRecord['how'] = 'dns'): IncidentRecord => ({ subject, start, state: 'blocked', how, open: 1 });

describe('planIncidents', () => {
  it('a started change opens an incident at the start of the run that confirmed it', () => {
    expect(planIncidents([], [change('whatsapp', 'started', T0 + HOUR, { state: 'blocked', how: 'dns', since: T0 })])).toEqual([open('whatsapp', T0)]);
  });

  it('a start seen again while open re-judges the open incident in place', () => {
    expect(planIncidents([open('telegram', T0)], [change('telegram', 'changed', T0 + HOUR, { state: 'blocked', how: 'reset', since: T0 })])).toEqual([open('telegram', T0, 'reset')]);
  });

  it('a restricted network is an incident of @network', () => {
    expect(planIncidents([], [change('@network', 'started', T0, { state: 'restricted' })])).toEqual([{ subject: '@network', start: T0, state: 'restricted', open: 1 }]);
  });

  it('an end never comes before the start', () => {
    expect(planIncidents([open('signal', T0)], [change('signal', 'ended', T0, { state: 'reachable', since: T0 - HOUR })])).toEqual([
      { subject: 'signal', start: T0, state: 'blocked', how: 'dns', end: T0 },
    ]);
  });

  it('two incidents left open for one subject: the earlier ends where the later began', () => {
    expect(planIncidents([open('x', T0 + HOUR), open('x', T0)], [])).toEqual([{ subject: 'x', start: T0, state: 'blocked', how: 'dns', end: T0 + HOUR }]);
  });
});
