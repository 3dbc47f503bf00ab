/**
 * The lab's behaviour model as plain data: what the resolver says for each name, and what the
 * network does with connections to each address (or address and port). The Node lab reads it on
 * every lookup and connection; a DNS server and a namespace's packet rules can be driven by it.
 */
import { BOGUS_ADDRESS, type Behaviour, type DnsBehaviour } from './behaviour';

export interface LabModel {
  /** Per host name (normalized); names not listed get `defaultDns`. */
  readonly dns: Readonly<Record<string, DnsBehaviour>>;
  readonly defaultDns: DnsBehaviour;
  /** Per `address` or `address:port`; the more specific key wins, then `defaultRoute`. */
  readonly routes: Readonly<Record<string, Behaviour>>;
  readonly defaultRoute: Behaviour;
}

export function routeKey(address: string, port?: number): string {
  return port === undefined ? address : `${address}:${port}`;
}

/** Own keys only: a host named "constructor" must not find Object.prototype's. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function behaviourAt(model: LabModel, address: string, port: number): Behaviour {
  return own(model.routes, routeKey(address, port)) ?? own(model.routes, address) ?? model.defaultRoute;
}

export function dnsBehaviourOf(model: LabModel, name: string): DnsBehaviour {
  return own(model.dns, name) ?? model.defaultDns;
}

/**
 * A working network: every name answers, every address is `ok`, except the blockpage servers:
 * the address a DNS lie points to, and the redirect fingerprint's host (when there is one).
 */
export function workingNetwork(blockpageHostAddress?: string): LabModel {
  const routes: Record<string, Behaviour> = { [BOGUS_ADDRESS]: 'blockpage' };
  if (blockpageHostAddress !== undefined) routes[blockpageHostAddress] = 'blockpage';
  return { dns: {}, defaultDns: 'answer', routes, defaultRoute: 'ok' };
}
