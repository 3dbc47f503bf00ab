import { describe, expect, it } from 'vitest';
import { ROUND_JITTER_MAX_MS } from '../../src/defaults';
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import { latestRecords, incidentsBetween } from '../../src/store/queries';
import { StoreFullError } from '../../src/store/store-full-error';
import { readState, writeState } from '../../src/store/runtime-state-store';
import { secondsSince, writeRound } from '../../src/store/write-round';
import { change, DAY, freshDb, makeRound, MIN, snapshot, T0 } from './fixtures';
import { failingDb } from './failing-db';

describe('writeRound', () => {
  it('stores the round, every verdict and observation, and counts it in the day roll-ups', async () => {
    const db = await freshDb();
    expect(await writeRound(db, makeRound(T0))).toBe('written');
    const all = await snapshot(db);
    expect(all.rounds).toHaveLength(1);
    expect(all.verdicts).toHaveLength(9);
    expect(all.observations).toHaveLength(12);
    const network = await db.get('rollups', [NETWORK_SUBJECT, '2026-03-01']);
    expect(network?.rounds).toEqual({ online: 1 });
    expect(network?.wireBytes).toBe(9 * 5_200 + 3 * 3_100);
    const whatsapp = await db.get('rollups', ['whatsapp', '2026-03-01']);
    expect(whatsapp?.rounds).toEqual({ reachable: 1 });
    expect(whatsapp?.latency?.n).toBe(1);
  });

  it('writing the same round again changes nothing (a retry after the worker died)', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0));
    const before = await snapshot(db);
    expect(await writeRound(db, makeRound(T0))).toBe('duplicate');
    expect(await snapshot(db)).toEqual(before);
  });

  it('saves the runtime state in the same transaction, but not with a duplicate', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0), { state: { runtime: { version: 1, tracks: { whatsapp: 'first' } } } });
    expect(await readState(db, 'runtime')).toEqual({ version: 1, tracks: { whatsapp: 'first' } });
    expect(await writeRound(db, makeRound(T0), { state: { runtime: { version: 1, tracks: { whatsapp: 'counted twice' } } } })).toBe('duplicate');
    expect(await readState(db, 'runtime')).toEqual({ version: 1, tracks: { whatsapp: 'first' } });
    await writeState(db, 'runtime', { version: 1, tracks: {} });
    expect(await readState(db, 'runtime')).toEqual({ version: 1, tracks: {} });
    expect(await readState(db, 'nothing here')).toBeUndefined();
  });

  it('files a round under the local day of its zone', async () => {
    const db = await freshDb();
    // 22:00 UTC on 1 March is 01:00 on 2 March in Moscow (UTC+3).
    await writeRound(db, makeRound(T0 + 22 * 60 * MIN, { utcOffsetMin: 180 }));
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-03-02'])).toBeDefined();
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-03-01'])).toBeUndefined();
  });

  it('a round stands for the time since the previous one, capped so a night off does not count', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0));
    await writeRound(db, makeRound(T0 + 5 * MIN));
    await writeRound(db, makeRound(T0 + 6 * MIN)); // a confirmation round, 60 s later
    await writeRound(db, makeRound(T0 + 10 * 60 * MIN)); // after ten hours asleep
    const rollup = await db.get('rollups', ['telegram', '2026-03-01']);
    // 300 (first, one interval) + 300 + 60 + capped at one interval plus the most jitter can add.
    expect(rollup?.seconds).toEqual({ reachable: 300 + 300 + 60 + 300 + ROUND_JITTER_MAX_MS / 1000 });
    expect(secondsSince(undefined, T0, 5)).toBe(300);
  });

  it('opens an incident on a started change and closes it on the ended change', async () => {
    const db = await freshDb();
    const start = T0 + 10 * MIN;
    await writeRound(db, makeRound(T0 + 20 * MIN, { states: { whatsapp: { state: 'blocked', how: 'dns' } }, changes: [change('whatsapp', 'started', T0 + 20 * MIN, { state: 'blocked', how: 'dns', since: start })] }));
    let state = await latestRecords(db);
    expect(state.openIncidents.whatsapp).toEqual({ subject: 'whatsapp', state: 'blocked', how: 'dns', start, end: null });

    const end = T0 + 60 * MIN;
    await writeRound(db, makeRound(T0 + 70 * MIN, { changes: [change('whatsapp', 'ended', T0 + 70 * MIN, { state: 'reachable', since: end }, { state: 'blocked', how: 'dns', since: start })] }));
    state = await latestRecords(db);
    expect(state.openIncidents).toEqual({});
    expect(await incidentsBetween(db, T0, T0 + DAY)).toEqual([{ subject: 'whatsapp', state: 'blocked', how: 'dns', start, end }]);
  });

  it('a change of kind closes one incident and opens the next; the network has its own', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { changes: [change('telegram', 'started', T0, { state: 'blocked', how: 'dns' }), change(NETWORK_SUBJECT, 'started', T0, { state: 'restricted' })] }));
    await writeRound(db, makeRound(T0 + 30 * MIN, { changes: [change('telegram', 'changed', T0 + 30 * MIN, { state: 'blocked', how: 'reset', since: T0 + 20 * MIN })] }));
    const incidents = await incidentsBetween(db, T0, T0 + DAY);
    expect(incidents).toEqual([
      { subject: '@network', state: 'restricted', start: T0, end: null },
      { subject: 'telegram', state: 'blocked', how: 'dns', start: T0, end: T0 + 20 * MIN },
      { subject: 'telegram', state: 'blocked', how: 'reset', start: T0 + 20 * MIN, end: null },
    ]);
  });

  it('an "ended" with no open incident changes no incident', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { changes: [change('signal', 'ended', T0, { state: 'reachable' }, { state: 'blocked', since: T0 - DAY })] }));
    expect(await db.count('incidents')).toBe(0);
  });

  describe('when the disk is full', () => {
    it.each([
      ['a put throws QuotaExceededError', 'quota-on-put' as const, 1],
      ['a put throws QuotaExceededError halfway through the round', 'quota-on-put' as const, 15],
      ['the transaction aborts and its error is QuotaExceededError', 'abort-with-quota' as const, 9],
    ])('%s: StoreFullError, and the history is as before', async (_name, failure, failAt) => {
      const db = await freshDb();
      await writeRound(db, makeRound(T0, { changes: [change('x', 'started', T0, { state: 'blocked', how: 'tls' })] }));
      const before = await snapshot(db);
      const next = makeRound(T0 + 5 * MIN, { states: { x: 'reachable' }, changes: [change('x', 'ended', T0 + 5 * MIN, { state: 'reachable' }, { state: 'blocked', how: 'tls', since: T0 })] });
      const error = await writeRound(failingDb(db, failure, failAt), next, { state: { runtime: 'after the round' } }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreFullError);
      expect((error as StoreFullError).message).toContain(`round ${T0 + 5 * MIN}`);
      expect(await snapshot(db)).toEqual(before);
      // The database still works afterwards.
      expect(await writeRound(db, next)).toBe('written');
    });

    it('saving the runtime state alone: StoreFullError, and the old state stays', async () => {
      const db = await freshDb();
      await writeState(db, 'runtime', 'before');
      await expect(writeState(failingDb(db, 'quota-on-put'), 'runtime', 'after')).rejects.toBeInstanceOf(StoreFullError);
      expect(await readState(db, 'runtime')).toBe('before');
    });

    it('other errors are passed on as they are, and still leave nothing behind', async () => {
      const db = await freshDb();
      const error = await writeRound(failingDb(db, 'data-error', 5), makeRound(T0)).catch((caught: unknown) => caught);
      expect(error).not.toBeInstanceOf(StoreFullError);
      expect((error as DOMException).name).toBe('DataError');
      expect(await snapshot(db)).toEqual({ rounds: [], verdicts: [], observations: [], incidents: [], rollups: [], state: [] });
    });
  });

  describe('input that cannot be right is refused before anything is written', () => {
    it.each([
      ['an observation of another round', () => {
        const round = makeRound(T0);
        return { ...round, observations: [...round.observations, { ...round.observations[0]!, roundStart: T0 - 1 }] };
      }, /observation of round/],
      ['a service judged twice in one round', () => {
        const round = makeRound(T0);
        return { ...round, verdict: { ...round.verdict, services: [...round.verdict.services, round.verdict.services[0]!] } };
      }, /two verdicts/],
      ['an impossible time zone offset', () => ({ ...makeRound(T0), utcOffsetMin: 24 * 60 }), /utcOffsetMin/],
      ['an interval outside the setting bounds', () => ({ ...makeRound(T0), intervalMin: 0 }), /intervalMin/],
    ])('%s', async (_name, build, message) => {
      const db = await freshDb();
      await expect(writeRound(db, build())).rejects.toThrow(message);
      expect(await db.count('rounds')).toBe(0);
    });
  });
});
