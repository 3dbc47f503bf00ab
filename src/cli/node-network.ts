/**
 * The network as Node's transport sees it: a resolver and a router. In production both are the
 * system's (`SYSTEM_NETWORK`); the lab (`tests/lab/`) passes its own, so the catalogue's real names
 * and addresses lead only to servers on loopback while TLS still names the real host.
 */
import { lookup } from 'node:dns/promises';

/** Where a connection to an address really goes. */
export type Route =
  /** Connect here instead (a loopback port); TLS still uses the original host name for SNI. */
  | { readonly host: string; readonly port: number }
  /** SYNs vanish: the connection never completes (the caller's timer ends it). */
  | 'blackhole';

export interface NodeNetwork {
  /**
   * Resolves a host name to IPv4/IPv6 addresses. Rejects with an Error whose `code` is
   * `ENOTFOUND` for NXDOMAIN (or `EAI_AGAIN` for a resolver failure); a promise that never
   * settles is a resolver that never answers.
   */
  resolve(hostname: string): Promise<string[]>;
  /** Where a connection to `address:port` goes. */
  route(address: string, port: number): Route;
  /** Extra trusted certificate authorities, PEM (the lab's own CA). */
  readonly ca?: readonly string[];
}

export const SYSTEM_NETWORK: NodeNetwork = {
  async resolve(hostname) {
    const answers = await lookup(hostname, { all: true });
    return answers.map((answer) => answer.address);
  },
  route(address, port) {
    return { host: address, port };
  },
};
