/**
 * Every request a page sends is checked field by field before a handler runs: a malformed one is
 * refused with a message naming the field, and its handler is never called (so nothing changes).
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_NAMES, type RequestMessage } from '../src/protocol';
import { validateRequest } from '../src/protocol-validate';

const check = (message: Record<string, unknown>) => validateRequest(message as unknown as RequestMessage);

describe('validateRequest', () => {
  it.each<[string, Record<string, unknown>]>([
    ['getSnapshot', { type: 'getSnapshot' }],
    ['runNow', { type: 'runNow' }],
    ['measureSpeed', { type: 'measureSpeed', serviceId: 'youtube' }],
    ['getHistory', { type: 'getHistory', span: '7d' }],
    ['getIncidents', { type: 'getIncidents', from: 0, to: 1_700_000_000_000 }],
    ['getSettings', { type: 'getSettings' }],
    ['updateSettings', { type: 'updateSettings', update: { intervalMin: 10 } }],
    ['exportData', { type: 'exportData', format: 'observations-csv', full: false }],
    ['importData', { type: 'importData', text: '{}' }],
    ['clearData', { type: 'clearData' }],
    ['pause', { type: 'pause', choice: '8h' }],
    ['resume', { type: 'resume' }],
  ])('accepts a well-formed %s and hands its fields on without the type', (_name, message) => {
    const { type: _type, ...fields } = message;
    expect(check(message)).toEqual({ ok: true, request: fields });
  });

  it('has a case above for every request kind', () => {
    expect(REQUEST_NAMES).toHaveLength(12);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ type: 'getSnapshot', extra: 1 }, /getSnapshot: unknown field "extra"/],
    [{ type: 'runNow', toString: 'x' }, /unknown field "toString"/],
    [{ type: 'measureSpeed' }, /"serviceId" is missing/],
    [{ type: 'measureSpeed', serviceId: 42 }, /"serviceId" must be a service id/],
    [{ type: 'measureSpeed', serviceId: 'you tube' }, /"serviceId" must be a service id/],
    [{ type: 'measureSpeed', serviceId: 'x'.repeat(301) }, /"serviceId" must be a service id/],
    [{ type: 'getHistory', span: 'toString' }, /"span" must be one of 24h, 7d, 30d, 90d/],
    [{ type: 'getHistory', span: '1y' }, /"span" must be one of/],
    [{ type: 'getIncidents', from: -1, to: 5 }, /"from" must be a time in ms/],
    [{ type: 'getIncidents', from: 1.5, to: 5 }, /"from" must be a time in ms/],
    [{ type: 'getIncidents', from: 10, to: 5 }, /"from" is after "to"/],
    [{ type: 'getIncidents', from: 0 }, /"to" is missing/],
    [{ type: 'updateSettings' }, /"update" is missing/],
    [{ type: 'exportData', format: 'json' }, /"full" is missing/],
    [{ type: 'exportData', format: 'xml', full: true }, /"format" must be one of json, observations-csv, incidents-csv/],
    [{ type: 'exportData', format: 'json', full: 'yes' }, /"full" must be true or false/],
    [{ type: 'importData', text: { rounds: [] } }, /"text" must be text/],
    [{ type: 'pause', choice: '2h' }, /"choice" must be 1h, 8h or resume/],
    [{ type: 'pause' }, /"choice" is missing/],
    [{ type: 'resume', choice: '1h' }, /unknown field "choice"/],
  ])('refuses %j: %s', (message, error) => {
    const result = check(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('refuses __proto__ as a field (an own key from JSON) without touching any prototype', () => {
    const message = JSON.parse('{"type":"clearData","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const result = check(message);
    expect(result).toEqual({ ok: false, error: 'clearData: unknown field "__proto__"' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
