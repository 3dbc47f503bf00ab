/**
 * Checks an export file completely before anything is written, and says what is wrong with the
 * first bad part in a way the user can act on (the code) and a developer can find (the detail,
 * naming the record and field). Unknown fields are rejected too: whatever passes is exactly what
 * the store holds.
 */
import { isFields, type Fields } from '../fields';
import { isPath, isPathSign } from '../classify/classify-path';
import { NETWORK_STATES } from '../classify/verdict';
import { isFailureCode } from '../probe/failure/codes';
import { isHow, isState, STATES } from '../states';
import { DAY_MS } from '../time-units';
import { EXPORT_FORMAT, EXPORT_SCOPES, EXPORT_VERSION, MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, type HistoryExport } from './export-format';
import { HTTP_METHODS, PROBE_KINDS } from './known-values';
import { isLocalDay, isUtcOffset } from './local-day';
import { HISTORY_STORES, type HistoryStoreName } from './schema';
import { isSummary } from './summary';
import { decodeTarget } from './target-code';

export const IMPORT_ERROR_CODES = ['not_json', 'too_large', 'too_large_to_send', 'wrong_format', 'newer_version', 'bad_record', 'future_time', 'bad_time'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export interface ImportError {
  readonly code: ImportErrorCode;
  /** For developers and bug reports; the interface shows the code's message. */
  readonly detail: string;
  /** For `bad_record`, `future_time` and `bad_time`: which record. */
  readonly record?: { readonly store: HistoryStoreName; readonly index: number };
}

export type ExportValidation = { readonly ok: true; readonly data: HistoryExport } | { readonly ok: false; readonly error: ImportError };

/** A problem with one record, or null. */
type Check = (record: Fields) => string | null;

const SPEEDS = ['ok', 'slow', 'stall'];
const TALLY_STATES = new Set<string>([...STATES, ...NETWORK_STATES]);
/** Longest id, URL and error text accepted: far above real ones, small enough to bound a bad file. */
const MAX_ID = 200;
const MAX_URL = 4096;
const MAX_TEXT = 1000;
/** Components in one verdict: services have a handful. */
const MAX_COMPONENTS = 50;

/**
 * The latest time `Date` can hold, ms (ECMA-262, "Time Values and Time Range": ±8.64e15 ms around
 * the epoch). A larger number is a safe integer but no date: it would break every date formatter.
 */
export const MAX_DATE_MS = 8.64e15;
/**
 * How far after the file's own `exportedAt` (and after now, for `exportedAt` itself) a time may
 * lie, ms: one day covers clocks set wrong by a time zone or a day; anything later is a damaged
 * or made-up file, whose "future" rounds would sort after every real one and hide them.
 */
export const FUTURE_SLACK_MS = DAY_MS;

/** A time in ms that `Date` can hold (range checked separately, with its own message). */
const isTime = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isCount = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isAmount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isText = (max: number) => (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= max;
/**
 * An id: printable ASCII without spaces, and never a name `Object.prototype` has (`__proto__`,
 * `constructor`, `toString`…), so an id used as a key in a plain object cannot reach its prototype.
 */
export const isId = (value: unknown): boolean =>
  isText(MAX_ID)(value) && /^[\x21-\x7e]+$/.test(value as string) && !Object.hasOwn(Object.prototype, value as string);
const isBit = (value: unknown): boolean => value === 0 || value === 1;

/** Runs field checks in order; unknown fields are an error. */
function fields(spec: Record<string, { required: boolean; test: (value: unknown) => boolean; what: string }>): Check {
  return (record) => {
    for (const [name, { required, test, what }] of Object.entries(spec)) {
      const value = record[name];
      if (value === undefined) {
        if (required) return `${name} is missing`;
      } else if (!test(value)) {
        return `${name} must be ${what}`;
      }
    }
    // Own keys only: `toString` or `__proto__` in a record must not match Object's.
    const unknown = Object.keys(record).find((name) => !Object.hasOwn(spec, name));
    return unknown === undefined ? null : `unknown field ${unknown}`;
  };
}

const need = (test: (value: unknown) => boolean, what: string) => ({ required: true, test, what });
const may = (test: (value: unknown) => boolean, what: string) => ({ required: false, test, what });

const isNetwork = (value: unknown): boolean =>
  isFields(value) &&
  (NETWORK_STATES as readonly unknown[]).includes(value.state) &&
  ['intlUp', 'intlDown', 'domesticUp', 'domesticDown'].every((name) => isCount(value[name])) &&
  Object.keys(value).length === 5;

/** A target whose ids are all ids. */
const isTargetCode = (value: unknown): boolean => {
  const target = decodeTarget(value);
  if (target === undefined) return false;
  const ids = target.type === 'endpoint' ? [target.serviceId, target.componentId, target.endpointId] : target.type === 'throughput' ? [target.serviceId] : [target.controlId];
  return ids.every(isId);
};

const checkRound = fields({
  roundId: need(isTime, 'a time in ms'),
  at: need(isTime, 'a time in ms'),
  network: need(isNetwork, 'a network verdict'),
  path: may(isPath, 'direct or proxy'),
  pathSigns: may((value) => Array.isArray(value) && value.every(isPathSign), 'a list of path signs'),
  exitCountry: may((value) => typeof value === 'string' && /^[A-Z]{2}$/.test(value), 'a country code'),
  wireBytes: need(isAmount, 'a byte count'),
  seconds: need(isAmount, 'a number of seconds'),
  utcOffsetMin: need(isUtcOffset, 'a time zone offset in minutes'),
  storedBytes: need(isAmount, 'a byte count'),
});

const isComponent = (value: unknown): boolean => {
  if (!Array.isArray(value) || value.length < 2 || value.length > 5) return false;
  const [id, ok, latency, how, failure] = value as unknown[];
  return (
    isId(id) &&
    isBit(ok) &&
    (latency === undefined || latency === null || isAmount(latency)) &&
    (how === undefined || how === null || isHow(how)) &&
    (failure === undefined || failure === null || isFailureCode(failure))
  );
};

const checkVerdict = fields({
  s: need(isId, 'a service id'),
  r: need(isTime, 'a round id (ms)'),
  st: may(isState, 'a state'),
  h: may(isHow, 'a kind of block'),
  c: need((value) => Array.isArray(value) && value.length <= MAX_COMPONENTS && value.every(isComponent), 'a list of components'),
  sp: may((value) => SPEEDS.includes(value as string), 'a speed'),
  sr: may(isAmount, 'a ratio'),
  gp: may(isAmount, 'kbit/s'),
  ms: may((value) => value === null || isAmount(value), 'ms or null'),
  sw: may((value) => value === 1, '1'),
  d: need(isAmount, 'a number of seconds'),
});

const isTransfer = fields({
  headersMs: need(isAmount, 'ms'),
  firstByteMs: may(isAmount, 'ms'),
  goodputKbps: may(isAmount, 'kbit/s'),
  longestGapMs: need(isAmount, 'ms'),
  stalled: need((value) => typeof value === 'boolean', 'true or false'),
  complete: need((value) => typeof value === 'boolean', 'true or false'),
});

const checkObservation = fields({
  r: need(isTime, 'a round id (ms)'),
  n: need(isCount, 'a position'),
  t: need(isTargetCode, 'a target'),
  k: may((value) => PROBE_KINDS.includes(value as never), 'a probe kind'),
  o: need((value) => Number.isSafeInteger(value), 'ms'),
  d: need(isAmount, 'ms'),
  ok: may((value) => value === 0, '0 (or absent)'),
  st: may((value) => Number.isInteger(value) && (value as number) >= 100 && (value as number) <= 999, 'an HTTP status'),
  w: need(isAmount, 'a byte count'),
  f: may(isFailureCode, 'a failure code'),
  bp: may(isId, 'a blockpage id'),
  co: may(isBit, '0 or 1'),
  fu: may(isText(MAX_URL), 'a URL'),
  tr: may((value) => isFields(value) && isTransfer(value) === null, 'transfer timings'),
  u: may(isText(MAX_URL), 'a URL'),
  m: may((value) => HTTP_METHODS.includes(value as never), 'an HTTP method'),
  x: may(isText(MAX_TEXT), 'an error text'),
  ip: may(isText(64), 'an address'),
  re: may((value) => Array.isArray(value) && value.length === 2 && isBit(value[0]) && isAmount(value[1]), '[headers, bytes]'),
});

const checkIncidentFields = fields({
  subject: need(isId, 'a service id or @network'),
  start: need(isTime, 'a time in ms'),
  state: need(isState, 'a state'),
  how: may(isHow, 'a kind of block'),
  end: may(isTime, 'a time in ms'),
  open: may((value) => value === 1, '1'),
});

const checkIncident: Check = (record) => {
  const problem = checkIncidentFields(record);
  if (problem) return problem;
  if ((record.open === 1) === (record.end !== undefined)) return 'must have either an end or open: 1';
  if (record.end !== undefined && (record.end as number) < (record.start as number)) return 'end is before start';
  return null;
};

const isTally = (value: unknown): boolean => isFields(value) && Object.entries(value).every(([state, amount]) => TALLY_STATES.has(state) && isAmount(amount));

const checkRollup = fields({
  subject: need(isId, 'a service id or @network'),
  day: need(isLocalDay, 'a day (YYYY-MM-DD)'),
  rounds: need(isTally, 'counts per state'),
  seconds: need(isTally, 'seconds per state'),
  latency: may(isSummary, 'a summary'),
  goodput: may(isSummary, 'a summary'),
  wireBytes: may(isAmount, 'a byte count'),
  proxySeconds: may(isAmount, 'a number of seconds'),
});

/** The fields of each store that hold a time (ms since the epoch), checked against the range and the file's date. */
const TIME_FIELDS: Readonly<Record<HistoryStoreName, readonly string[]>> = {
  rounds: ['roundId', 'at'],
  verdicts: ['r'],
  observations: ['r'],
  incidents: ['start', 'end'],
  rollups: [],
};

/** The rollup's day as the time of its first ms (UTC), for the same checks. */
const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`);

const KEYS: Readonly<Record<HistoryStoreName, (record: Fields) => string>> = {
  rounds: (r) => String(r.roundId),
  verdicts: (r) => `${String(r.s)}|${String(r.r)}`,
  observations: (r) => `${String(r.r)}|${String(r.n)}`,
  incidents: (r) => `${String(r.subject)}|${String(r.start)}`,
  rollups: (r) => `${String(r.subject)}|${String(r.day)}`,
};

const CHECKS: Readonly<Record<HistoryStoreName, Check>> = {
  rounds: checkRound,
  verdicts: checkVerdict,
  observations: checkObservation,
  incidents: checkIncident,
  rollups: checkRollup,
};

const STORES = HISTORY_STORES;

const fail = (code: ImportErrorCode, detail: string, record?: ImportError['record']): ExportValidation => ({
  ok: false,
  error: { code, detail, ...(record ? { record } : {}) },
});

/**
 * Validates an export: the file's text (checked for size, then parsed) or an already parsed value.
 * On success, `data` is the same value, typed.
 */
export function validateExport(input: unknown, now?: number): ExportValidation {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_BYTES) return fail('too_large', `${input.length} characters; the limit is ${MAX_IMPORT_BYTES}`);
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return fail('not_json', error instanceof Error ? error.message : 'the text is not JSON');
    }
  }
  if (!isFields(value)) return fail('wrong_format', 'the file is not a Blockwatch history export (no object at the top)');
  if (value.format !== EXPORT_FORMAT) return fail('wrong_format', `format is ${JSON.stringify(value.format) ?? 'missing'}, expected "${EXPORT_FORMAT}"`);
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 1) return fail('wrong_format', 'version must be a positive whole number');
  if ((value.version as number) > EXPORT_VERSION) {
    return fail('newer_version', `the file is format version ${String(value.version)}; this Blockwatch reads up to ${EXPORT_VERSION}`);
  }
  if (!isTime(value.exportedAt)) return fail('wrong_format', 'exportedAt must be a time in ms');
  const exportedAt = value.exportedAt as number;
  if (exportedAt > MAX_DATE_MS) return fail('bad_time', `exportedAt ${exportedAt} is beyond the dates a Date can hold`);
  if (now !== undefined && exportedAt > now + FUTURE_SLACK_MS) {
    return fail('future_time', `exportedAt ${new Date(exportedAt).toISOString()} is more than a day after now (${new Date(now).toISOString()})`);
  }
  if (value.scope !== undefined && !(EXPORT_SCOPES as readonly unknown[]).includes(value.scope)) return fail('wrong_format', 'scope must be "shareable" or "full"');
  // Times are refused after the file's own date plus a day (a file cannot hold rounds after it was made).
  const latest = exportedAt + FUTURE_SLACK_MS;
  const allowed = new Set<string>(['format', 'version', 'exportedAt', 'scope', ...STORES]);
  const extra = Object.keys(value).find((name) => !allowed.has(name));
  if (extra !== undefined) return fail('wrong_format', `unknown top-level field ${extra}`);

  let total = 0;
  for (const store of STORES) {
    const list = value[store];
    if (!Array.isArray(list)) return fail('wrong_format', `${store} must be a list`);
    total += list.length;
  }
  if (total > MAX_IMPORT_RECORDS) return fail('too_large', `${total} records; the limit is ${MAX_IMPORT_RECORDS}`);

  const roundIds = new Set<number>();
  for (const store of STORES) {
    const list = value[store] as unknown[];
    const seen = new Set<string>();
    for (let index = 0; index < list.length; index++) {
      const record = list[index];
      const at = { store, index };
      if (!isFields(record)) return fail('bad_record', `${store}[${index}] is not an object`, at);
      const problem = CHECKS[store](record);
      if (problem) return fail('bad_record', `${store}[${index}]: ${problem}`, at);
      const times = TIME_FIELDS[store].filter((name) => record[name] !== undefined).map((name) => [name, record[name] as number] as const);
      if (store === 'rollups') times.push(['day', dayStart(record.day as string)]);
      for (const [name, time] of times) {
        if (time > MAX_DATE_MS) return fail('bad_time', `${store}[${index}]: ${name} ${time} is beyond the dates a Date can hold`, at);
        if (time > latest) {
          return fail('future_time', `${store}[${index}]: ${name} ${new Date(time).toISOString()} is more than a day after the file was made (${new Date(exportedAt).toISOString()})`, at);
        }
      }
      const key = KEYS[store](record);
      if (seen.has(key)) return fail('bad_record', `${store}[${index}] repeats the key of an earlier record`, at);
      seen.add(key);
      if (store === 'rounds') roundIds.add(record.roundId as number);
      if ((store === 'verdicts' || store === 'observations') && !roundIds.has(record.r as number)) {
        return fail('bad_record', `${store}[${index}] belongs to round ${String(record.r)}, which is not in the file`, at);
      }
    }
  }
  return { ok: true, data: value as unknown as HistoryExport };
}
