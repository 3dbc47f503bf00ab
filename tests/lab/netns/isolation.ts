/**
 * Proof, before anything starts, that nothing in the lab namespace can reach the real internet:
 * there is no route out, a connection to a public address fails at once, and the resolver every
 * program here uses is the lab's. A lab that could leak would send probes for WhatsApp or
 * Telegram to the real hosts; it must refuse to start.
 */
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { LAB_NAMESERVER } from './namespace';
import { runCommand } from './run-command';

/** Public addresses a leak would reach (Cloudflare's and Google's resolvers), port 443. */
const PUBLIC_PROBES = ['1.1.1.1', '8.8.8.8'] as const;
/** "At once": the kernel refuses an unroutable connect synchronously; anything pending this long is a route. */
const IMMEDIATE_FAILURE_MS = 2_000;

export async function proveIsolation(): Promise<void> {
  // `ip netns exec` bind-mounts the namespace's resolv.conf over /etc/resolv.conf.
  const resolvConf = await readFile('/etc/resolv.conf', 'utf8');
  const nameservers = [...resolvConf.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((match) => match[1]);
  if (nameservers.length !== 1 || nameservers[0] !== LAB_NAMESERVER) {
    throw new Error(`lab: /etc/resolv.conf names ${nameservers.join(', ') || 'no nameserver'}, not only the lab's ${LAB_NAMESERVER}; refusing to start`);
  }
  const { stdout: routes } = await runCommand(['ip', '-4', 'route', 'show', 'table', 'main']);
  const { stdout: routes6 } = await runCommand(['ip', '-6', 'route', 'show', 'table', 'main']);
  const outward = [...routes.split('\n'), ...routes6.split('\n')]
    .map((line) => line.trim())
    // Loopback's own ::1 and link-local fe80:: routes lead nowhere.
    .filter((line) => line !== '' && !/^(::1|fe80::)/.test(line));
  if (outward.length > 0) {
    throw new Error(`lab: the namespace has routes out, refusing to start: ${outward.join('; ')}`);
  }
  for (const address of PUBLIC_PROBES) {
    const outcome = await tryConnect(address, 443);
    if (outcome !== 'ENETUNREACH' && outcome !== 'EHOSTUNREACH') {
      throw new Error(`lab: a connection to ${address}:443 did not fail at once (${outcome}), refusing to start`);
    }
  }
}

function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('still pending');
    }, IMMEDIATE_FAILURE_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code ?? error.message);
    });
  });
}
