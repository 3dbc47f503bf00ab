/**
 * What a valid value of each settings field is, shared by migration (which keeps every valid part
 * of a stored value) and validation (which refuses an invalid change and says why).
 */
import { CUSTOM_TARGET_MAX_CHARS } from '../catalogue/custom-target';
import type { CountryCode } from '../catalogue/types';
import { LONGEST_ROUND_INTERVAL_MIN, SHORTEST_ROUND_INTERVAL_MIN } from '../defaults';
import { isCountryCode } from './country-codes';
import {
  DATA_BUDGET_MAX_BYTES,
  DATA_BUDGET_MIN_BYTES,
  MAX_CUSTOM_TARGETS,
  MAX_ID_LENGTH,
  MAX_LISTED_IDS,
  type CustomTarget,
} from './schema';

export const SETTINGS_ERROR_CODES = [
  'not_object',
  'unknown_field',
  'read_only',
  'not_integer',
  'out_of_range',
  'not_boolean',
  'not_list',
  'bad_id',
  'duplicate',
  'too_many',
  'bad_target',
  'bad_country',
] as const;
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number];

export type Rule<T> = (value: unknown) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: SettingsErrorCode; readonly index?: number };

const pass = <T>(value: T) => ({ ok: true as const, value });
const reject = (code: SettingsErrorCode, index?: number) => ({ ok: false as const, code, ...(index !== undefined ? { index } : {}) });

export function integerIn(min: number, max: number): Rule<number> {
  return (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return reject('not_integer');
    return value >= min && value <= max ? pass(value) : reject('out_of_range');
  };
}

export const intervalRule = integerIn(SHORTEST_ROUND_INTERVAL_MIN, LONGEST_ROUND_INTERVAL_MIN);
export const dataBudgetRule = integerIn(DATA_BUDGET_MIN_BYTES, DATA_BUDGET_MAX_BYTES);

export const booleanRule: Rule<boolean> = (value) => (typeof value === 'boolean' ? pass(value) : reject('not_boolean'));

/** A service id: printable, no spaces (ids go into storage keys, messages and locale keys). */
export function isServiceId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[\x21-\x7e]+$/.test(value);
}

/** Country codes are compared in upper case; lower case from a hand-edited value is accepted. */
export const countryRule: Rule<CountryCode | null> = (value) => {
  if (value === null) return pass(null);
  const code = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  return isCountryCode(code) ? pass(code) : reject('bad_country');
};

export const idListRule: Rule<readonly string[]> = (value) => {
  if (!Array.isArray(value)) return reject('not_list');
  if (value.length > MAX_LISTED_IDS) return reject('too_many');
  const seen = new Set<string>();
  for (let index = 0; index < value.length; index++) {
    const id: unknown = value[index];
    if (!isServiceId(id)) return reject('bad_id', index);
    if (seen.has(id)) return reject('duplicate', index);
    seen.add(id);
  }
  return pass(value as string[]);
};

export function isCustomTarget(value: unknown): value is CustomTarget {
  if (typeof value !== 'object' || value === null) return false;
  const { input, id } = value as Record<string, unknown>;
  return typeof input === 'string' && input.trim() !== '' && input.length <= CUSTOM_TARGET_MAX_CHARS && isServiceId(id) && Object.keys(value).length === 2;
}

/**
 * Custom targets. `idFor` is the catalogue's parser (`parseCustomTarget`), given by the caller:
 * when present, each target's id must be the one its input parses to, so a page cannot store a
 * target under another service's id.
 */
export function customTargetsRule(idFor?: (input: string) => string | null): Rule<readonly CustomTarget[]> {
  return (value) => {
    if (!Array.isArray(value)) return reject('not_list');
    if (value.length > MAX_CUSTOM_TARGETS) return reject('too_many');
    const seen = new Set<string>();
    for (let index = 0; index < value.length; index++) {
      const target: unknown = value[index];
      if (!isCustomTarget(target)) return reject('bad_target', index);
      if (idFor && idFor(target.input) !== target.id) return reject('bad_target', index);
      if (seen.has(target.id)) return reject('duplicate', index);
      seen.add(target.id);
    }
    return pass(value.map((target: CustomTarget) => ({ input: target.input, id: target.id })));
  };
}
