/**
 * The store listings (store/listing/<lang>.md) exist in all six languages and fit both stores:
 * the Chrome Web Store takes the name and the short description from the manifest, so they must
 * be the locale's extName and extDescription; each text within the stricter of the stores' limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LISTING_LIMITS, parseListing } from '../../scripts/store/listing';

const LANGUAGES = ['en', 'ru', 'fa', 'zh_CN', 'tr', 'ar'] as const;
const length = (text: string): number => [...text].length;

describe('store listings', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: name and short description are the manifest's, every text within the limits`, () => {
      const listing = parseListing(readFileSync(`store/listing/${lang}.md`, 'utf8'));
      const messages = JSON.parse(readFileSync(`assets/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      expect(listing.name).toBe(messages.extName!.message);
      expect(listing.short).toBe(messages.extDescription!.message);
      expect(length(listing.name)).toBeLessThanOrEqual(LISTING_LIMITS.name);
      expect(length(listing.short)).toBeLessThanOrEqual(LISTING_LIMITS.short);
      expect(length(listing.description)).toBeGreaterThan(300);
      expect(length(listing.description)).toBeLessThanOrEqual(LISTING_LIMITS.description);
    });
  }

  it('a listing without its description is refused', () => {
    expect(() => parseListing('## Name\n\nBlockwatch\n\n## Short description\n\nChecks.\n')).toThrow(/Description/);
  });
});
