import { describe, expect, it } from 'vitest';
import { bytesToMegabytes, formatBytes } from '../../src/format/byte-size';

describe('formatBytes', () => {
  it('uses decimal units, as data plans and the budget setting do', () => {
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(15_000_000, 'en')).toBe('15 MB');
    expect(formatBytes(2_500, 'en')).toBe('2.5 kB');
    expect(formatBytes(1_500_000_000, 'en')).toBe('1.5 GB');
  });

  it('keeps one decimal only below 10 of a unit', () => {
    expect(formatBytes(12_345_678, 'en')).toBe('12 MB');
  });

  it('uses the reader\'s decimal separator', () => {
    expect(formatBytes(1_234_567, 'ru')).toBe('1,2 МБ');
  });

  it('reads a missing or negative count as zero', () => {
    expect(formatBytes(Number.NaN, 'en')).toBe(formatBytes(0, 'en'));
    expect(formatBytes(-1, 'en')).toBe(formatBytes(0, 'en'));
  });
});

describe('bytesToMegabytes', () => {
  it('gives the budget field its value in MB', () => {
    expect(bytesToMegabytes(15_000_000)).toBe(15);
    expect(bytesToMegabytes(1_250_000)).toBe(1.3);
  });
});
