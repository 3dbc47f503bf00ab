/** Observation builders for classifier tests: short to read, complete enough to be real. */
import type { Control, Service } from '../../src/catalogue/types';
import type { FailureCode } from '../../src/probe/failure/codes';
import type { Observation, TargetRef } from '../../src/probe/observation';

const SOURCE = { ref: 'test fixture', checked: '2026-11-01' };

export const MESSENGER: Service = {
  id: 'messenger-x',
  name: 'Messenger X',
  components: [
    { id: 'web', role: 'web', endpoints: [{ id: 'x.web.main', kind: 'http', url: 'https://web.x.test/', method: 'HEAD', source: SOURCE }] },
    {
      id: 'chat',
      role: 'chat',
      endpoints: [
        { id: 'x.chat.a', kind: 'reach', url: 'https://chat-a.x.test/', method: 'HEAD', reachedOn: ['tls_cert_authority'], source: SOURCE },
        { id: 'x.chat.b', kind: 'reach', url: 'https://chat-b.x.test/', method: 'HEAD', reachedOn: ['tls_cert_authority'], source: SOURCE },
      ],
    },
    { id: 'media', role: 'media', endpoints: [{ id: 'x.media.cdn', kind: 'http', url: 'https://cdn.x.test/', method: 'HEAD', source: SOURCE }] },
  ],
  throughput: { url: 'https://cdn.x.test/big', bytes: 65536, range: true, source: SOURCE },
};

export const CONTROLS: Control[] = [
  { id: 'intl-a', url: 'http://a.test/generate_204', method: 'GET', region: 'intl', expect: { status: 204 }, source: SOURCE },
  { id: 'intl-b', url: 'http://b.test/success.txt', method: 'GET', region: 'intl', expect: { bodyIncludes: 'success' }, source: SOURCE },
  { id: 'ru-a', url: 'https://ya.test/', method: 'HEAD', region: 'RU', source: SOURCE },
  { id: 'ir-a', url: 'https://ir.test/', method: 'HEAD', region: 'IR', source: SOURCE },
];

let clock = 1_000;

function observation(target: TargetRef, fields: Partial<Observation>): Observation {
  clock += 10;
  return {
    roundStart: 1,
    target,
    kind: 'http',
    url: 'https://example.test/',
    method: 'HEAD',
    at: clock,
    ms: 120,
    ok: true,
    reached: { headers: true, bytes: 0 },
    wireBytes: 4000,
    ...fields,
  };
}

export const answer = (endpointId: string, componentId: string, fields: Partial<Observation> = {}): Observation =>
  observation({ type: 'endpoint', serviceId: MESSENGER.id, componentId, endpointId }, { status: 200, ...fields });

export const failure = (endpointId: string, componentId: string, code: FailureCode, fields: Partial<Observation> = {}): Observation =>
  observation(
    { type: 'endpoint', serviceId: MESSENGER.id, componentId, endpointId },
    { ok: false, failure: code, raw: code, reached: { headers: false, bytes: 0 }, ms: 15_000, ...fields },
  );

export const controlUp = (controlId: string, contentOk?: boolean): Observation =>
  observation({ type: 'control', controlId }, { status: 204, ...(contentOk !== undefined ? { contentOk } : {}) });

export const controlDown = (controlId: string, code: FailureCode = 'timeout'): Observation =>
  observation({ type: 'control', controlId }, { ok: false, failure: code, reached: { headers: false, bytes: 0 } });

export const throughput = (fields: Partial<Observation> & { goodputKbps?: number; stalled?: boolean; complete?: boolean; bytes?: number }): Observation => {
  const { goodputKbps, stalled = false, complete = false, bytes = 65536, ...rest } = fields;
  return observation(
    { type: 'throughput', serviceId: MESSENGER.id },
    {
      kind: 'throughput',
      method: 'GET',
      status: 206,
      reached: { headers: true, bytes },
      transfer: { headersMs: 100, firstByteMs: 120, ...(goodputKbps !== undefined ? { goodputKbps } : {}), longestGapMs: stalled ? 9_000 : 50, stalled, complete },
      ...rest,
    },
  );
};

export const throughputControl = (goodputKbps: number, stalled = false): Observation =>
  observation(
    { type: 'throughput-control', controlId: 'tc' },
    {
      kind: 'throughput',
      method: 'GET',
      status: 206,
      reached: { headers: true, bytes: 65536 },
      transfer: { headersMs: 50, firstByteMs: 60, goodputKbps, longestGapMs: stalled ? 9_000 : 10, stalled, complete: false },
    },
  );
