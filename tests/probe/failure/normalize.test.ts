import { describe, expect, it } from 'vitest';
import { normalizeFailure, type FailureEvidence } from '../../../src/probe/failure/normalize';

const NOTHING = { headers: false, bytes: 0 } as const;
const fetchFailedIn = {
  chrome: new TypeError('Failed to fetch'),
  firefox: new TypeError('NetworkError when attempting to fetch resource.'),
};
const ourTimeout = new DOMException('no response headers within 15000 ms', 'TimeoutError');

function evidence(overrides: Partial<FailureEvidence>): FailureEvidence {
  return { environment: 'chrome', detail: undefined, timerFired: false, thrown: fetchFailedIn.chrome, reached: NOTHING, ...overrides };
}

describe('normalizeFailure', () => {
  it('maps a browser detail through its table and keeps the raw words', () => {
    expect(normalizeFailure(evidence({ detail: { error: 'net::ERR_CONNECTION_RESET', ip: '45.67.0.7' } }))).toEqual({
      failure: 'connection_reset',
      raw: 'net::ERR_CONNECTION_RESET',
    });
    expect(
      normalizeFailure(
        evidence({ environment: 'firefox', thrown: fetchFailedIn.firefox, detail: { error: 'The certificate is not trusted because it is self-signed.' } }),
      ),
    ).toEqual({ failure: 'tls_cert_authority', raw: 'The certificate is not trusted because it is self-signed.' });
  });

  it('keeps unknown words verbatim as `error`', () => {
    expect(normalizeFailure(evidence({ detail: { error: 'net::ERR_BRAND_NEW_THING' } }))).toEqual({
      failure: 'error',
      raw: 'net::ERR_BRAND_NEW_THING',
    });
  });

  it('says `error` for a browser failure without detail, never guessing from fetch’s TypeError', () => {
    expect(normalizeFailure(evidence({}))).toEqual({ failure: 'error', raw: 'TypeError: Failed to fetch' });
    // Firefox's fetch message is a sentence, but it is not an NSS sentence: no TLS guess.
    expect(normalizeFailure(evidence({ environment: 'firefox', thrown: fetchFailedIn.firefox }))).toEqual({
      failure: 'error',
      raw: 'TypeError: NetworkError when attempting to fetch resource.',
    });
  });

  it('classifies our timer by the flag, not by what the browser says', () => {
    // Chrome reports our abort as ERR_ABORTED; Firefox names a mid-body timeout an AbortError.
    expect(normalizeFailure(evidence({ timerFired: true, thrown: ourTimeout, detail: { error: 'net::ERR_ABORTED' } }))).toEqual({
      failure: 'timeout',
      raw: 'net::ERR_ABORTED',
    });
    expect(
      normalizeFailure(
        evidence({
          environment: 'firefox',
          timerFired: true,
          thrown: new DOMException('The operation was aborted. ', 'AbortError'),
          reached: { headers: true, bytes: 2048 },
          detail: { error: 'NS_BINDING_ABORTED' },
        }),
      ).failure,
    ).toBe('timeout');
    expect(normalizeFailure(evidence({ timerFired: true, thrown: ourTimeout }))).toEqual({
      failure: 'timeout',
      raw: 'TimeoutError: no response headers within 15000 ms',
    });
  });

  it('does not call an abort that was not ours a timeout', () => {
    const foreignAbort = new DOMException('The operation was aborted.', 'AbortError');
    expect(normalizeFailure(evidence({ thrown: foreignAbort, detail: { error: 'net::ERR_ABORTED' } })).failure).toBe('error');
  });

  it.each([
    ['dns', 'dns_timeout'],
    ['connect', 'connect_timeout'],
    ['tls', 'tls_timeout'],
    ['http', 'timeout'],
  ] as const)('in Node, our timer with stage %s is %s', (stage, failure) => {
    const result = normalizeFailure(
      evidence({ environment: 'node', timerFired: true, thrown: ourTimeout, detail: { stage, error: 'TimeoutError: no response headers within 15000 ms' } }),
    );
    expect(result.failure).toBe(failure);
  });

  it('in Node, our timer after the headers is a plain timeout whatever the stage', () => {
    const result = normalizeFailure(
      evidence({ environment: 'node', timerFired: true, thrown: ourTimeout, detail: { stage: 'tls' }, reached: { headers: true, bytes: 0 } }),
    );
    expect(result.failure).toBe('timeout');
  });

  it('browsers never get a stage-specific timeout', () => {
    expect(normalizeFailure(evidence({ timerFired: true, thrown: ourTimeout, detail: { stage: 'dns' } })).failure).toBe('timeout');
  });

  it('in Node, reads the thrown cause when nothing was recorded', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(normalizeFailure(evidence({ environment: 'node', thrown: new TypeError('fetch failed', { cause }) }))).toEqual({
      failure: 'connect_refused',
      raw: 'ECONNREFUSED',
    });
  });

  it('in Node, an undici connect timeout during TLS is a TLS timeout', () => {
    const result = normalizeFailure(
      evidence({ environment: 'node', detail: { stage: 'tls', error: 'UND_ERR_CONNECT_TIMEOUT: Connect Timeout Error' } }),
    );
    expect(result.failure).toBe('tls_timeout');
  });

  it('treats an empty detail error as no detail', () => {
    expect(normalizeFailure(evidence({ detail: { error: '  ' } }))).toEqual({ failure: 'error', raw: 'TypeError: Failed to fetch' });
  });
});
