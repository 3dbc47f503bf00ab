import { describe, expect, it } from 'vitest';
import { formatShare } from '../../src/format/percent';

describe('formatShare', () => {
  it('never rounds a nearly perfect record up to 100 %', () => {
    expect(formatShare(0.9996, 'en')).toBe('99.9%');
    expect(formatShare(0.996, 'en')).toBe('99.6%');
    expect(formatShare(1, 'en')).toBe('100%');
  });

  it('never rounds a short outage down to 0 %', () => {
    expect(formatShare(0.0001, 'en')).toBe('0.1%');
    expect(formatShare(0.004, 'en')).toBe('0.4%');
    expect(formatShare(0, 'en')).toBe('0%');
  });

  it('uses whole numbers in between', () => {
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(0.974, 'en')).toBe('97%');
  });

  it('clamps values outside 0–1 instead of printing them', () => {
    expect(formatShare(1.7, 'en')).toBe('100%');
    expect(formatShare(-0.2, 'en')).toBe('0%');
  });

  it('writes the sign where the language puts it', () => {
    expect(formatShare(0.5, 'tr')).toBe('%50');
    expect(formatShare(0.5, 'fa')).toBe('۵۰٪');
  });
});
