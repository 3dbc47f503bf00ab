import { describe, expect, it } from 'vitest';
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import { HISTORY_SIZE_BUDGET_BYTES, RAW_RETENTION_DAYS, ROLLUP_RETENTION_DAYS } from '../../src/defaults';
import { historyRange } from '../../src/store/queries';
import { jsonBytes } from '../../src/store/record-size';
import { estimateSize, prune, PRUNE_TARGET } from '../../src/store/retention';
import type { HistoryDb } from '../../src/store/schema';
import { writeRound } from '../../src/store/write-round';
import { change, DAY, freshDb, HOUR, makeRound, MIN, snapshot, T0 } from './fixtures';

/** `perDay` rounds a day (evenly spread) for `days` days from `from`. */
async function writeDays(db: HistoryDb, from: number, days: number, perDay: number): Promise<void> {
  for (let d = 0; d < days; d++) {
    for (let r = 0; r < perDay; r++) await writeRound(db, makeRound(from + d * DAY + r * Math.floor(DAY / perDay), { intervalMin: 60 }));
  }
}

describe('estimateSize', () => {
  it('is the JSON size of every record, within a few bytes per round', async () => {
    const db = await freshDb();
    await writeDays(db, T0, 2, 6);
    await writeRound(db, makeRound(T0 + 3 * DAY, { changes: [change('x', 'started', T0 + 3 * DAY, { state: 'blocked', how: 'dns' })] }));
    const all = await snapshot(db);
    const exact = Object.values(all).flat().reduce((sum: number, record) => sum + jsonBytes(record), 0);
    const estimate = await estimateSize(db);
    expect(estimate.rounds).toBe(13);
    expect(Math.abs(estimate.total - exact)).toBeLessThanOrEqual(13 * 2);
    expect(estimate.total).toBe(estimate.raw + estimate.rollups + estimate.incidents);
  });
});

describe('prune', () => {
  it(`deletes raw rounds older than ${RAW_RETENTION_DAYS} days and keeps their days in the roll-ups`, async () => {
    const db = await freshDb();
    await writeDays(db, T0, 40, 4);
    const now = T0 + 40 * DAY;
    const before90 = await historyRange(db, { span: '90d', now, utcOffsetMin: 0 });
    const report = await prune(db, now);
    expect(report.expiredRounds).toBe(10 * 4);
    expect(report.budgetRounds).toBe(0);
    const rounds = await db.getAllKeys('rounds');
    expect(rounds).toHaveLength(30 * 4);
    expect(Math.min(...rounds)).toBeGreaterThanOrEqual(now - RAW_RETENTION_DAYS * DAY);
    // Verdicts and observations went with their rounds.
    expect(await db.count('verdicts')).toBe(30 * 4 * 9);
    expect(await db.count('observations')).toBe(30 * 4 * 12);
    expect(await db.count('rollups')).toBe(40 * 10);
    expect(await historyRange(db, { span: '90d', now, utcOffsetMin: 0 })).toEqual(before90);
    expect(report.after.total).toBeLessThan(report.before.total);
  });

  it(`deletes roll-ups and closed incidents older than ${ROLLUP_RETENTION_DAYS} days, never an open incident`, async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { changes: [change('whatsapp', 'started', T0, { state: 'blocked', how: 'dns' }), change('signal', 'started', T0, { state: 'blocked', how: 'tls' })] }));
    await writeRound(db, makeRound(T0 + HOUR, { changes: [change('whatsapp', 'ended', T0 + HOUR, { state: 'reachable' }, { state: 'blocked', how: 'dns', since: T0 })] }));
    await writeRound(db, makeRound(T0 + 200 * DAY));
    const report = await prune(db, T0 + 366 * DAY);
    expect(report.expiredRollups).toBe(10);
    expect(report.expiredIncidents).toBe(1);
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-03-01'])).toBeUndefined();
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-09-17'])).toBeDefined();
    expect((await db.getAll('incidents')).map((incident) => incident.subject)).toEqual(['signal']);
  });

  it('over the budget, deletes the oldest raw rounds until under it, keeping the newest and every roll-up', async () => {
    const db = await freshDb();
    await writeDays(db, T0, 10, 24);
    const now = T0 + 10 * DAY;
    const size = await estimateSize(db);
    const budget = Math.round(size.total / 2);
    const before90 = await historyRange(db, { span: '90d', now, utcOffsetMin: 0 });
    const report = await prune(db, now, budget);
    expect(report.expiredRounds).toBe(0);
    expect(report.budgetRounds).toBeGreaterThan(100);
    expect(report.after.total).toBeLessThanOrEqual(budget * PRUNE_TARGET);
    expect(report.overBudget).toBe(false);
    const kept = await db.getAllKeys('rounds');
    expect(kept).toHaveLength(240 - report.budgetRounds);
    // The oldest went first: what is left is the newest, without gaps.
    expect(Math.max(...kept)).toBe(T0 + 10 * DAY - HOUR);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(await db.count('rollups')).toBe(10 * 10);
    expect(await historyRange(db, { span: '90d', now, utcOffsetMin: 0 })).toEqual(before90);
    // Pruning again right away has nothing to do.
    const again = await prune(db, now, budget);
    expect(again.budgetRounds).toBe(0);
  });

  it('reports when roll-ups alone exceed the budget (all raw rounds gone, nothing else touched)', async () => {
    const db = await freshDb();
    await writeDays(db, T0, 3, 2);
    const rollupsBefore = await db.count('rollups');
    const report = await prune(db, T0 + 3 * DAY, 100);
    expect(report.overBudget).toBe(true);
    expect(await db.count('rounds')).toBe(0);
    expect(await db.count('observations')).toBe(0);
    expect(await db.count('verdicts')).toBe(0);
    expect(await db.count('rollups')).toBe(rollupsBefore);
  });

  it('uses the default 20 MB budget when none is given, and a young history loses nothing', async () => {
    const db = await freshDb();
    await writeDays(db, T0, 2, 12);
    const before = await snapshot(db);
    const report = await prune(db, T0 + 2 * DAY);
    expect(report.before.total).toBeLessThan(HISTORY_SIZE_BUDGET_BYTES);
    expect(await snapshot(db)).toEqual(before);
  });

  it('rounds every 5 minutes for 30 days fit the default budget with room to spare', async () => {
    // Estimated from one day at the defaults; the 90-day simulation is scripts/bench/store.ts.
    const db = await freshDb();
    for (let i = 0; i < 288; i++) await writeRound(db, makeRound(T0 + i * 5 * MIN));
    const day = await estimateSize(db);
    expect(day.raw * RAW_RETENTION_DAYS).toBeLessThan(HISTORY_SIZE_BUDGET_BYTES * PRUNE_TARGET);
  });
});
