import { beforeAll, describe, expect, it } from 'vitest';
import { exportHistory, type HistoryExport } from '../../src/store/export';
import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS } from '../../src/store/export-format';
import { validateExport } from '../../src/store/validate-export';
import { writeRound } from '../../src/store/write-round';
import { change, freshDb, makeRound, MIN, T0 } from './fixtures';

let good: HistoryExport;

beforeAll(async () => {
  const db = await freshDb();
  for (let i = 0; i < 3; i++) {
    await writeRound(db, makeRound(T0 + i * 5 * MIN, {
      states: i === 1 ? { signal: { state: 'blocked', how: 'connect' } } : { whatsapp: { state: 'reachable', goodputKbps: 9_000 } },
      changes: i === 0 ? [change('signal', 'started', T0, { state: 'blocked', how: 'connect' })] : [],
    }));
  }
  good = await exportHistory(db, T0 + 20 * MIN);
});

/** A copy of the good export with one change made by `edit`. */
function broken(edit: (copy: Record<string, unknown> & { [K in keyof HistoryExport]: unknown[] | unknown }) => void): unknown {
  const copy = structuredClone(good) as unknown as Record<string, unknown> & { [K in keyof HistoryExport]: unknown[] | unknown };
  edit(copy);
  return copy;
}

const list = (copy: Record<string, unknown>, store: string): Record<string, unknown>[] => copy[store] as Record<string, unknown>[];

describe('validateExport', () => {
  it('accepts an export, as text or parsed', () => {
    expect(validateExport(good)).toEqual({ ok: true, data: good });
    const fromText = validateExport(JSON.stringify(good));
    expect(fromText.ok && fromText.data).toEqual(good);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['text that is not JSON', '{"format": "blockwatch-history",', 'not_json', /JSON|end/i],
    ['an empty file', '', 'not_json', /.+/],
    ['a list at the top', '[]', 'wrong_format', /not a Blockwatch history export/],
    ['a settings file', '{"version":1,"intervalMin":5}', 'wrong_format', /format is missing/],
    ['another program\'s JSON', { format: 'ooni-measurements', version: 1 }, 'wrong_format', /"ooni-measurements"/],
    ['a version that is not a number', { ...{}, format: 'blockwatch-history', version: '1' }, 'wrong_format', /version/],
  ])('rejects %s', (_name, input, code, detail) => {
    const result = validateExport(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.detail).toMatch(detail);
  });

  it('rejects a file from a newer Blockwatch, saying which version it is', () => {
    const result = validateExport({ ...good, version: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: 'newer_version' } });
    expect(!result.ok && result.error.detail).toMatch(/version 2/);
  });

  it('rejects text over the size limit before parsing it', () => {
    const huge = `{"format":"blockwatch-history","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(validateExport(huge)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it('rejects a parsed file with more records than the limit', () => {
    const many = { ...good, observations: new Array(MAX_IMPORT_RECORDS + 1).fill(good.observations[0]) };
    expect(validateExport(many)).toMatchObject({ ok: false, error: { code: 'too_large' } });
  });

  it.each<[string, (copy: Record<string, unknown>) => void, string]>([
    ['a store that is not a list', (copy) => { copy.rollups = {}; }, 'rollups must be a list'],
    ['a missing store', (copy) => { delete copy.incidents; }, 'incidents must be a list'],
    ['an unknown top-level field', (copy) => { copy.comment = 'hi'; }, 'unknown top-level field comment'],
    ['no export time', (copy) => { delete copy.exportedAt; }, 'exportedAt'],
  ])('rejects a file with %s as wrong_format', (_name, edit, detail) => {
    const result = validateExport(broken(edit));
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong_format' } });
    expect(!result.ok && result.error.detail).toContain(detail);
  });

  it.each<[string, (copy: Record<string, unknown>) => void, string, number, string]>([
    ['a round without its network verdict', (c) => { delete list(c, 'rounds')[1]!.network; }, 'rounds', 1, 'network is missing'],
    ['a round with an impossible time zone', (c) => { list(c, 'rounds')[0]!.utcOffsetMin = 5000; }, 'rounds', 0, 'utcOffsetMin must be a time zone offset'],
    ['a round repeated', (c) => { list(c, 'rounds').push(list(c, 'rounds')[0]!); }, 'rounds', 3, 'repeats the key'],
    ['a verdict with an unknown state', (c) => { list(c, 'verdicts')[4]!.st = 'throttled'; }, 'verdicts', 4, 'st must be a state'],
    ['a verdict with a bad kind of block', (c) => { list(c, 'verdicts')[0]!.h = 'firewall'; }, 'verdicts', 0, 'h must be a kind of block'],
    ['a verdict with a malformed component', (c) => { list(c, 'verdicts')[2]!.c = [['web', true, 10]]; }, 'verdicts', 2, 'c must be a list of components'],
    ['a verdict of a round not in the file', (c) => { list(c, 'verdicts')[5]!.r = T0 - 1; }, 'verdicts', 5, 'which is not in the file'],
    ['a verdict with negative seconds', (c) => { list(c, 'verdicts')[3]!.d = -300; }, 'verdicts', 3, 'd must be a number of seconds'],
    ['an observation with an unknown target', (c) => { list(c, 'observations')[7]!.t = 'q:who'; }, 'observations', 7, 't must be a target'],
    ['an observation with an unknown failure', (c) => { list(c, 'observations')[0]!.f = 'ECONNRESET'; }, 'observations', 0, 'f must be a failure code'],
    ['an observation with a huge error text', (c) => { list(c, 'observations')[1]!.x = 'e'.repeat(5000); }, 'observations', 1, 'x must be an error text'],
    ['an observation with a field of its own', (c) => { list(c, 'observations')[2]!.note = 'x'; }, 'observations', 2, 'unknown field note'],
    ['an observation that is not an object', (c) => { list(c, 'observations')[3] = null as unknown as Record<string, unknown>; }, 'observations', 3, 'is not an object'],
    ['an incident both open and ended', (c) => { list(c, 'incidents')[0]!.end = T0 + 1; }, 'incidents', 0, 'either an end or open'],
    ['an incident ending before it began', (c) => { const incident = list(c, 'incidents')[0]!; delete incident.open; incident.end = T0 - 1; }, 'incidents', 0, 'end is before start'],
    ['a roll-up of a day that does not exist', (c) => { list(c, 'rollups')[0]!.day = '2026-02-30'; }, 'rollups', 0, 'day must be a day'],
    ['a roll-up counting an unknown state', (c) => { list(c, 'rollups')[1]!.rounds = { fine: 3 }; }, 'rollups', 1, 'rounds must be counts per state'],
    ['a roll-up whose latency counts disagree', (c) => {
      const rollup = list(c, 'rollups').find((r) => r.latency !== undefined)!;
      (rollup.latency as { n: number }).n += 1;
    }, 'rollups', -1, 'latency must be a summary'],
  ])('rejects %s as bad_record, naming it', (_name, edit, store, index, detail) => {
    const result = validateExport(broken(edit));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad_record');
    expect(result.error.record?.store).toBe(store);
    if (index >= 0) expect(result.error.record?.index).toBe(index);
    expect(result.error.detail).toContain(detail);
    expect(result.error.detail).toContain(`${store}[${result.error.record?.index}]`);
  });
});

describe('validateExport: times, own keys and ids', () => {
  const at = (store: string, index = 0) => ({ store, index });

  it.each<[string, (copy: Record<string, unknown>) => void, string, { store: string; index: number } | undefined]>([
    ['a round two days after the file was made', (copy) => { list(copy, 'rounds')[1]!.roundId = (copy.exportedAt as number) + 2 * 86_400_000; }, 'future_time', at('rounds', 1)],
    ['an incident that starts two days after the file', (copy) => { list(copy, 'incidents')[0]!.start = (copy.exportedAt as number) + 2 * 86_400_000; }, 'future_time', at('incidents')],
    ['a roll-up of a day after the file', (copy) => { list(copy, 'rollups')[0]!.day = '2026-03-05'; }, 'future_time', at('rollups')],
    ['a round time beyond what a Date holds', (copy) => { list(copy, 'rounds')[0]!.at = 9e15; }, 'bad_time', at('rounds')],
    ['an incident end beyond what a Date holds', (copy) => { const incident = list(copy, 'incidents')[0]!; delete incident.open; incident.end = 8.7e15; }, 'bad_time', at('incidents')],
    ['an exportedAt beyond what a Date holds', (copy) => { copy.exportedAt = 9e15; }, 'bad_time', undefined],
    ['a record field named toString', (copy) => { Object.assign(list(copy, 'rounds')[0]!, { toString: 1 }); }, 'bad_record', at('rounds')],
    ['a record field named constructor', (copy) => { Object.assign(list(copy, 'incidents')[0]!, { constructor: 'x' }); }, 'bad_record', at('incidents')],
    ['a service id __proto__', (copy) => { list(copy, 'verdicts')[0]!.s = '__proto__'; }, 'bad_record', at('verdicts')],
    ['a service id toString', (copy) => { list(copy, 'verdicts')[0]!.s = 'toString'; }, 'bad_record', at('verdicts')],
    ['an incident subject constructor', (copy) => { list(copy, 'incidents')[0]!.subject = 'constructor'; }, 'bad_record', at('incidents')],
    ['a service id with a space', (copy) => { list(copy, 'verdicts')[0]!.s = 'what sapp'; }, 'bad_record', at('verdicts')],
    ['a target whose service is hasOwnProperty', (copy) => { list(copy, 'observations')[0]!.t = ['e', 'hasOwnProperty', 'web', 'x']; }, 'bad_record', at('observations')],
    ['an unknown scope', (copy) => { copy.scope = 'partial'; }, 'wrong_format', undefined],
  ])('refuses %s', (_label, edit, code, record) => {
    const copy = broken((value) => edit(value as Record<string, unknown>));
    const result = validateExport(copy, T0 + 20 * MIN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.record).toEqual(record);
  });

  it('refuses a field named __proto__ as JSON.parse makes it (an own key)', () => {
    const text = JSON.stringify(good).replace('"roundId":', '"__proto__":{"polluted":1},"roundId":');
    const result = validateExport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'bad_record', record: { store: 'rounds', index: 0 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file made more than a day after now, and accepts one made within the day', () => {
    const made = good.exportedAt;
    const tooEarly = validateExport(good, made - 2 * 86_400_000);
    expect(!tooEarly.ok && tooEarly.error.code).toBe('future_time');
    expect(validateExport(good, made - 12 * 3_600_000).ok).toBe(true);
  });

  it('accepts a round a few hours after the file date (a clock set a little wrong)', () => {
    const copy = broken((value) => {
      const rounds = list(value as Record<string, unknown>, 'rounds');
      (value as Record<string, unknown>).exportedAt = (rounds.at(-1)!.roundId as number) - 3 * 3_600_000;
    });
    expect(validateExport(copy).ok).toBe(true);
  });
});
