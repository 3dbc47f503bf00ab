/**
 * The shape of a failure table: exact raw words first, then prefixes for families of words
 * (every `CERT_*` of Chrome is a certificate problem). Each environment fills one, in its own file
 * beside this one; a word found in neither part is unknown and becomes `error`.
 */
import type { FailureCode } from './codes';

export interface FailureTable {
  readonly exact: Readonly<Record<string, FailureCode>>;
  /** Tried in order, so a longer, more specific prefix must come before a shorter one. */
  readonly prefixes: readonly (readonly [prefix: string, failure: FailureCode])[];
}

export function lookUpFailure(table: FailureTable, key: string): FailureCode | undefined {
  if (Object.hasOwn(table.exact, key)) return table.exact[key];
  for (const [prefix, failure] of table.prefixes) {
    if (key.startsWith(prefix)) return failure;
  }
  return undefined;
}
