/** Shared set-up for probe tests: a context around a fake transport, on fake time. */
import { vi } from 'vitest';
import type { AddressRange, BlockpageFingerprint } from '../../src/catalogue/types';
import type { ProbeContext, ProbeTunables } from '../../src/probe/probe';
import type { Transport } from '../../src/probe/transport';

export const FINGERPRINTS: readonly BlockpageFingerprint[] = [
  { id: 'ru-rtk-redirect', country: 'RU', host: 'warning.rt.ru', source: { ref: 'test', checked: '2026-01-01' } },
  { id: 'ru-suffix-redirect', country: 'RU', host: '.blocked.example', source: { ref: 'test', checked: '2026-01-01' } },
  { id: 'ru-marker', country: 'RU', bodyIncludes: 'Доступ ограничен', source: { ref: 'test', checked: '2026-01-01' } },
  { id: 'ir-marker', country: 'IR', bodyIncludes: 'peyvandha.ir', source: { ref: 'test', checked: '2026-01-01' } },
];

const TEST_SOURCE = { ref: 'test', checked: '2026-01-01' };
export const BOGUS_PREFIXES: readonly AddressRange[] = ['10.0.0.0/8', '127.0.0.0/8', '192.168.0.0/16', '0.0.0.0/8', '::1/128', 'fc00::/7'].map((cidr) => ({
  cidr,
  what: 'test range',
  source: TEST_SOURCE,
}));

export function context(transport: Transport, tunables: Partial<ProbeTunables> = {}): ProbeContext {
  return {
    transport,
    now: () => Date.now(),
    blockpages: FINGERPRINTS,
    bogusAddressPrefixes: BOGUS_PREFIXES,
    tunables,
  };
}

/** Advances fake time in small steps until the promise settles (a probe starts timers as it goes). */
export async function settle<T>(promise: Promise<T>, stepMs = 5): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 100_000 && !done; i++) await vi.advanceTimersByTimeAsync(stepMs);
  return promise;
}

export const T0 = Date.UTC(2026, 2, 20, 12, 0, 0);
