import { describe, expect, it } from 'vitest';
import { NETWORK_SUBJECT } from '../../src/confirm/types';
import { bytesPerDay, latestRecords, historyRange, incidentsBetween, last24h, roundDetail } from '../../src/store/queries';
import { prune } from '../../src/store/retention';
import { writeRound } from '../../src/store/write-round';
import { change, DAY, freshDb, HOUR, makeRound, MIN, T0, type RoundSpec } from './fixtures';

async function writeEvery5Min(db: Awaited<ReturnType<typeof freshDb>>, from: number, to: number, spec: (roundStart: number, i: number) => RoundSpec = () => ({})): Promise<void> {
  for (let roundStart = from, i = 0; roundStart < to; roundStart += 5 * MIN, i++) await writeRound(db, makeRound(roundStart, spec(roundStart, i)));
}

describe('latestRecords', () => {
  it('is empty before the first round', async () => {
    expect(await latestRecords(await freshDb())).toEqual({ lastRound: null, services: {}, openIncidents: {} });
  });

  it('gives the newest verdict of every service, even one not probed in the last round, and the open incidents', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { states: { viber: { state: 'blocked', how: 'dns' } }, changes: [change('viber', 'started', T0, { state: 'blocked', how: 'dns' })] }));
    await writeRound(db, makeRound(T0 + 5 * MIN, { services: ['whatsapp', 'telegram'], states: { telegram: { state: 'partial', how: 'tls' } } }));
    const state = await latestRecords(db);
    expect(state.lastRound?.roundStart).toBe(T0 + 5 * MIN);
    expect(Object.keys(state.services).sort()).toEqual(['discord', 'instagram', 'messenger', 'signal', 'telegram', 'viber', 'whatsapp', 'x', 'youtube']);
    expect(state.services.telegram).toMatchObject({ roundStart: T0 + 5 * MIN, state: 'partial', how: 'tls' });
    expect(state.services.viber).toMatchObject({ roundStart: T0, state: 'blocked', how: 'dns' });
    expect(state.openIncidents).toEqual({ viber: { subject: 'viber', state: 'blocked', how: 'dns', start: T0, end: null } });
  });
});

describe('last24h', () => {
  it('gives each service its rounds of the last 24 hours in order, and the network its own', async () => {
    const db = await freshDb();
    await writeEvery5Min(db, T0, T0 + 26 * HOUR, (roundStart): RoundSpec => ({
      network: roundStart === T0 + 25 * HOUR ? 'offline' : 'online',
      states: roundStart === T0 + 25 * HOUR + 5 * MIN ? { signal: { state: 'blocked', how: 'tls' } } : {},
    }));
    const now = T0 + 26 * HOUR - 5 * MIN; // the last round
    const strip = await last24h(db, now);
    const signal = strip.services.signal ?? [];
    expect(signal).toHaveLength(24 * 12);
    expect(signal[0]?.roundStart).toBe(now - 24 * HOUR + 5 * MIN);
    expect(signal.every((cell, i) => i === 0 || cell.roundStart > (signal[i - 1]?.roundStart ?? 0))).toBe(true);
    expect(signal.find((cell) => cell.roundStart === T0 + 25 * HOUR)?.state).toBe('offline');
    expect(signal.find((cell) => cell.roundStart === T0 + 25 * HOUR + 5 * MIN)).toEqual({ roundStart: T0 + 25 * HOUR + 5 * MIN, state: 'blocked', how: 'tls', path: 'direct' });
    expect(strip.network.filter((cell) => cell.state === 'offline')).toEqual([{ roundStart: T0 + 25 * HOUR, state: 'offline', path: 'direct' }]);
  });
});

describe('historyRange', () => {
  it('24 h: hourly buckets on the local clock, availability from the time each state lasted', async () => {
    const db = await freshDb();
    // Telegram is blocked for the first 15 minutes of each hour; the network is offline 10 minutes at 05:00.
    await writeEvery5Min(db, T0, T0 + DAY, (roundStart): RoundSpec => {
      const minute = (roundStart % HOUR) / MIN;
      const offline = roundStart >= T0 + 5 * HOUR && roundStart < T0 + 5 * HOUR + 10 * MIN;
      return { network: offline ? 'offline' : 'online', states: minute < 15 ? { telegram: { state: 'blocked', how: 'connect' } } : {}, utcOffsetMin: 210 };
    });
    const now = T0 + DAY - 1;
    const range = await historyRange(db, { span: '24h', now, utcOffsetMin: 210 });
    expect(range.source).toBe('raw');
    expect(range.buckets).toHaveLength(24);
    // Tehran is UTC+3:30, so buckets start at half past the UTC hour.
    expect(range.buckets.every((bucket) => (bucket.start % HOUR) / MIN === 30)).toBe(true);
    expect(range.buckets.at(-1)?.start).toBeLessThanOrEqual(now);
    expect(range.buckets.at(-1)?.end).toBeGreaterThan(now);

    const telegram = range.services.telegram;
    // A bucket from hh:30 to hh+1:30 holds the rounds hh+1:00, :05 and :10 blocked, nine reachable.
    expect(telegram?.availability[10]).toBeCloseTo(9 / 12);
    expect(telegram?.seconds[10]).toEqual({ blocked: 900, reachable: 2700 });
    expect(range.services.whatsapp?.availability[10]).toBe(1);
    // Offline rounds say nothing about services, but count against the network.
    const offlineBucket = range.buckets.findIndex((bucket) => bucket.start <= T0 + 5 * HOUR && bucket.end > T0 + 5 * HOUR);
    expect(range.services.whatsapp?.availability[offlineBucket]).toBe(1);
    expect(range.services.whatsapp?.seconds[offlineBucket]).toEqual({ reachable: 3000, offline: 600 });
    expect(range.network.availability[offlineBucket]).toBeCloseTo(10 / 12);
    const latency = range.services.whatsapp?.latency[10];
    expect(latency?.n).toBe(12);
    expect(latency!.min).toBeLessThanOrEqual(latency!.median);
    expect(latency!.median).toBeLessThanOrEqual(latency!.max);
  });

  it('7 d: six-hour buckets; buckets before the raw history are empty, not made up', async () => {
    const db = await freshDb();
    await writeEvery5Min(db, T0 + 5 * DAY, T0 + 6 * DAY);
    const range = await historyRange(db, { span: '7d', now: T0 + 6 * DAY + HOUR, utcOffsetMin: 0 });
    expect(range.buckets).toHaveLength(28);
    expect(range.buckets[1]!.start - range.buckets[0]!.start).toBe(6 * HOUR);
    const availability = range.services.youtube?.availability ?? [];
    expect(availability.slice(0, 20).every((value) => value === null)).toBe(true);
    expect(availability.slice(23, 27)).toEqual([1, 1, 1, 1]);
  });

  it('90 d: one bucket per local day from the roll-ups, the same before and after raw rounds are pruned', async () => {
    const db = await freshDb();
    // One day in the first week and a day a month later; WhatsApp blocked half of the first.
    await writeEvery5Min(db, T0, T0 + DAY, (_roundStart, i): RoundSpec => ({ states: i % 2 === 0 ? { whatsapp: { state: 'blocked', how: 'dns' } } : {} }));
    await writeEvery5Min(db, T0 + 40 * DAY, T0 + 41 * DAY, () => ({ states: { whatsapp: { state: 'reachable', goodputKbps: 8_000 } } }));
    const now = T0 + 41 * DAY + HOUR;
    const before = await historyRange(db, { span: '90d', now, utcOffsetMin: 0 });
    expect(before.source).toBe('rollups');
    expect(before.buckets).toHaveLength(90);
    const first = before.buckets.findIndex((bucket) => bucket.start === T0);
    expect(first).toBeGreaterThan(0);
    expect(before.services.whatsapp?.availability[first]).toBeCloseTo(0.5);
    expect(before.services.whatsapp?.availability[first + 1]).toBeNull();
    expect(before.services.whatsapp?.availability[first + 40]).toBe(1);
    expect(before.services.whatsapp?.goodput[first + 40]).toMatchObject({ n: 288, min: 8_000, max: 8_000, median: 8_000 });
    expect(before.network.availability[first]).toBe(1);

    const report = await prune(db, now);
    expect(report.expiredRounds).toBe(288);
    expect(await historyRange(db, { span: '90d', now, utcOffsetMin: 0 })).toEqual(before);
  });

  it('30 d shows the days of a history with several services, empty days as null', async () => {
    const db = await freshDb();
    await writeEvery5Min(db, T0, T0 + 2 * HOUR);
    const range = await historyRange(db, { span: '30d', now: T0 + 3 * DAY, utcOffsetMin: 0 });
    expect(Object.keys(range.services)).toHaveLength(9);
    expect(range.services.discord?.availability.slice(-4)).toEqual([1, null, null, null]);
  });
});

describe('incidentsBetween', () => {
  it('lists incidents that overlap the range, open ones included', async () => {
    const db = await freshDb();
    const started = (subject: string, at: number) => change(subject, 'started', at, { state: 'blocked', how: 'dns' });
    const ended = (subject: string, at: number, since: number) => change(subject, 'ended', at, { state: 'reachable' }, { state: 'blocked', how: 'dns', since });
    await writeRound(db, makeRound(T0, { changes: [started('whatsapp', T0)] }));
    await writeRound(db, makeRound(T0 + HOUR, { changes: [ended('whatsapp', T0 + HOUR, T0)] }));
    await writeRound(db, makeRound(T0 + 3 * HOUR, { changes: [started('telegram', T0 + 3 * HOUR)] }));
    const subjects = async (from: number, to: number) => (await incidentsBetween(db, from, to)).map((incident) => incident.subject);
    expect(await subjects(T0 - DAY, T0 + DAY)).toEqual(['whatsapp', 'telegram']);
    expect(await subjects(T0 + 2 * HOUR, T0 + 10 * DAY)).toEqual(['telegram']);
    expect(await subjects(T0 + 30 * MIN, T0 + 40 * MIN)).toEqual(['whatsapp']);
    expect(await subjects(T0 - DAY, T0 - HOUR)).toEqual([]);
  });
});

describe('bytesPerDay', () => {
  it('sums the probes bytes per local day, with zero for days without rounds', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0 + 10 * HOUR, { utcOffsetMin: 180 }));
    await writeRound(db, makeRound(T0 + 22 * HOUR, { utcOffsetMin: 180 })); // 01:00 the next day in Moscow
    await writeRound(db, makeRound(T0 + 22 * HOUR + 5 * MIN, { utcOffsetMin: 180, network: 'offline' }));
    const days = await bytesPerDay(db, { now: T0 + 2 * DAY, utcOffsetMin: 180, days: 4 });
    const round = 9 * 5_200 + 3 * 3_100;
    const offlineRound = 9 * 600 + 3 * 600;
    expect(days).toEqual([
      { day: '2026-02-28', bytes: 0 },
      { day: '2026-03-01', bytes: round },
      { day: '2026-03-02', bytes: round + offlineRound },
      { day: '2026-03-03', bytes: 0 },
    ]);
  });
});

describe('roundDetail', () => {
  it('gives a failed probe its evidence back, and null once the round is pruned', async () => {
    const db = await freshDb();
    await writeRound(db, makeRound(T0, { states: { signal: { state: 'blocked', how: 'connect' } } }));
    const detail = await roundDetail(db, T0);
    const failed = detail?.observations.find((observation) => !observation.ok);
    expect(failed).toMatchObject({
      target: { type: 'endpoint', serviceId: 'signal', componentId: 'web', endpointId: 'signal.web.main' },
      url: `https://signal.example/?bw=${T0}-2`,
      method: 'HEAD',
      failure: 'connect_timeout',
      raw: 'net::ERR_CONNECTION_TIMED_OUT',
      ip: '203.0.113.7',
      reached: { headers: false, bytes: 0 },
    });
    expect(detail?.verdicts.find((verdict) => verdict.serviceId === 'signal')?.state).toBe('blocked');
    expect(detail?.observations).toHaveLength(12);
    await prune(db, T0 + 31 * DAY);
    expect(await roundDetail(db, T0)).toBeNull();
    expect(await db.get('rollups', [NETWORK_SUBJECT, '2026-03-01'])).toBeDefined();
  });
});
