import { describe, expect, it } from 'vitest';
import { classifyRound } from '../../src/classify/classify-round';
import type { Observation } from '../../src/probe/observation';
import { answer, CONTROLS, controlDown, controlUp, failure, MESSENGER, throughput, throughputControl } from './fixtures';

const ONLINE = [controlUp('intl-a', true), controlUp('intl-b', true)];

function classify(observations: Observation[], country: string | null = 'RU') {
  return classifyRound({ roundStart: 1, at: 2, observations, services: [MESSENGER], controls: CONTROLS, country });
}
const service = (observations: Observation[], country: string | null = 'RU') => classify(observations, country).services[0]!;

describe('the network', () => {
  it('is offline when every control fails, and no service is called blocked', () => {
    const verdict = classify([controlDown('intl-a'), controlDown('intl-b'), controlDown('ru-a'), failure('x.web.main', 'web', 'dns_nxdomain')]);
    expect(verdict.network.state).toBe('offline');
    expect(verdict.services[0]!.state).toBe('offline');
  });

  it('is offline when the device says so', () => {
    const verdict = classify([controlDown('intl-a', 'offline'), controlDown('intl-b', 'offline'), failure('x.web.main', 'web', 'offline')]);
    expect(verdict.network.state).toBe('offline');
    expect(verdict.services[0]!.state).toBe('offline');
  });

  it('is restricted when only domestic controls answer', () => {
    const verdict = classify([controlDown('intl-a'), controlDown('intl-b'), controlUp('ru-a'), failure('x.web.main', 'web', 'timeout')]);
    expect(verdict.network).toMatchObject({ state: 'restricted', domesticUp: 1, intlDown: 2 });
    expect(verdict.services[0]!.state).toBe('restricted');
  });

  it('with no domestic control for the country, all foreign controls failing is offline', () => {
    const verdict = classify([controlDown('intl-a'), controlDown('intl-b'), controlUp('ru-a')], 'TM');
    expect(verdict.network.state).toBe('offline');
  });

  it('ignores domestic controls of other countries', () => {
    const verdict = classify([controlDown('intl-a'), controlDown('intl-b'), controlUp('ir-a')], 'RU');
    expect(verdict.network.state).toBe('offline');
  });

  it('is captive when every control with an expected answer gets the wrong one', () => {
    const verdict = classify([controlUp('intl-a', false), controlUp('intl-b', false), answer('x.web.main', 'web')]);
    expect(verdict.network.state).toBe('captive');
    expect(verdict.services[0]!.state).toBe('unknown');
  });

  it('one control with changed content among right ones is not a captive portal', () => {
    expect(classify([controlUp('intl-a', false), controlUp('intl-b', true)]).network.state).toBe('online');
  });

  it('one international control answering is enough to be online', () => {
    expect(classify([controlDown('intl-a'), controlUp('intl-b', true)]).network.state).toBe('online');
  });
});

describe('a service', () => {
  it('is reachable when every probed component answers, whatever the status', () => {
    const verdict = service([...ONLINE, answer('x.web.main', 'web', { status: 503 }), answer('x.chat.a', 'chat', { status: 400 })]);
    expect(verdict).toMatchObject({ state: 'reachable', swept: false });
    expect(verdict.how).toBeUndefined();
  });

  it('a reach endpoint that answered with its normal certificate error counts as reached', () => {
    const verdict = service([...ONLINE, answer('x.chat.a', 'chat', { failure: 'tls_cert_authority', status: undefined })]);
    expect(verdict.state).toBe('reachable');
  });

  describe('interception and resolver lies (as Chromium reports them: no address on a certificate error)', () => {
    const privateCa = (endpointId: string, fields: Partial<Observation> = {}) =>
      answer(endpointId, 'chat', { kind: 'reach', url: `https://${endpointId}.test/`, failure: 'tls_cert_authority', status: undefined, reached: { headers: false, bytes: 0 }, ...fields });
    const webPlainHttpAnswered = answer('x.web.main', 'web', { url: 'http://web.x.test/' });

    it('an untrusted certificate on the public-certificate site fails its component (tls) although plain HTTP answered', () => {
      const verdict = service([...ONLINE, failure('x.web.main', 'web', 'tls_cert_authority'), webPlainHttpAnswered]);
      expect(verdict.components.find((component) => component.componentId === 'web')).toMatchObject({ ok: false, how: 'tls' });
    });

    it('…and makes the private-CA "reached" readings unprovable: blocked by tls, never reachable', () => {
      const verdict = service([
        ...ONLINE,
        failure('x.web.main', 'web', 'tls_cert_authority'),
        webPlainHttpAnswered,
        privateCa('x.chat.a'),
        privateCa('x.chat.b'),
        failure('x.media.cdn', 'media', 'tls_cert_authority'),
      ]);
      expect(verdict).toMatchObject({ state: 'blocked', how: 'tls' });
    });

    it('a certificate for another name on the public-certificate site is interception too', () => {
      const verdict = service([...ONLINE, failure('x.web.main', 'web', 'tls_cert_name'), privateCa('x.chat.a'), answer('x.media.cdn', 'media')]);
      expect(verdict).toMatchObject({ state: 'partial', how: 'tls' });
      expect(verdict.components.find((component) => component.componentId === 'chat')?.ok).toBe(false);
    });

    it('an answer from a bogus address anywhere makes the certificate errors a DNS lie: blocked by dns', () => {
      const verdict = service([
        ...ONLINE,
        failure('x.web.main', 'web', 'dns_bogus', { ip: '10.10.34.36', url: 'http://web.x.test/' }),
        privateCa('x.chat.a'),
        failure('x.media.cdn', 'media', 'tls_cert_name'),
      ]);
      expect(verdict).toMatchObject({ state: 'blocked', how: 'dns' });
    });

    it('a private-CA reading from a known real address stands beside a lie on another name', () => {
      const verdict = service([...ONLINE, failure('x.web.main', 'web', 'dns_bogus', { ip: '10.10.34.36' }), privateCa('x.chat.a', { ip: '157.240.1.1' })]);
      expect(verdict).toMatchObject({ state: 'partial', how: 'dns' });
    });

    it('with nothing tampered, the private-CA certificate error still means reached', () => {
      expect(service([...ONLINE, answer('x.web.main', 'web'), privateCa('x.chat.a'), answer('x.media.cdn', 'media')]).state).toBe('reachable');
    });

    it('an expired public certificate fails its endpoint but is not taken for interception', () => {
      const verdict = service([...ONLINE, failure('x.web.main', 'web', 'tls_cert_date'), webPlainHttpAnswered, privateCa('x.chat.a')]);
      expect(verdict.state).toBe('reachable');
    });
  });

  it('is blocked with how=dns when every component fails DNS', () => {
    const verdict = service([
      ...ONLINE,
      failure('x.web.main', 'web', 'dns_nxdomain'),
      failure('x.chat.a', 'chat', 'dns_nxdomain'),
      failure('x.chat.b', 'chat', 'dns_nxdomain'),
      failure('x.media.cdn', 'media', 'dns_nxdomain'),
    ]);
    expect(verdict).toMatchObject({ state: 'blocked', how: 'dns', swept: true });
  });

  it.each([
    ['connection_reset', 'reset'],
    ['connection_closed', 'reset'],
    ['connect_refused', 'connect'],
    ['connect_timeout', 'connect'],
    ['address_unreachable', 'connect'],
    ['tls_cert_name', 'tls'],
    ['tls_cert_authority', 'tls'],
    ['tls_timeout', 'tls'],
    ['dns_bogus', 'dns'],
    ['dns_timeout', 'dns'],
  ] as const)('%s reads as how=%s', (code, how) => {
    expect(service([...ONLINE, failure('x.web.main', 'web', code)])).toMatchObject({ state: 'blocked', how });
  });

  it('a resolver lie seen on one endpoint explains certificate errors on the others: how=dns', () => {
    const verdict = service([
      ...ONLINE,
      answer('x.web.main', 'web', { ok: false, failure: 'dns_bogus', ip: '10.10.34.34' }),
      failure('x.chat.a', 'chat', 'tls_cert_name'),
      failure('x.chat.b', 'chat', 'tls_cert_name'),
      failure('x.media.cdn', 'media', 'tls_cert_name'),
    ]);
    expect(verdict).toMatchObject({ state: 'blocked', how: 'dns' });
    // Without the lie, the same certificate errors are interception.
    expect(service([...ONLINE, failure('x.chat.a', 'chat', 'tls_cert_name'), failure('x.chat.b', 'chat', 'tls_cert_name')]).how).toBe('tls');
  });

  it('a timeout with nothing received reads as connect, with headers or bytes as stall', () => {
    expect(service([...ONLINE, failure('x.web.main', 'web', 'timeout')]).how).toBe('connect');
    expect(service([...ONLINE, failure('x.web.main', 'web', 'timeout', { reached: { headers: true, bytes: 16384 } })]).how).toBe('stall');
  });

  it('a blockpage is how=blockpage, even among other failures', () => {
    const verdict = service([
      ...ONLINE,
      failure('x.chat.a', 'chat', 'timeout'),
      answer('x.chat.b', 'chat', { ok: false, blockpage: 'ru-rt', status: 200 }),
    ]);
    expect(verdict).toMatchObject({ state: 'blocked', how: 'blockpage' });
  });

  it('is partial when some components fail, naming the chat component\'s failure', () => {
    const verdict = service([
      ...ONLINE,
      failure('x.web.main', 'web', 'dns_nxdomain'),
      failure('x.chat.a', 'chat', 'connection_reset'),
      failure('x.chat.b', 'chat', 'connection_reset'),
      answer('x.media.cdn', 'media'),
    ]);
    expect(verdict).toMatchObject({ state: 'partial', how: 'reset' });
  });

  it('names the first failed component when chat is fine', () => {
    const verdict = service([...ONLINE, failure('x.web.main', 'web', 'dns_nxdomain'), answer('x.chat.a', 'chat'), answer('x.media.cdn', 'media')]);
    expect(verdict).toMatchObject({ state: 'partial', how: 'dns' });
  });

  it('a component with one endpoint answering is up (one endpoint down is not a block)', () => {
    const verdict = service([...ONLINE, failure('x.chat.a', 'chat', 'connect_refused'), answer('x.chat.b', 'chat')]);
    expect(verdict.state).toBe('reachable');
  });

  it('local failures (another extension, a proxy) are not evidence', () => {
    expect(service([...ONLINE, failure('x.web.main', 'web', 'client_blocked')]).state).toBe('unknown');
  });
});

describe('speed', () => {
  it('is slow when goodput is at most a tenth of the best control', () => {
    const verdict = service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 128 }), throughputControl(20_000), throughputControl(50_000)]);
    expect(verdict).toMatchObject({ state: 'slow', speed: 'slow', goodputKbps: 128 });
    expect(verdict.speedRatio).toBeCloseTo(128 / 50_000);
  });

  it('is fine when the target is fast, control or not', () => {
    expect(service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 30_000 })])).toMatchObject({ state: 'reachable', speed: 'ok' });
  });

  it('cannot judge a slow target without a usable control', () => {
    expect(service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 128 })]).speed).toBe('unmeasured');
    expect(service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 128 }), throughputControl(600)]).speed).toBe('unmeasured');
  });

  it('a slow network is not throttling: a ratio above a tenth is fine', () => {
    expect(service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 900 }), throughputControl(3_000)]).speed).toBe('ok');
  });

  it('a transfer that stops while the control flows is slow with how=stall', () => {
    const verdict = service([...ONLINE, answer('x.web.main', 'web'), throughput({ stalled: true, bytes: 16384, ok: false, failure: 'timeout' }), throughputControl(20_000)]);
    expect(verdict).toMatchObject({ state: 'slow', how: 'stall', speed: 'stall' });
  });

  it('a stall of both target and control says nothing', () => {
    const verdict = service([...ONLINE, answer('x.web.main', 'web'), throughput({ stalled: true, bytes: 16384 }), throughputControl(20_000, true)]);
    expect(verdict).toMatchObject({ state: 'reachable', speed: 'unmeasured' });
  });

  it('an object too small to time is not judged', () => {
    expect(service([...ONLINE, answer('x.web.main', 'web'), throughput({ goodputKbps: 100, complete: true }), throughputControl(20_000)]).speed).toBe('unmeasured');
  });

  it('a blocked service stays blocked whatever its speed', () => {
    expect(service([...ONLINE, failure('x.web.main', 'web', 'dns_nxdomain'), throughput({ goodputKbps: 128 }), throughputControl(20_000)]).state).toBe('blocked');
  });
});
