/** Untrusted data read as an object of named fields: stored settings and state, imported files. */
export type Fields = Readonly<Record<string, unknown>>;

/** A plain object (not null, not an array): its fields can be read and checked one by one. */
export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
