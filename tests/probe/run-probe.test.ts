import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProbe } from '../../src/probe/run-probe';
import { context, settle, T0 } from './context';
import { FakeTransport } from './fake-transport';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('runProbe', () => {
  it('runs the probe of the task’s kind', async () => {
    const transport = new FakeTransport(
      'chrome',
      { type: 'reject', detail: { error: 'net::ERR_CERT_AUTHORITY_INVALID' } },
      { type: 'reject', detail: { error: 'net::ERR_CERT_AUTHORITY_INVALID' } },
      { type: 'answer', status: 206, chunks: [{ bytes: new Uint8Array(10) }, { bytes: new Uint8Array(10) }] },
    );
    const ctx = context(transport);
    const target = { type: 'endpoint', serviceId: 's', componentId: 'c', endpointId: 'e' } as const;
    const http = await settle(runProbe({ kind: 'http', roundStart: T0, target, url: 'https://a.example/', method: 'HEAD' }, ctx));
    const reach = await settle(
      runProbe({ kind: 'reach', roundStart: T0, target, url: 'https://a.example/', method: 'HEAD', reachedOn: ['tls_cert_authority'] }, ctx),
    );
    const throughput = await settle(
      runProbe({ kind: 'throughput', roundStart: T0, target: { type: 'throughput', serviceId: 's' }, url: 'https://a.example/big', method: 'GET', bytes: 20, range: true }, ctx),
    );
    expect([http.kind, http.ok]).toEqual(['http', false]);
    expect([reach.kind, reach.ok]).toEqual(['reach', true]);
    expect([throughput.kind, throughput.ok, throughput.transfer?.complete]).toEqual(['throughput', true, false]);
  });
});
