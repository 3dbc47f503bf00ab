import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReachTask } from '../../src/probe/probe';
import { probeAnswer } from '../../src/probe/answer';
import { context, settle, T0 } from './context';
import { FakeTransport, type Behaviour } from './fake-transport';

const task = (overrides: Partial<ReachTask> = {}): ReachTask => ({
  kind: 'reach',
  roundStart: T0,
  target: { type: 'endpoint', serviceId: 'signal', componentId: 'chat', endpointId: 'signal.chat.service' },
  url: 'https://chat.signal.org/',
  method: 'HEAD',
  reachedOn: ['tls_cert_authority'],
  ...overrides,
});

async function run(environment: 'chrome' | 'firefox' | 'node', behaviour: Behaviour, t = task()) {
  const transport = new FakeTransport(environment, behaviour);
  return settle(probeAnswer(t, context(transport, { headersTimeoutMs: 500 })));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('reach probe', () => {
  it('a failure listed in reachedOn proves the host reachable, failure and raw kept', async () => {
    const observation = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_CERT_AUTHORITY_INVALID', ip: '13.248.212.111' } });
    expect(observation).toMatchObject({
      kind: 'reach',
      ok: true,
      failure: 'tls_cert_authority',
      raw: 'net::ERR_CERT_AUTHORITY_INVALID',
      ip: '13.248.212.111',
      reached: { headers: false, bytes: 0 },
    });
  });

  it('the same failure in Firefox’s words proves it too', async () => {
    const observation = await run('firefox', { type: 'reject', detail: { error: 'Peer’s Certificate issuer is not recognized.' } });
    expect(observation).toMatchObject({ ok: true, failure: 'tls_cert_authority' });
  });

  it('a failure not listed is a failure', async () => {
    const observation = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_CONNECTION_RESET' } });
    expect(observation).toMatchObject({ ok: false, failure: 'connection_reset' });
  });

  it('a timeout never proves reachability', async () => {
    const observation = await run('chrome', { type: 'hang' }, task({ reachedOn: ['tls_cert_authority', 'tls_protocol'] }));
    expect(observation).toMatchObject({ ok: false, failure: 'timeout' });
  });

  it('the expected error from a bogus address is a DNS lie, not reachability', async () => {
    const observation = await run('chrome', { type: 'reject', detail: { error: 'net::ERR_CERT_AUTHORITY_INVALID', ip: '10.10.34.35' } });
    expect(observation).toMatchObject({ ok: false, failure: 'dns_bogus' });
  });

  it('any HTTP answer is reachability', async () => {
    const observation = await run('chrome', { type: 'answer', status: 404 }, task({ reachedOn: [] }));
    expect(observation).toMatchObject({ ok: true, status: 404 });
  });
});
