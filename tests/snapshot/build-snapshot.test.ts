import { describe, expect, it } from 'vitest';
import { DIRECT_PATH } from '../../src/classify/classify-path';
import type { NetworkVerdict, RoundVerdict, ServiceVerdict } from '../../src/classify/verdict';
import { confirmRound } from '../../src/confirm/confirm-round';
import type { Track } from '../../src/confirm/types';
import { buildSnapshot, type LatestVerdict, type SnapshotInput } from '../../src/snapshot/build-snapshot';
import { MESSENGER } from '../classify/fixtures';

const ONLINE: NetworkVerdict = { state: 'online', intlUp: 2, intlDown: 0, domesticUp: 1, domesticDown: 0 };
const OFFLINE: NetworkVerdict = { state: 'offline', intlUp: 0, intlDown: 2, domesticUp: 0, domesticDown: 1 };
const RESTRICTED: NetworkVerdict = { state: 'restricted', intlUp: 0, intlDown: 2, domesticUp: 1, domesticDown: 0 };

const blocked: ServiceVerdict = {
  serviceId: MESSENGER.id,
  state: 'blocked',
  how: 'dns',
  components: [{ componentId: 'web', ok: false, how: 'dns', failure: 'dns_nxdomain' }],
  swept: false,
  speed: 'unmeasured',
};

function feed(rounds: { network: NetworkVerdict; verdict?: ServiceVerdict }[]): Record<string, Track> {
  let tracks: Record<string, Track> = {};
  rounds.forEach((round, i) => {
    const verdict: RoundVerdict = { roundStart: i + 1, at: i + 1, network: round.network, path: DIRECT_PATH, services: round.verdict ? [round.verdict] : [] };
    tracks = { ...confirmRound(tracks, verdict).tracks };
  });
  return tracks;
}

const input = (over: Partial<SnapshotInput>): SnapshotInput => ({
  now: 100,
  services: [MESSENGER],
  tracks: {},
  latestNetwork: null,
  latest: {},
  latestValid: {},
  strips: {},
  activity: { running: false, done: 0, total: 0 },
  country: 'RU',
  dataUsedToday: 0,
  dataBudgetPerDay: 15e6,
  ...over,
});
const latest = (verdict: ServiceVerdict, roundStart = 3): Record<string, LatestVerdict> => ({ [MESSENGER.id]: { roundStart, verdict, valid: true } });

describe('the state a popup row shows', () => {
  it('is unknown before any round', () => {
    const snapshot = buildSnapshot(input({}));
    expect(snapshot.services[0]).toMatchObject({ id: 'messenger-x', state: 'unknown', confirmed: false });
    expect(snapshot.network.state).toBe('unknown');
    expect(snapshot.services[0]!.components.map((component) => component.ok)).toEqual([null, null, null]);
  });

  it('a speed sample that read slow shows slow at once, unconfirmed, then confirmed or cleared by the next samples', () => {
    const fast: ServiceVerdict = { ...blocked, state: 'reachable', how: undefined, components: [], speed: 'ok' };
    delete (fast as { how?: unknown }).how;
    const stalled: ServiceVerdict = { ...fast, state: 'slow', how: 'stall', speed: 'stall' };
    const rowAfter = (verdicts: ServiceVerdict[]) => {
      const tracks = feed(verdicts.map((verdict) => ({ network: ONLINE, verdict })));
      const last = verdicts.at(-1)!;
      return buildSnapshot(input({ tracks, latestNetwork: ONLINE, latest: latest(last, verdicts.length), latestValid: { [MESSENGER.id]: { state: last.state, ...(last.how ? { how: last.how } : {}) } } })).services[0];
    };
    expect(rowAfter([fast, stalled])).toMatchObject({ state: 'slow', how: 'stall', confirmed: false });
    expect(rowAfter([fast, stalled, stalled, stalled])).toMatchObject({ state: 'slow', how: 'stall', confirmed: true });
    expect(rowAfter([fast, stalled, fast])).toMatchObject({ state: 'reachable', confirmed: true });
    // Not a notification, not a count on the badge.
    expect(buildSnapshot(input({ tracks: feed([{ network: ONLINE, verdict: fast }, { network: ONLINE, verdict: stalled }]) })).blockedCount).toBe(0);
  });

  it('is the latest valid round, marked unconfirmed, before anything is confirmed', () => {
    const tracks = feed([{ network: ONLINE, verdict: blocked }]);
    const snapshot = buildSnapshot(input({ tracks, latestNetwork: ONLINE, latest: latest(blocked, 1), latestValid: { [MESSENGER.id]: { state: 'blocked', how: 'dns' } } }));
    expect(snapshot.services[0]).toMatchObject({ state: 'blocked', confirmed: false, how: 'dns', lastCheckedAt: 1 });
    expect(snapshot.blockedCount).toBe(1);
  });

  it('is the confirmed state once confirmed, and a single good round does not flip it', () => {
    const tracks = feed([
      { network: ONLINE, verdict: blocked },
      { network: ONLINE, verdict: blocked },
      { network: ONLINE, verdict: blocked },
      { network: ONLINE, verdict: { ...blocked, state: 'reachable', how: undefined, components: [] } },
    ]);
    const snapshot = buildSnapshot(input({ tracks, latestNetwork: ONLINE, latest: latest(blocked), latestValid: { [MESSENGER.id]: { state: 'blocked', how: 'dns' } } }));
    expect(snapshot.services[0]).toMatchObject({ state: 'blocked', confirmed: true, how: 'dns', since: 1 });
    expect(snapshot.services[0]!.pending).toBeUndefined();
  });

  it('keeps the confirmed state while a different latest round is being confirmed, and says so', () => {
    const tracks = feed([{ network: ONLINE, verdict: { ...blocked, state: 'reachable', how: undefined, components: [] } }]);
    const snapshot = buildSnapshot(input({ tracks, latestNetwork: ONLINE, latestValid: { [MESSENGER.id]: { state: 'blocked', how: 'dns' } } }));
    expect(snapshot.services[0]).toMatchObject({ state: 'reachable', confirmed: true, pending: { state: 'blocked', how: 'dns' } });
    expect(snapshot.blockedCount).toBe(0);
  });

  it('is offline for every service when the latest round found no working control, whatever was confirmed', () => {
    const tracks = feed([{ network: ONLINE, verdict: blocked }, { network: ONLINE, verdict: blocked }, { network: ONLINE, verdict: blocked }]);
    const snapshot = buildSnapshot(input({ tracks, latestNetwork: OFFLINE, latest: latest(blocked), latestValid: { [MESSENGER.id]: { state: 'blocked', how: 'dns' } } }));
    expect(snapshot.services[0]).toMatchObject({ state: 'offline' });
    expect(snapshot.blockedCount).toBe(0);
  });

  it('is restricted only once "only domestic sites work" is confirmed', () => {
    const once = feed([{ network: ONLINE }, { network: RESTRICTED }]);
    expect(buildSnapshot(input({ tracks: once, latestNetwork: RESTRICTED })).services[0]!.state).toBe('unknown');
    const thrice = feed([{ network: RESTRICTED }, { network: RESTRICTED }, { network: RESTRICTED }]);
    const snapshot = buildSnapshot(input({ tracks: thrice, latestNetwork: RESTRICTED }));
    expect(snapshot.services[0]!.state).toBe('restricted');
    expect(snapshot.network).toMatchObject({ state: 'restricted', restricted: true, since: 1 });
  });
});
