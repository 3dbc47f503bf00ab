/**
 * The safety and legal note for a country: the country's own (COUNTRY_NOTES), else the general
 * one — the same note the guidance panel shows with advice; the welcome page shows it before any
 * check runs.
 */
import type { CountryCode } from '../catalogue/types';
import { COUNTRY_NOTES, LEGAL_GENERIC } from './advice';
import type { AdviceStep } from './types';

export function legalNotesFor(country: CountryCode | null): readonly AdviceStep[] {
  const legal = country === null ? undefined : COUNTRY_NOTES[country]?.legal;
  return legal && legal.length > 0 ? legal : [LEGAL_GENERIC];
}
