import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import { createVersion1 } from '../../src/store/migrations/v1';
import { upgradeToVersion2 } from '../../src/store/migrations/v2';
import { createVersion3 } from '../../src/store/migrations/v3';
import { HistoryTooNewError, openDatabase, openHistory } from '../../src/store/open';
import { historyRange } from '../../src/store/queries';
import { DB_VERSION, STORE_NAMES, type HistorySchema } from '../../src/store/schema';
import { writeRound } from '../../src/store/write-round';
import { change, HOUR, MIN, newFactory, snapshot, T0, makeRound } from './fixtures';

const RAW_STORES = ['rounds', 'verdicts', 'observations', 'incidents'] as const;

/** Two days of rounds with a block, an offline spell and a zone change, as the runtime writes them. */
async function realisticHistory(): Promise<Record<string, unknown[]>> {
  const factory = newFactory();
  const db = await openHistory(factory, 'reference');
  for (let i = 0; i < 2 * 24 * 12; i++) {
    const roundStart = T0 + i * 5 * MIN;
    const blocked = i >= 100 && i < 160;
    const offline = i >= 300 && i < 310;
    await writeRound(
      db,
      makeRound(roundStart, {
        network: offline ? 'offline' : 'online',
        states: blocked ? { telegram: { state: 'blocked', how: 'reset' } } : {},
        utcOffsetMin: i < 400 ? 180 : 210,
        changes: i === 103 ? [change('telegram', 'started', roundStart, { state: 'blocked', how: 'reset', since: T0 + 100 * 5 * MIN })] : [],
      }),
    );
  }
  const all = await snapshot(db);
  db.close();
  return all;
}

describe('openHistory', () => {
  it('creates every store at the current version', async () => {
    const db = await openHistory(newFactory());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    expect([...db.transaction('incidents').store.indexNames].sort()).toEqual(['open', 'start']);
  });

  it('upgrades a version 1 history without losing a record, and builds the roll-ups it lacked', async () => {
    const reference = await realisticHistory();
    const factory = newFactory();
    const v1 = await openDatabase<unknown>(factory, 'upgrade-me', 1, (db) => createVersion1(db));
    const tx = v1.transaction([...RAW_STORES], 'readwrite');
    for (const name of RAW_STORES) for (const record of reference[name] ?? []) await tx.objectStore(name).put(record);
    await tx.done;
    expect([...v1.objectStoreNames]).not.toContain('rollups');
    v1.close();

    const db = await openHistory(factory, 'upgrade-me');
    const upgraded = await snapshot(db);
    for (const name of RAW_STORES) expect(upgraded[name]).toEqual(reference[name]);
    expect(upgraded.state).toEqual([]);
    // The same roll-ups that writing the rounds one by one produced.
    expect(upgraded.rollups).toEqual(reference.rollups);
    expect(upgraded.rollups?.length).toBeGreaterThan(0);
    const range = await historyRange(db, { span: '30d', now: T0 + 2 * 24 * HOUR, utcOffsetMin: 180 });
    expect(range.services.telegram?.availability.some((value) => value !== null && value < 1)).toBe(true);
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-03-01'])).toBeDefined();
  });

  it('upgrades a version 2 history by adding the runtime state store, keeping every record', async () => {
    const reference = await realisticHistory();
    const factory = newFactory();
    const v2 = await openDatabase<HistorySchema>(factory, 'v2', 2, async (db, oldVersion, tx) => {
      if (oldVersion < 1) createVersion1(db as unknown as IDBPDatabase<unknown>);
      await upgradeToVersion2(db, tx);
    });
    const tx = v2.transaction([...RAW_STORES, 'rollups'], 'readwrite');
    for (const name of [...RAW_STORES, 'rollups'] as const) for (const record of reference[name] ?? []) await tx.objectStore(name).put(record as never);
    await tx.done;
    v2.close();

    const db = await openHistory(factory, 'v2');
    expect(await snapshot(db)).toEqual({ ...reference, state: [] });
  });

  it('upgrades a version 3 history, whose rounds knew no path, by writing them as direct, keeping every record', async () => {
    const reference = await realisticHistory();
    const withoutPath = (reference.rounds ?? []).map((round) => {
      const { path: _path, ...rest } = round as { path?: string };
      return rest;
    });
    expect(withoutPath.some((round) => 'path' in round)).toBe(false);
    const factory = newFactory();
    const v3 = await openDatabase<HistorySchema>(factory, 'v3', 3, async (db, oldVersion, tx) => {
      if (oldVersion < 1) createVersion1(db as unknown as IDBPDatabase<unknown>);
      await upgradeToVersion2(db, tx);
      createVersion3(db as unknown as IDBPDatabase<unknown>);
    });
    const tx = v3.transaction([...RAW_STORES, 'rollups'], 'readwrite');
    for (const name of [...RAW_STORES, 'rollups'] as const) {
      for (const record of name === 'rounds' ? withoutPath : (reference[name] ?? [])) await tx.objectStore(name).put(record as never);
    }
    await tx.done;
    v3.close();

    const db = await openHistory(factory, 'v3');
    const upgraded = await snapshot(db);
    expect(upgraded.rounds?.every((round) => (round as { path?: string }).path === 'direct')).toBe(true);
    expect(upgraded).toEqual({ ...reference, state: [] });
  });

  it('an old page holding the database open does not block the upgrade', async () => {
    const factory = newFactory();
    const old = await openDatabase<unknown>(factory, 'shared', 1, (db) => createVersion1(db));
    const db = await openHistory(factory, 'shared');
    expect(db.version).toBe(DB_VERSION);
    // The old connection closed itself; a page using it must reopen.
    expect(() => old.transaction('rounds')).toThrow();
  });

  it('a history from a newer Blockwatch is refused with a clear error and left intact', async () => {
    const factory = newFactory();
    const newer = await openDatabase<unknown>(factory, 'from-the-future', DB_VERSION + 1, (db) => {
      db.createObjectStore('rounds', { keyPath: 'roundId' });
    });
    await newer.put('rounds', { roundId: 1, future: true });
    newer.close();

    const error = await openHistory(factory, 'from-the-future').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HistoryTooNewError);
    expect((error as Error).message).toMatch(/newer version of Blockwatch/);

    const again = await openDatabase<unknown>(factory, 'from-the-future', DB_VERSION + 1, () => undefined);
    expect(await again.get('rounds', 1)).toEqual({ roundId: 1, future: true });
  });

  it.each([
    ['throws', (db: IDBPDatabase<unknown>): void => {
      db.createObjectStore('half-made');
      throw new Error('migration bug');
    }],
    ['rejects after reading', async (db: IDBPDatabase<unknown>): Promise<void> => {
      db.createObjectStore('half-made');
      await Promise.resolve();
      throw new Error('migration bug');
    }],
  ])('an upgrade that %s fails the open with its error and leaves the old version', async (_name, upgrade) => {
    const factory = newFactory();
    const v1 = await openDatabase<unknown>(factory, 'fragile', 1, (db) => createVersion1(db));
    v1.close();
    await expect(openDatabase<unknown>(factory, 'fragile', 2, upgrade)).rejects.toThrow('migration bug');
    const still = await openDatabase<unknown>(factory, 'fragile', 1, () => undefined);
    expect(still.version).toBe(1);
    expect([...still.objectStoreNames]).not.toContain('half-made');
  });
});
