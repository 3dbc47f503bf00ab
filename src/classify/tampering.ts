/**
 * Evidence that the answers of a service's names cannot be taken at face value this round: a
 * certificate error where the real certificate is public (interception), or an answer from a
 * bogus address (a resolver lie). Pure; `classify-service.ts` applies it.
 */
import type { FailureCode } from '../probe/failure/codes';
import type { Observation } from '../probe/observation';

/**
 * Certificate errors that mean "someone else's certificate" on a host whose real certificate is
 * public: an untrusted authority (Kazakhstan's 2019 root, a filter's self-signed certificate), a
 * certificate for another name (a filter server's own), or one the browser rejects outright. An
 * expired certificate is left out: interceptors mint fresh ones, while a wrong device clock or a
 * site's own lapse gives exactly that error (it still fails its endpoint, as `tls`).
 */
export const INTERCEPTION_FAILURES: readonly FailureCode[] = ['tls_cert_authority', 'tls_cert_name', 'tls_cert_invalid'];

/** Every certificate error: what a private-CA host's "reached" reading rests on. */
const CERTIFICATE_FAILURES: readonly FailureCode[] = [...INTERCEPTION_FAILURES, 'tls_cert_date'];

export interface Tampering {
  /** A public-certificate endpoint of the service got an interception certificate error. */
  readonly interception: boolean;
  /** An endpoint of the service was answered from a bogus address. */
  readonly lie: boolean;
}

function isHttps(url: string): boolean {
  return url.startsWith('https://');
}

/** A certificate error on an endpoint whose real certificate is public (an `http` endpoint on https). */
export function isInterception(observation: Observation): boolean {
  return (
    observation.kind === 'http' &&
    isHttps(observation.url) &&
    !observation.ok &&
    observation.blockpage === undefined &&
    observation.failure !== undefined &&
    INTERCEPTION_FAILURES.includes(observation.failure)
  );
}

/** A `reach` endpoint counted as reached on a certificate error (no HTTP answer). */
function isCertificateReading(observation: Observation): boolean {
  return (
    observation.kind === 'reach' &&
    observation.ok &&
    observation.status === undefined &&
    observation.failure !== undefined &&
    CERTIFICATE_FAILURES.includes(observation.failure)
  );
}

export function tamperingOf(observations: readonly Observation[]): Tampering {
  return {
    interception: observations.some(isInterception),
    lie: observations.some((observation) => observation.failure === 'dns_bogus'),
  };
}

/**
 * Whether a "reached on a certificate error" reading cannot be trusted this round: under
 * interception never (the interceptor answers on the real address too); under a resolver lie
 * unless the address it came from is known (the probe already turned a bogus one into `dns_bogus`,
 * so a known address here is a real one).
 */
export function isUnprovenReading(observation: Observation, tampering: Tampering): boolean {
  if (!isCertificateReading(observation)) return false;
  if (tampering.interception) return true;
  return tampering.lie && observation.ip === undefined;
}
