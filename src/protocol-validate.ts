/**
 * Every field of every request a page sends is checked in the background before a handler sees
 * it: one validator per request kind of the closed set in protocol.ts (a missing one does not
 * compile). A request with a missing, extra or wrong field is refused with a message naming the
 * field, and nothing changes. `updateSettings.update` and `importData.text` are checked in depth
 * by their own validators (settings/validate.ts, store/validate-export.ts).
 */
import { EXPORT_FORMATS, type RequestMessage, type RequestName, type RequestOf } from './protocol';
import { isPauseChoice } from './settings/pause';
import { MAX_ID_LENGTH } from './settings/schema';
import { SPANS } from './store/history-range';

export type RequestCheck<K extends RequestName> = { readonly ok: true; readonly request: RequestOf<K> } | { readonly ok: false; readonly error: string };

type Fields = Readonly<Record<string, unknown>>;
/** A field's problem, or null. */
type FieldTest = (value: unknown) => string | null;

const isTime = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** Exactly these fields besides `type`, each passing its test. */
function exactly<K extends RequestName>(name: K, tests: Readonly<Record<string, FieldTest>>, whole?: (fields: Fields) => string | null) {
  return (message: Fields): RequestCheck<K> => {
    for (const field of Object.keys(message)) {
      if (field !== 'type' && !Object.hasOwn(tests, field)) return { ok: false, error: `${name}: unknown field "${field}"` };
    }
    for (const [field, test] of Object.entries(tests)) {
      if (!Object.hasOwn(message, field)) return { ok: false, error: `${name}: "${field}" is missing` };
      const problem = test(message[field]);
      if (problem !== null) return { ok: false, error: `${name}: "${field}" ${problem}` };
    }
    const problem = whole ? whole(message) : null;
    if (problem !== null) return { ok: false, error: `${name}: ${problem}` };
    const { type: _type, ...request } = message;
    return { ok: true, request: request as unknown as RequestOf<K> };
  };
}

const serviceId: FieldTest = (value) =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[\x21-\x7e]+$/.test(value) ? null : 'must be a service id';
const time: FieldTest = (value) => (isTime(value) ? null : 'must be a time in ms');
const anything: FieldTest = () => null;

const VALIDATORS: { readonly [K in RequestName]: (message: Fields) => RequestCheck<K> } = {
  getSnapshot: exactly('getSnapshot', {}),
  runNow: exactly('runNow', {}),
  measureSpeed: exactly('measureSpeed', { serviceId }),
  getHistory: exactly('getHistory', { span: (value) => (typeof value === 'string' && Object.hasOwn(SPANS, value) ? null : `must be one of ${Object.keys(SPANS).join(', ')}`) }),
  getIncidents: exactly('getIncidents', { from: time, to: time }, (fields) => ((fields.from as number) <= (fields.to as number) ? null : '"from" is after "to"')),
  getSettings: exactly('getSettings', {}),
  // Any value: validateSettingsUpdate checks it field by field and says which field is wrong.
  updateSettings: exactly('updateSettings', { update: anything }),
  exportData: exactly('exportData', {
    format: (value) => ((EXPORT_FORMATS as readonly unknown[]).includes(value) ? null : `must be one of ${EXPORT_FORMATS.join(', ')}`),
    full: (value) => (typeof value === 'boolean' ? null : 'must be true or false'),
  }),
  // The text is checked whole by validateExport (size, JSON, every record).
  importData: exactly('importData', { text: (value) => (typeof value === 'string' ? null : 'must be text') }),
  clearData: exactly('clearData', {}),
  pause: exactly('pause', { choice: (value) => (isPauseChoice(value) ? null : 'must be 1h, 8h or resume') }),
  resume: exactly('resume', {}),
};

/** The request's fields without `type`, checked; or why it is refused. */
export function validateRequest<K extends RequestName>(message: RequestMessage & { readonly type: K }): RequestCheck<K> {
  const validator = VALIDATORS[message.type] as (message: Fields) => RequestCheck<K>;
  return validator(message as unknown as Fields);
}
