/**
 * The default export, safe to share: no IP address, no URL path or query (a custom target's path
 * included), no address inside an error text; everything else kept, and it imports back. The
 * full export keeps everything and imports back too.
 */
import { describe, expect, it } from 'vitest';
import { exportHistory } from '../../src/store/export';
import { importHistory } from '../../src/store/import';
import { observationRows, toCsv } from '../../src/store/csv';
import { redactExport, redactObservation, redactText, REDACTED } from '../../src/store/redact';
import type { ObservationRecord } from '../../src/store/schema';
import { validateExport } from '../../src/store/validate-export';
import { writeRound } from '../../src/store/write-round';
import { DAY, freshDb, makeRound, MIN, snapshot, T0 } from './fixtures';

const observation: ObservationRecord = {
  r: T0,
  n: 0,
  t: 'e:custom:example.org.web.main',
  o: 5,
  d: 120,
  w: 900,
  ok: 0,
  f: 'connect_refused',
  u: 'https://example.org:8443/private/path?token=abc#frag',
  fu: 'http://warning.example.net/?url=https%3A%2F%2Fexample.org%2Fprivate&subscriber=42',
  x: 'connect ECONNREFUSED 203.0.113.9:443 while fetching https://example.org/private/path?q=1 via [2001:db8::1]:443',
  ip: '203.0.113.9',
};

async function historyWithFailures(): Promise<Awaited<ReturnType<typeof freshDb>>> {
  const db = await freshDb();
  for (let i = 0; i < 4; i++) {
    await writeRound(db, makeRound(T0 + i * 5 * MIN, { states: { telegram: { state: 'blocked', how: 'connect' } } }));
  }
  return db;
}

describe('the shareable export', () => {
  it('leaves out the address, the path and query of both URLs, and addresses and paths inside the error text', () => {
    const shared = redactObservation(observation);
    expect(shared).not.toHaveProperty('ip');
    expect(shared.u).toBe('https://example.org:8443');
    expect(shared.fu).toBe('http://warning.example.net');
    expect(shared.x).toBe(`connect ECONNREFUSED ${REDACTED} while fetching https://example.org via ${REDACTED}`);
    const text = JSON.stringify(shared);
    for (const secret of ['203.0.113.9', '2001:db8', 'private', 'token', 'subscriber', '?']) expect(text).not.toContain(secret);
    // What makes the record useful stays.
    expect(shared).toMatchObject({ r: T0, n: 0, t: observation.t, f: 'connect_refused', d: 120, w: 900, ok: 0 });
  });

  it('keeps browser error names as they are', () => {
    expect(redactText('net::ERR_CONNECTION_TIMED_OUT')).toBe('net::ERR_CONNECTION_TIMED_OUT');
    expect(redactText('NS_ERROR_NET_RESET')).toBe('NS_ERROR_NET_RESET');
  });

  it('has no IP address, path or query anywhere in the JSON or the measurements CSV, and says it is the shareable kind', async () => {
    const db = await historyWithFailures();
    const full = await exportHistory(db, T0 + DAY);
    expect(JSON.stringify(full)).toContain('203.0.113.7');
    expect(JSON.stringify(full)).toContain('?bw=');
    const shared = redactExport(full);
    expect(shared.scope).toBe('shareable');
    for (const text of [JSON.stringify(shared), toCsv(observationRows(shared.observations))]) {
      expect(text).not.toContain('203.0.113.7');
      expect(text).not.toContain('?bw=');
      expect(text).not.toContain('/generate_204');
    }
    expect(full.scope).toBe('full');
  });

  it('both the shareable and the full file import back; the full one restores the history exactly', async () => {
    const db = await historyWithFailures();
    const full = await exportHistory(db, T0 + DAY);
    for (const file of [redactExport(full), full]) {
      const checked = validateExport(JSON.stringify(file), T0 + DAY);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      const target = await freshDb();
      const report = await importHistory(target, checked.data);
      expect(report.rounds).toBe(4);
      expect(report.observations).toBe(file.observations.length);
      if (file === full) expect(await snapshot(target)).toEqual(await snapshot(db));
      else expect((await target.getAll('observations')).every((record) => record.ip === undefined)).toBe(true);
    }
  });
});
