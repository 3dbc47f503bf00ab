import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/confirm/types';
import { decideNotifications, type NotificationPreferences } from '../../src/notify/decide';

const ON: NotificationPreferences = { enabled: true, muted: [], alsoPartialAndSlow: false };
const change = (subject: string, from: Change['from'], to: Change['to'], kind: Change['kind'] = 'started'): Change => ({ subject, kind, from, to, at: to.since });

const blockStarts = change('whatsapp', { state: 'reachable', since: 0 }, { state: 'blocked', how: 'dns', since: 1000 });
const blockEnds = change('whatsapp', { state: 'blocked', how: 'dns', since: 1000 }, { state: 'reachable', since: 9000 }, 'ended');

describe('which changes notify', () => {
  it('a confirmed block start and end notify, dated by the incident', () => {
    expect(decideNotifications([blockStarts, blockEnds], ON)).toEqual([
      { id: 'whatsapp|blocked|1000', kind: 'blocked', subject: 'whatsapp', state: 'blocked', how: 'dns', incidentStart: 1000 },
      { id: 'whatsapp|unblocked|1000', kind: 'unblocked', subject: 'whatsapp', state: 'reachable', how: 'dns', incidentStart: 1000, incidentEnd: 9000 },
    ]);
  });

  it('entering and leaving restricted notify once each', () => {
    const enter = change('@network', { state: 'reachable', since: 0 }, { state: 'restricted', since: 50 });
    const leave = change('@network', { state: 'restricted', since: 50 }, { state: 'reachable', since: 90 }, 'ended');
    expect(decideNotifications([enter, leave], ON).map((n) => n.kind)).toEqual(['restricted', 'unrestricted']);
  });

  it('partial and slow notify only when asked', () => {
    const slow = change('youtube', { state: 'reachable', since: 0 }, { state: 'slow', since: 10 });
    const partial = change('telegram', { state: 'reachable', since: 0 }, { state: 'partial', how: 'connect', since: 10 });
    expect(decideNotifications([slow, partial], ON)).toEqual([]);
    expect(decideNotifications([slow, partial], { ...ON, alsoPartialAndSlow: true }).map((n) => n.kind)).toEqual(['degraded', 'degraded']);
  });

  it('a block that eases to partial tells the user it is partly back', () => {
    const eased = change('whatsapp', { state: 'blocked', how: 'dns', since: 1000 }, { state: 'partial', how: 'dns', since: 5000 }, 'changed');
    expect(decideNotifications([eased], ON)).toMatchObject([{ kind: 'eased', state: 'partial', incidentStart: 1000, incidentEnd: 5000 }]);
  });

  it('a change of how within a block does not notify again', () => {
    const kind = change('whatsapp', { state: 'blocked', how: 'dns', since: 1000 }, { state: 'blocked', how: 'reset', since: 5000 }, 'changed');
    expect(decideNotifications([kind], ON)).toEqual([]);
  });

  it('the global switch and per-service mutes silence them', () => {
    expect(decideNotifications([blockStarts], { ...ON, enabled: false })).toEqual([]);
    expect(decideNotifications([blockStarts], { ...ON, muted: ['whatsapp'] })).toEqual([]);
  });
});
