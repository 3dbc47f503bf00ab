import { describe, expect, it } from 'vitest';
import type { ServiceVerdict } from '../../src/classify/verdict';
import type { Observation, TargetRef } from '../../src/probe/observation';
import { jsonBytes } from '../../src/store/record-size';
import { decodeObservation, decodeVerdict, encodeObservation, encodeVerdict } from '../../src/store/round-records';
import { decodeTarget, encodeTarget } from '../../src/store/target-code';
import { T0 } from './fixtures';

const base: Observation = {
  roundStart: T0,
  target: { type: 'endpoint', serviceId: 'whatsapp', componentId: 'web', endpointId: 'whatsapp.web.www' },
  kind: 'http',
  url: `https://www.whatsapp.com/?bw=${T0}-0`,
  method: 'HEAD',
  at: T0 + 12.4,
  ms: 231.7000000002,
  ok: true,
  status: 200,
  ip: '157.240.0.53',
  reached: { headers: true, bytes: 0 },
  wireBytes: 5_214.6,
};

describe('verdict records', () => {
  it('keep everything a verdict says, to the millisecond', () => {
    const verdict: ServiceVerdict = {
      serviceId: 'telegram',
      state: 'partial',
      how: 'reset',
      components: [
        { componentId: 'web', ok: true, latencyMs: 310.26 },
        { componentId: 'chat', ok: false, how: 'reset', failure: 'connection_reset' },
        { componentId: 'media', ok: false, failure: 'timeout' },
      ],
      speed: 'stall',
      speedRatio: 0.04166666,
      goodputKbps: 96.4,
      latencyMs: 310.26,
      swept: true,
    };
    expect(decodeVerdict(encodeVerdict(verdict, T0, 300))).toEqual({
      ...verdict,
      components: [
        { componentId: 'web', ok: true, latencyMs: 310 },
        { componentId: 'chat', ok: false, how: 'reset', failure: 'connection_reset' },
        { componentId: 'media', ok: false, failure: 'timeout' },
      ],
      speedRatio: 0.042,
      goodputKbps: 96,
      latencyMs: 310,
      roundStart: T0,
      seconds: 300,
    });
  });

  it('a plain reachable verdict is small (it is stored 2 600 times a day)', () => {
    const verdict: ServiceVerdict = { serviceId: 'instagram', state: 'reachable', components: [{ componentId: 'web', ok: true, latencyMs: 412 }], speed: 'unmeasured', latencyMs: 412, swept: false };
    const record = encodeVerdict(verdict, T0, 300);
    // The state and the latency are implied: reachable, and the fastest component's.
    expect(record).toEqual({ s: 'instagram', r: T0, c: [['web', 1, 412]], d: 300 });
    expect(jsonBytes(record)).toBeLessThanOrEqual(70);
    expect(decodeVerdict(record)).toEqual({ ...verdict, roundStart: T0, seconds: 300 });
  });

  it.each<[string, Partial<ServiceVerdict>]>([
    ['no latency although a component has one (a round that was not online)', { state: 'offline', latencyMs: undefined }],
    ['a latency other than the fastest component\'s', { latencyMs: 95 }],
    ['a latency and no component latency', { components: [{ componentId: 'web', ok: true }], latencyMs: 120 }],
    ['no latency and no component', { state: 'unknown', components: [], latencyMs: undefined }],
  ])('keeps the latency exactly with %s', (_name, change) => {
    const verdict = { serviceId: 'viber', state: 'reachable', components: [{ componentId: 'web', ok: true, latencyMs: 300 }], speed: 'unmeasured', latencyMs: 300, swept: false, ...change } as ServiceVerdict;
    const { latencyMs, ...rest } = verdict;
    const expected = latencyMs === undefined ? rest : verdict;
    expect(decodeVerdict(encodeVerdict(expected as ServiceVerdict, T0, 300))).toEqual({ ...expected, roundStart: T0, seconds: 300 });
  });
});

describe('observation records', () => {
  it('a successful probe keeps its endpoint id, not its URL, address or progress', () => {
    const record = encodeObservation(base, 0);
    expect(record).toEqual({ r: T0, n: 0, t: 'e:whatsapp.web.www', o: 12, d: 232, st: 200, w: 5215 });
    expect(jsonBytes(record)).toBeLessThanOrEqual(90);
    expect(decodeObservation(record)).toEqual({
      roundStart: T0, position: 0, target: base.target, kind: 'http', at: T0 + 12, ms: 232, ok: true, status: 200, wireBytes: 5215,
    });
  });

  it('a failed probe keeps the evidence: URL, method, raw error, address and how far it got', () => {
    const failed: Observation = { ...base, ok: false, status: undefined, failure: 'connection_reset', raw: 'net::ERR_CONNECTION_RESET', reached: { headers: false, bytes: 0 }, ms: 180 };
    delete (failed as { status?: number }).status;
    const decoded = decodeObservation(encodeObservation(failed, 4));
    expect(decoded).toMatchObject({ url: base.url, method: 'HEAD', failure: 'connection_reset', raw: 'net::ERR_CONNECTION_RESET', ip: '157.240.0.53', reached: { headers: false, bytes: 0 }, ok: false });
  });

  it('a blockpage answer and a control\'s wrong content keep their evidence too', () => {
    const blockpage: Observation = { ...base, ok: false, status: 200, blockpage: 'ru-rkn-warning', finalUrl: 'http://warning.rt.ru/', reached: { headers: true, bytes: 2048 } };
    expect(decodeObservation(encodeObservation(blockpage, 1))).toMatchObject({ blockpage: 'ru-rkn-warning', finalUrl: 'http://warning.rt.ru/', url: base.url, reached: { headers: true, bytes: 2048 } });
    const portal: Observation = { ...base, target: { type: 'control', controlId: 'google-204' }, ok: true, contentOk: false, status: 302 };
    expect(decodeObservation(encodeObservation(portal, 2))).toMatchObject({ contentOk: false, url: base.url, target: { type: 'control', controlId: 'google-204' } });
  });

  it('a reach endpoint answering with its usual certificate error keeps the code, not the evidence', () => {
    const signal: Observation = { ...base, kind: 'reach', target: { type: 'endpoint', serviceId: 'signal', componentId: 'chat', endpointId: 'signal.chat.api' }, failure: 'tls_cert_authority', raw: 'net::ERR_CERT_AUTHORITY_INVALID' };
    const record = encodeObservation(signal, 3);
    expect(record).toMatchObject({ k: 'reach', f: 'tls_cert_authority' });
    expect(record.u).toBeUndefined();
    expect(decodeObservation(record)).toMatchObject({ kind: 'reach', failure: 'tls_cert_authority', ok: true });
  });

  it('a throughput probe keeps its timings', () => {
    const throughput: Observation = {
      ...base,
      kind: 'throughput',
      target: { type: 'throughput', serviceId: 'youtube' },
      transfer: { headersMs: 88.2, firstByteMs: 95.9, goodputKbps: 12_345.6, longestGapMs: 40.1, stalled: false, complete: true },
    };
    const record = encodeObservation(throughput, 9);
    expect(record.k).toBeUndefined();
    expect(decodeObservation(record)).toMatchObject({ kind: 'throughput', target: { type: 'throughput', serviceId: 'youtube' }, transfer: { headersMs: 88, firstByteMs: 96, goodputKbps: 12_346, longestGapMs: 40, stalled: false, complete: true } });
  });
});

describe('target codes', () => {
  it.each<[TargetRef, unknown]>([
    [{ type: 'endpoint', serviceId: 'telegram', componentId: 'chat', endpointId: 'telegram.chat.dc2-http' }, 'e:telegram.chat.dc2-http'],
    [{ type: 'endpoint', serviceId: 'custom:example.org', componentId: 'web', endpointId: 'custom:example.org.web.main' }, ['e', 'custom:example.org', 'web', 'custom:example.org.web.main']],
    [{ type: 'endpoint', serviceId: 'x', componentId: 'web', endpointId: 'twitter-home' }, ['e', 'x', 'web', 'twitter-home']],
    [{ type: 'control', controlId: 'intl.cloudflare' }, 'c:intl.cloudflare'],
    [{ type: 'throughput', serviceId: 'custom:a.b' }, 't:custom:a.b'],
    [{ type: 'throughput-control', controlId: 'hetzner-speed' }, 'x:hetzner-speed'],
  ])('%j is stored as %j and read back', (target, code) => {
    expect(encodeTarget(target)).toEqual(code);
    expect(decodeTarget(code)).toEqual(target);
  });

  it.each([['q:thing'], [':x'], ['c:'], ['e:onlyservice'], ['e:a.b'], [['e', 'a', 'b']], [42], [null]])('%j is not a target', (code) => {
    expect(decodeTarget(code)).toBeUndefined();
  });
});
