import { describe, expect, it } from 'vitest';
import { formatGoodput, formatLatency } from '../../src/format/measures';

describe('formatLatency', () => {
  it('shows milliseconds below a second and seconds above', () => {
    expect(formatLatency(320, 'en')).toBe('320 ms');
    expect(formatLatency(4_200, 'en')).toBe('4.2 sec');
  });
});

describe('formatGoodput', () => {
  it('shows a throttled 128 kbit/s line in kbit/s and a normal one in Mbit/s', () => {
    expect(formatGoodput(128, 'en')).toBe('128 kb/s');
    expect(formatGoodput(4_560, 'en')).toBe('4.6 Mb/s');
    expect(formatGoodput(25_000, 'en')).toBe('25 Mb/s');
  });

  it('uses the reader\'s units', () => {
    expect(formatGoodput(128, 'ru')).toBe('128 кбит/c');
  });
});
