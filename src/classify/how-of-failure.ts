/**
 * Which kind of block a failed observation points to. Browsers cannot tell a silent drop at
 * DNS, TCP or TLS apart (all end at our own timer with nothing received), so a timeout with
 * nothing reached reads as `connect`; Node, which sees the stage, does better.
 */
import { isLocalFailureCode, type FailureCode } from '../probe/failure/codes';
import type { Observation } from '../probe/observation';
import type { How } from '../states';

const HOW_OF_FAILURE: Readonly<Record<FailureCode, How | null>> = {
  dns_nxdomain: 'dns',
  dns_timeout: 'dns',
  dns_bogus: 'dns',
  connect_refused: 'connect',
  connect_timeout: 'connect',
  address_unreachable: 'connect',
  connection_reset: 'reset',
  connection_closed: 'reset',
  tls_timeout: 'tls',
  tls_cert_authority: 'tls',
  tls_cert_name: 'tls',
  tls_cert_date: 'tls',
  tls_cert_invalid: 'tls',
  tls_protocol: 'tls',
  // A non-HTTP answer on an HTTP connection: the connection was tampered with after it was made.
  http_protocol: 'reset',
  // Decided by what had arrived: see howOf().
  timeout: 'connect',
  // Local causes (LOCAL_FAILURES) say nothing about censorship.
  offline: null,
  client_blocked: null,
  proxy_error: null,
  // Unrecognized errors before any answer: the connection could not be used.
  error: 'connect',
};

/** The `how` of a failed observation, or null when the failure is local (not the network's doing). */
export function howOf(observation: Observation): How | null {
  if (observation.blockpage !== undefined) return 'blockpage';
  const failure = observation.failure;
  if (failure === undefined) return observation.ok ? null : 'connect';
  if (failure === 'timeout' && (observation.reached.headers || observation.reached.bytes > 0)) return 'stall';
  return HOW_OF_FAILURE[failure];
}

/** Whether the failure comes from the device itself (offline, another extension, a proxy). */
export function isLocalFailure(observation: Observation): boolean {
  return !observation.ok && observation.blockpage === undefined && observation.failure !== undefined && isLocalFailureCode(observation.failure);
}
