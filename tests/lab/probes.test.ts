/**
 * The engine's probes (src/probe) against the lab, through the Node transport: each kind of block
 * comes out as its own observation, and the kinds of trouble that are not a block (a 5xx, a
 * private-CA host's normal certificate error) do not.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { createNodeTransport } from '../../src/cli/node-transport';
import type { FailureCode } from '../../src/probe/failure/codes';
import type { ProbeContext, ProbeTask } from '../../src/probe/probe';
import { runProbe } from '../../src/probe/run-probe';
import type { Observation } from '../../src/probe/observation';
import { BOGUS_ADDRESS, type Behaviour } from './behaviour';
import { createLab, type Lab } from './lab';
import { STALL_AFTER_BYTES } from './servers/stall';
import { THROTTLE_BYTES_PER_SECOND } from './servers/throttle';

/**
 * The probes' timers, ms. Answers get the production ones (a loaded machine still answers in
 * time); behaviours that never answer get short ones, which cannot change what they show; a
 * stall or a throttle is watched for a short body time with a short stall gap.
 */
const ANSWERING = { headersTimeoutMs: 15_000, bodyTimeoutMs: 10_000 };
const HANGING = { headersTimeoutMs: 800, bodyTimeoutMs: 800 };
const STREAMING = { headersTimeoutMs: 15_000, bodyTimeoutMs: 2_000, stallGapMs: 500 };

let lab: Lab;
let base: ProbeContext;
let round = 0;

beforeAll(async () => {
  lab = await createLab();
  base = {
    transport: createNodeTransport(lab.network()),
    now: () => Date.now(),
    blockpages: CATALOGUE.blockpages,
    bogusAddressPrefixes: CATALOGUE.bogusAddressPrefixes,
  };
});

afterEach(() => {
  expect(lab.errors()).toEqual([]);
  lab.reset();
});

afterAll(async () => {
  await lab.close();
});

function http(url: string, method: 'GET' | 'HEAD' | 'POST' = 'HEAD'): ProbeTask {
  round += 1;
  return { kind: 'http', roundStart: round, target: { type: 'endpoint', serviceId: 'lab', componentId: 'web', endpointId: `lab.web.${round}` }, url, method };
}

function observe(task: ProbeTask, tunables: ProbeContext['tunables'] = ANSWERING): Promise<Observation> {
  return runProbe(task, { ...base, tunables });
}

/** Behaviours that never answer by themselves. */
const SILENT: readonly string[] = ['silence-after-hello', 'blackhole', 'timeout'];

describe('http probe in the lab', () => {
  it('a working host is an answer', async () => {
    const observation = await observe(http('https://web.whatsapp.com/'));
    expect(observation).toMatchObject({ ok: true, status: 200, ip: lab.addressOf('web.whatsapp.com') });
    expect(observation.failure).toBeUndefined();
  });

  it.each<[Behaviour, string]>([
    ['reset-after-hello', 'connection_reset'],
    ['close-after-hello', 'connection_closed'],
    ['silence-after-hello', 'tls_timeout'],
    ['wrong-cert:self-signed', 'tls_cert_authority'],
    ['wrong-cert:wrong-name', 'tls_cert_name'],
    ['wrong-cert:expired', 'tls_cert_date'],
    ['refuse', 'connect_refused'],
    ['blackhole', 'connect_timeout'],
  ])('%s → %s', async (behaviour, failure) => {
    lab.host('web.whatsapp.com').behave(behaviour);
    const observation = await observe(http('https://web.whatsapp.com/'), SILENT.includes(behaviour) ? HANGING : ANSWERING);
    expect(observation.ok).toBe(false);
    expect(observation.failure).toBe(failure);
    expect(observation.raw).toBeTruthy();
  });

  it.each([
    ['nxdomain', 'dns_nxdomain'],
    ['timeout', 'dns_timeout'],
  ] as const)('DNS %s → %s', async (dns, failure) => {
    lab.dns('web.whatsapp.com', dns);
    const observation = await observe(http('https://web.whatsapp.com/'), SILENT.includes(dns) ? HANGING : ANSWERING);
    expect(observation).toMatchObject({ ok: false, failure });
  });

  it('a DNS lie on an https URL → dns_bogus, with the lying address kept', async () => {
    lab.dns('www.instagram.com', 'bogus');
    const observation = await observe(http('https://www.instagram.com/'));
    expect(observation).toMatchObject({ ok: false, failure: 'dns_bogus', ip: BOGUS_ADDRESS });
  });

  it('a blockpage body is an answer but not ok, named by its fingerprint', async () => {
    lab.host('t.me').behave('blockpage');
    const observation = await observe(http('http://t.me/', 'GET'));
    expect(observation).toMatchObject({ ok: false, status: 200, blockpage: lab.blockpage.bodyFingerprintId });
  });

  it('a redirect to a blockpage host is named by the redirect fingerprint', async () => {
    lab.host('signal.org').behave('blockpage-redirect');
    const observation = await observe(http('https://signal.org/'));
    expect(observation.ok).toBe(false);
    expect(observation.blockpage).toBe(lab.blockpage.redirectFingerprintId);
    expect(new URL(observation.finalUrl ?? '').hostname).toBe(lab.blockpage.redirectHost);
  });

  it('a 503 is an answer: the service is down, not blocked', async () => {
    lab.host('web.telegram.org').behave('error-5xx');
    const observation = await observe(http('https://web.telegram.org/'));
    expect(observation).toMatchObject({ ok: true, status: 503 });
  });
});

describe('reach probe in the lab', () => {
  function reach(url: string, reachedOn: readonly FailureCode[]): ProbeTask {
    round += 1;
    return { kind: 'reach', roundStart: round, target: { type: 'endpoint', serviceId: 'signal', componentId: 'chat', endpointId: `lab.chat.${round}` }, url, method: 'HEAD', reachedOn };
  }

  it("a private-CA host's certificate error proves it was reached; a reset does not", async () => {
    lab.host('chat.signal.org').behave('wrong-cert:self-signed');
    const reached = await observe(reach('https://chat.signal.org/', ['tls_cert_authority']));
    expect(reached).toMatchObject({ ok: true, failure: 'tls_cert_authority' });

    lab.host('chat.signal.org').behave('reset-after-hello');
    const reset = await observe(reach('https://chat.signal.org/', ['tls_cert_authority']));
    expect(reset).toMatchObject({ ok: false, failure: 'connection_reset' });
  });
});

describe('throughput probe in the lab', () => {
  const object = CATALOGUE.services.find((service) => service.id === 'whatsapp')?.throughput;

  function throughput(): ProbeTask {
    if (!object) throw new Error('the catalogue has no WhatsApp throughput object');
    round += 1;
    return { kind: 'throughput', roundStart: round, target: { type: 'throughput', serviceId: 'whatsapp' }, url: object.url, method: 'GET', bytes: object.bytes, range: object.range };
  }

  it('reads the object whole on a working network', async () => {
    const observation = await observe(throughput());
    expect(observation.ok).toBe(true);
    expect(observation.reached.bytes).toBe(object?.bytes);
    expect(observation.transfer?.stalled).toBe(false);
  });

  it('sees a stall after 16 KiB', async () => {
    lab.service('whatsapp').behave('stall');
    const observation = await observe(throughput(), STREAMING);
    expect(observation.reached.bytes).toBe(STALL_AFTER_BYTES);
    expect(observation.transfer?.stalled).toBe(true);
  });

  it('measures a throttled transfer at no more than twice the policed rate', async () => {
    lab.service('whatsapp').behave('throttle');
    const observation = await observe(throughput(), STREAMING);
    expect(observation.transfer?.stalled).toBe(false);
    expect(observation.reached.bytes).toBeGreaterThan(0);
    const goodput = observation.transfer?.goodputKbps ?? 0;
    expect(goodput).toBeGreaterThan(0);
    expect(goodput).toBeLessThanOrEqual((2 * THROTTLE_BYTES_PER_SECOND * 8) / 1000);
  });
});
