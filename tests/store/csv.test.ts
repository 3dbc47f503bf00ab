import { describe, expect, it } from 'vitest';
import { incidentRows, observationRows, toCsv } from '../../src/store/csv';
import { encodeObservation } from '../../src/store/round-records';
import type { IncidentRecord } from '../../src/store/schema';
import { makeRound, T0 } from './fixtures';

describe('toCsv', () => {
  it('quotes what needs quoting and nothing else, with CRLF line ends', () => {
    expect(toCsv([
      ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '', null, undefined, 42, true],
    ])).toBe('plain,"a,b","say ""hi""","two\nlines"," padded ",,,,42,true\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv([['=HYPERLINK("http://evil")', '+1', '-cmd', '@SUM(A1)', 'ok=fine']])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'-cmd,'@SUM(A1),ok=fine\r\n`);
  });

  it('writes numbers plainly, and nothing for a number that is not finite', () => {
    expect(toCsv([[-5, 0.25, Number.NaN, Infinity]])).toBe('-5,0.25,,\r\n');
  });

  it('an empty table is empty text', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('observationRows', () => {
  it('one row per probe in time order, with a failed probe\'s evidence', () => {
    const round = makeRound(T0, { states: { telegram: { state: 'blocked', how: 'connect' } } });
    const records = round.observations.map((observation, i) => encodeObservation(observation, i)).reverse();
    const rows = observationRows(records);
    expect(rows).toHaveLength(13);
    expect(rows[0]?.slice(0, 6)).toEqual(['round', 'time', 'target_type', 'service', 'component', 'target_id']);
    const header = rows[0] as readonly string[];
    const telegram = rows[2]!;
    const cell = (name: string) => telegram[header.indexOf(name)];
    expect(cell('round')).toBe('2026-03-01T00:00:00.000Z');
    expect(cell('target_id')).toBe('telegram.chat.main');
    expect(cell('ok')).toBe(false);
    expect(cell('failure')).toBe('connect_timeout');
    expect(cell('raw_error')).toBe('net::ERR_CONNECTION_TIMED_OUT');
    expect(cell('url')).toBe(`https://telegram.example/?bw=${T0}-1`);
    // A successful probe has no URL stored: its endpoint id says where it went.
    expect(rows[1]?.[header.indexOf('url')]).toBeUndefined();
    expect(rows[12]?.[header.indexOf('target_type')]).toBe('control');
  });
});

describe('incidentRows', () => {
  it('gives start, end and minutes; an open incident has neither end nor minutes', () => {
    const incidents: IncidentRecord[] = [
      { subject: 'telegram', start: T0 + 3_600_000, state: 'blocked', how: 'reset', open: 1 },
      { subject: 'whatsapp', start: T0, state: 'blocked', how: 'dns', end: T0 + 90 * 60_000 },
    ];
    expect(toCsv(incidentRows(incidents))).toBe(
      'subject,state,how,start,end,minutes\r\n' +
        'whatsapp,blocked,dns,2026-03-01T00:00:00.000Z,2026-03-01T01:30:00.000Z,90\r\n' +
        'telegram,blocked,reset,2026-03-01T01:00:00.000Z,,\r\n',
    );
  });
});
