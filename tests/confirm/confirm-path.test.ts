/**
 * Paths (README, "How a state is decided": Paths): a round through a VPN or proxy app measured the VPN's path, not the
 * provider's. During a confirmed block, switching a proxy on must not end the block nor report it
 * ended; switching it off must not start a new one.
 */
import { describe, expect, it } from 'vitest';
import type { RoundPath } from '../../src/classify/classify-path';
import { DIRECT_PATH } from '../../src/classify/classify-path';
import type { RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import { confirmedOf } from '../../src/confirm/confirm';
import { confirmRound } from '../../src/confirm/confirm-round';
import type { Change, Track } from '../../src/confirm/types';

const PROXY: RoundPath = { path: 'proxy', signs: ['fake-ip'] };
const online = { state: 'online', intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 } as const;
const blocked: ServiceVerdict = { serviceId: 'whatsapp', state: 'blocked', how: 'dns', components: [], swept: true, speed: 'unmeasured' };
const reachable: ServiceVerdict = { serviceId: 'whatsapp', state: 'reachable', components: [], swept: true, speed: 'unmeasured' };

type Step = [ServiceVerdict, RoundPath];

function feed(steps: readonly Step[]): { tracks: Record<string, Track>; changes: Change[] } {
  let tracks: Record<string, Track> = {};
  const changes: Change[] = [];
  steps.forEach(([service, path], i) => {
    const verdict: RoundVerdict = { roundStart: (i + 1) * 1000, at: (i + 1) * 1000, network: online, path, services: [service] };
    const result = confirmRound(tracks, verdict);
    tracks = { ...result.tracks };
    changes.push(...result.changes);
  });
  return { tracks, changes };
}

const direct = (service: ServiceVerdict): Step => [service, DIRECT_PATH];
const proxied = (service: ServiceVerdict): Step => [service, PROXY];

describe('confirmation keeps to one path', () => {
  it('a block confirmed on the direct path stays confirmed while only proxied rounds arrive, with no change reported', () => {
    const block = feed([direct(blocked), direct(blocked), direct(blocked)]);
    expect(block.changes.map((change) => change.kind)).toEqual(['started']);
    const through = feed([direct(blocked), direct(blocked), direct(blocked), ...Array.from({ length: 6 }, () => proxied(reachable))]);
    expect(through.changes.map((change) => change.kind)).toEqual(['started']);
    expect(confirmedOf(through.tracks['whatsapp']!)).toMatchObject({ state: 'blocked', how: 'dns' });
  });

  it('switching the proxy off on an unchanged block starts nothing new', () => {
    const steps: Step[] = [direct(blocked), direct(blocked), direct(blocked), proxied(reachable), proxied(reachable), proxied(reachable), direct(blocked), direct(blocked)];
    const { tracks, changes } = feed(steps);
    expect(changes.map((change) => change.kind)).toEqual(['started']);
    expect(confirmedOf(tracks['whatsapp']!).since).toBe(1000);
  });

  it('the block still ends on clean direct rounds after the proxy is switched off', () => {
    const steps: Step[] = [direct(blocked), direct(blocked), direct(blocked), proxied(reachable), direct(reachable), direct(reachable), direct(reachable)];
    const { changes } = feed(steps);
    expect(changes.map((change) => change.kind)).toEqual(['started', 'ended']);
    expect(changes[1]?.to.since).toBe(5000);
  });

  it('proxied rounds never confirm a block of their own, nor mix into the direct window', () => {
    const { tracks, changes } = feed([proxied(blocked), proxied(blocked), proxied(blocked), direct(blocked), direct(reachable)]);
    expect(changes).toEqual([]);
    expect(tracks['whatsapp']!.reach.recent.map((mark) => mark.roundStart)).toEqual([4000, 5000]);
  });
});
