import { describe, expect, it } from 'vitest';
import { clearAll } from '../../src/store/clear-all';
import { exportHistory } from '../../src/store/export';
import { importHistory } from '../../src/store/import';
import { importFile } from '../../src/store/import-file';
import { historyRange, incidentsBetween } from '../../src/store/queries';
import { estimateSize } from '../../src/store/retention';
import { writeState } from '../../src/store/runtime-state-store';
import type { HistoryDb } from '../../src/store/schema';
import { StoreFullError } from '../../src/store/store-full-error';
import { validateExport } from '../../src/store/validate-export';
import { writeRound } from '../../src/store/write-round';
import { change, DAY, freshDb, HOUR, makeRound, MIN, snapshot, T0 } from './fixtures';
import { failingDb } from './failing-db';

async function someHistory(db: HistoryDb, from: number, rounds: number, spec: Parameters<typeof makeRound>[1] = {}): Promise<void> {
  for (let i = 0; i < rounds; i++) await writeRound(db, makeRound(from + i * 5 * MIN, i === 0 ? spec : { ...spec, changes: [] }));
}

/** What a user's file goes through: stringified on export, read back as text, validated. */
async function roundTrip(db: HistoryDb): Promise<ReturnType<typeof validateExport>> {
  return validateExport(JSON.stringify(await exportHistory(db, T0 + 10 * DAY)));
}

describe('export and import', () => {
  it('a file restores the whole history into an empty profile, exactly', async () => {
    const source = await freshDb();
    await someHistory(source, T0, 30, { states: { telegram: { state: 'blocked', how: 'reset' } }, changes: [change('telegram', 'started', T0, { state: 'blocked', how: 'reset' })] });
    const file = await roundTrip(source);
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.data).toMatchObject({ format: 'blockwatch-history', version: 1, exportedAt: T0 + 10 * DAY });

    const target = await freshDb();
    const report = await importHistory(target, file.data);
    expect(report).toEqual({ rounds: 30, verdicts: 270, observations: 360, rollups: 10, incidents: 1 });
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const source = await freshDb();
    await someHistory(source, T0, 20);
    const file = await roundTrip(source);
    if (!file.ok) throw new Error('export did not validate');
    const target = await freshDb();
    await importHistory(target, file.data);
    const once = await snapshot(target);
    expect(await importHistory(target, file.data)).toEqual({ rounds: 0, verdicts: 0, observations: 0, rollups: 0, incidents: 0 });
    expect(await snapshot(target)).toEqual(once);
  });

  it('merges a file into a history with other rounds of the same day, counting each round once', async () => {
    const mine = await freshDb();
    await someHistory(mine, T0, 12); // 00:00–00:55
    const theirs = await freshDb();
    await someHistory(theirs, T0 + 6 * HOUR, 12, { states: { signal: { state: 'blocked', how: 'tls' } } }); // 06:00–06:55, Signal blocked
    const file = await roundTrip(theirs);
    if (!file.ok) throw new Error('export did not validate');
    await importHistory(mine, file.data);
    expect(await mine.count('rounds')).toBe(24);
    const signal = await mine.get('rollups', ['signal', '2026-03-01']);
    expect(signal?.rounds).toEqual({ reachable: 12, blocked: 12 });
    const day = await historyRange(mine, { span: '30d', now: T0 + HOUR * 7, utcOffsetMin: 0 });
    expect(day.services.signal?.availability.at(-1)).toBeCloseTo(0.5);
    // The merged history's size estimate covers the imported rounds too.
    expect((await estimateSize(mine)).rounds).toBe(24);
  });

  it('an incident open here and closed in the file is closed', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { changes: [change('x', 'started', T0, { state: 'blocked', how: 'dns' })] }));
    const whileOpen = await exportHistory(db, T0);
    await writeRound(db, makeRound(T0 + HOUR, { changes: [change('x', 'ended', T0 + HOUR, { state: 'reachable' }, { state: 'blocked', how: 'dns', since: T0 })] }));
    const afterEnd = await exportHistory(db, T0 + HOUR);

    const restored = await freshDb();
    await importHistory(restored, whileOpen);
    expect((await incidentsBetween(restored, 0, T0 + DAY)).map((incident) => incident.end)).toEqual([null]);
    await importHistory(restored, afterEnd);
    expect(await incidentsBetween(restored, 0, T0 + DAY)).toEqual([{ subject: 'x', state: 'blocked', how: 'dns', start: T0, end: T0 + HOUR }]);
  });

  it('an open incident in the file before one open here ends where the later began', async () => {
    const source = await freshDb();
    await writeRound(source, makeRound(T0, { changes: [change('x', 'started', T0, { state: 'blocked', how: 'dns' })] }));
    const file = await exportHistory(source, T0);
    const db = await freshDb();
    await writeRound(db, makeRound(T0 + 2 * HOUR, { changes: [change('x', 'started', T0 + 2 * HOUR, { state: 'blocked', how: 'tls' })] }));
    await importHistory(db, file);
    expect(await incidentsBetween(db, 0, T0 + DAY)).toEqual([
      { subject: 'x', state: 'blocked', how: 'dns', start: T0, end: T0 + 2 * HOUR },
      { subject: 'x', state: 'blocked', how: 'tls', start: T0 + 2 * HOUR, end: null },
    ]);
  });

  it('a failed import (disk full) leaves the history as it was', async () => {
    const source = await freshDb();
    await someHistory(source, T0 + DAY, 10);
    const file = await roundTrip(source);
    if (!file.ok) throw new Error('export did not validate');
    const db = await freshDb();
    await someHistory(db, T0, 10);
    const before = await snapshot(db);
    await expect(importHistory(failingDb(db, 'quota-on-put', 50), file.data)).rejects.toBeInstanceOf(StoreFullError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a rejected file leaves the history as it was', async () => {
    const db = await freshDb();
    await someHistory(db, T0, 5);
    const before = await snapshot(db);
    const good = await exportHistory(db, T0);
    const bad = { ...good, verdicts: [...good.verdicts, { ...good.verdicts[0], st: 'maybe' }] };
    const result = validateExport(JSON.stringify(bad));
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_record', record: { store: 'verdicts', index: 45 } } });
    // The glue imports only what validated; nothing was written.
    expect(await snapshot(db)).toEqual(before);
  });

  it('clearAll deletes the whole history and the runtime state, and a new round can be written after it', async () => {
    const db = await freshDb();
    await someHistory(db, T0, 3, { changes: [change('x', 'started', T0, { state: 'blocked', how: 'dns' })] });
    await writeState(db, 'runtime', { tracks: { x: 'blocked' } });
    await clearAll(db);
    expect(await snapshot(db)).toEqual({ rounds: [], verdicts: [], observations: [], incidents: [], rollups: [], state: [] });
    expect(await writeRound(db, makeRound(T0 + DAY))).toBe('written');
  });
});

describe('importFile', () => {
  it('prunes the history to its size budget after an import', async () => {
    const source = await freshDb();
    await someHistory(source, T0, 60);
    const text = JSON.stringify(await exportHistory(source, T0 + DAY));
    const budget = Math.round((await estimateSize(source)).total / 3);
    const target = await freshDb();
    const outcome = await importFile(target, text, T0 + DAY, budget);
    expect(outcome.ok).toBe(true);
    expect((await estimateSize(target)).total).toBeLessThanOrEqual(budget);
    expect(await target.count('rounds')).toBeLessThan(60);
    expect(await target.count('rounds')).toBeGreaterThan(0);
  });

  it('a refused file changes nothing', async () => {
    const source = await freshDb();
    await someHistory(source, T0, 3);
    const data = await exportHistory(source, T0 + DAY);
    const target = await freshDb();
    await someHistory(target, T0 + 2 * DAY, 2);
    const before = await snapshot(target);
    const future = JSON.stringify({ ...data, rounds: data.rounds.map((round, index) => (index === 2 ? { ...round, roundId: T0 + 5 * DAY, at: T0 + 5 * DAY } : round)) });
    expect(await importFile(target, future, T0 + DAY)).toMatchObject({ ok: false, error: { code: 'future_time', record: { store: 'rounds', index: 2 } } });
    expect(await snapshot(target)).toEqual(before);
  });
});
