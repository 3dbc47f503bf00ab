/**
 * Every ISO 3166 country as a choice, named in the reader's language by `Intl.DisplayNames` and
 * sorted by that name. The codes come from the settings validator's own list (every two-letter
 * pair it accepts), so the page never offers a code the background would refuse.
 */
import { isCountryCode } from '../../src/settings/country-codes';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface CountryChoice {
  readonly code: string;
  readonly name: string;
}

export function countryChoices(locale: string): CountryChoice[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' });
  } catch {
    // Without names, codes still work.
  }
  const choices: CountryChoice[] = [];
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      if (isCountryCode(code)) choices.push({ code, name: names?.of(code) ?? code });
    }
  }
  const collator = new Intl.Collator(locale);
  return choices.sort((a, b) => collator.compare(a.name, b.name));
}
