/**
 * The file the history page saves: its name says the day and whether it is the full one, the
 * shareable one leaves out the addresses, and the CSVs have one row per record.
 */
import { describe, expect, it } from 'vitest';
import { exportFile } from '../../src/store/export-file';
import { writeRound } from '../../src/store/write-round';
import { DAY, freshDb, makeRound, MIN, T0 } from './fixtures';

const NOW = T0 + 2 * DAY;
const day = new Date(NOW).toISOString().slice(0, 10);

async function history() {
  const db = await freshDb();
  for (let i = 0; i < 3; i++) await writeRound(db, makeRound(T0 + i * 5 * MIN, { states: { telegram: { state: 'blocked', how: 'dns' } } }));
  return db;
}

describe('the export file', () => {
  it('names the shareable JSON and the full one apart, both dated', async () => {
    const db = await history();
    const shareable = await exportFile(db, { format: 'json', full: false }, NOW);
    const full = await exportFile(db, { format: 'json', full: true }, NOW);
    expect([shareable.filename, shareable.mime]).toEqual([`blockwatch-history-${day}.json`, 'application/json']);
    expect(full.filename).toBe(`blockwatch-history-full-${day}.json`);
    expect(JSON.parse(shareable.text)).toMatchObject({ format: 'blockwatch-history', scope: 'shareable' });
    expect(JSON.parse(full.text)).toMatchObject({ format: 'blockwatch-history', scope: 'full' });
    expect(JSON.parse(full.text).rounds).toHaveLength(3);
  });

  it('leaves the addresses out of the shareable file and keeps them in the full one', async () => {
    const db = await history();
    const addresses = (text: string): unknown[] => (JSON.parse(text) as { observations: { ip?: string }[] }).observations.map((observation) => observation.ip).filter(Boolean);
    expect(addresses((await exportFile(db, { format: 'json', full: true }, NOW)).text).length).toBeGreaterThan(0);
    expect(addresses((await exportFile(db, { format: 'json', full: false }, NOW)).text)).toEqual([]);
  });

  it('gives CSV of observations and of incidents, one header and a row per record', async () => {
    const db = await history();
    const observations = await exportFile(db, { format: 'observations-csv', full: false }, NOW);
    expect([observations.filename, observations.mime]).toEqual([`blockwatch-observations-${day}.csv`, 'text/csv']);
    expect(observations.text.trim().split('\n').length).toBeGreaterThan(3);
    const incidents = await exportFile(db, { format: 'incidents-csv', full: true }, NOW);
    expect(incidents.filename).toBe(`blockwatch-incidents-${day}.csv`);
  });
});
