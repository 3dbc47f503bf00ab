import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, LEDGER_DAYS, parseLedger, remainingToday, spend, spentToday } from '../../src/store/data-ledger';
import { DAY, HOUR, T0 } from './fixtures';

const MOSCOW = 180;

describe('data ledger', () => {
  it('adds up what the probes spent today', () => {
    let ledger = EMPTY_LEDGER;
    ledger = spend(ledger, 60_000, T0 + HOUR, MOSCOW);
    ledger = spend(ledger, 500_000, T0 + 2 * HOUR, MOSCOW);
    expect(spentToday(ledger, T0 + 3 * HOUR, MOSCOW)).toBe(560_000);
    expect(remainingToday(ledger, 15_000_000, T0 + 3 * HOUR, MOSCOW)).toBe(14_440_000);
  });

  it('starts a new day at local midnight, not UTC midnight', () => {
    // 20:59 and 21:01 UTC are either side of midnight in Moscow.
    let ledger = spend(EMPTY_LEDGER, 1_000, T0 + 21 * HOUR - 60_000, MOSCOW);
    expect(spentToday(ledger, T0 + 21 * HOUR + 60_000, MOSCOW)).toBe(0);
    ledger = spend(ledger, 2_000, T0 + 21 * HOUR + 60_000, MOSCOW);
    expect(ledger.days).toEqual({ '2026-03-01': 1_000, '2026-03-02': 2_000 });
  });

  it('never says less than nothing is left', () => {
    const ledger = spend(EMPTY_LEDGER, 20_000_000, T0, 0);
    expect(remainingToday(ledger, 15_000_000, T0, 0)).toBe(0);
  });

  it(`keeps only the last ${LEDGER_DAYS} days`, () => {
    let ledger = EMPTY_LEDGER;
    for (let d = 0; d < 12; d++) ledger = spend(ledger, 100 + d, T0 + d * DAY, 0);
    expect(Object.keys(ledger.days)).toHaveLength(LEDGER_DAYS);
    expect(Object.keys(ledger.days).sort()[0]).toBe('2026-03-06');
  });

  it('refuses a byte count that is not one', () => {
    expect(() => spend(EMPTY_LEDGER, -1, T0, 0)).toThrow(RangeError);
    expect(() => spend(EMPTY_LEDGER, Number.NaN, T0, 0)).toThrow(/not a number of bytes/);
  });

  it.each<[string, unknown, Record<string, number>]>([
    ['nothing stored yet', undefined, {}],
    ['a damaged value', 'garbage', {}],
    ['days that are not a map', { version: 1, days: [1, 2] }, {}],
    ['some damaged days among good ones', { version: 1, days: { '2026-03-01': 5_000, '2026-13-01': 7, yesterday: 3, '2026-03-02': -4, '2026-03-03': 10 } }, { '2026-03-01': 5_000, '2026-03-03': 10 }],
  ])('reads %s without failing, keeping what is valid', (_name, stored, days) => {
    expect(parseLedger(stored)).toEqual({ version: 1, days });
  });
});
