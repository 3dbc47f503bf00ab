/**
 * A private network namespace for one lab run: loopback up, one link that makes Chromium believe
 * the device is online (but leads nowhere), no routes out, its own resolv.conf and hosts file.
 * Created from outside (the runner), used from inside (everything the lab starts).
 *
 * Why the extra link: with only a loopback interface Chromium decides the device is offline and
 * turns every DNS or routing failure into ERR_INTERNET_DISCONNECTED (docs/sources.md#lab-offline).
 * It takes a link that is up *and has an address* as "online". A `dummy` link is the natural
 * choice; kernels without the dummy driver (this machine's) get a veth pair whose both ends stay
 * inside the namespace, which Chromium counts just the same.
 */
import { mkdir, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { runCommand } from './run-command';

/** Namespaces this lab creates are named `bwlab-<pid of the runner>`, so stale ones can be found. */
export const NAMESPACE_PREFIX = 'bwlab-';
/** The interface that makes Chromium believe it is online. Never given a route. */
export const ONLINE_LINK = 'bw-online';
/**
 * Its address: Chromium counts a link as online only when it has an address (a link with none
 * reads as ERR_INTERNET_DISCONNECTED). A /32 from TEST-NET-1 (RFC 5737) adds no route to anywhere.
 */
export const ONLINE_LINK_ADDRESS = '192.0.2.1/32';
const ONLINE_LINK_PEER = 'bw-online-peer';
/** Where the lab's DNS server listens: a loopback address, so nothing else is needed to reach it. */
export const LAB_NAMESERVER = '127.0.0.53';
/**
 * SYN retransmissions inside the namespace: 4 makes the kernel give up on a black-holed connect
 * after ~31 s instead of ~127 s (the default 6), so abandoned connects do not pile up over a long
 * scenario. It must stay above the product's own 15 s connect timer: with 1 (3 s), a black hole
 * reads as Chromium's ERR_CONNECTION_TIMED_OUT before our timer fires, which no user with the
 * default kernel setting ever sees.
 */
export const LAB_TCP_SYN_RETRIES = 4;

export interface LabNamespace {
  readonly name: string;
  /** `dummy`, or `veth` when the kernel has no dummy driver. */
  readonly onlineLinkKind: 'dummy' | 'veth';
}

export function namespaceNameFor(pid: number): string {
  return `${NAMESPACE_PREFIX}${pid}`;
}

/** Creates the namespace. On any failure it removes what it made and rethrows. */
export async function createLabNamespace(name: string): Promise<LabNamespace> {
  if (process.getuid?.() !== 0) {
    throw new Error('the browser lab needs root (it creates a network namespace with `ip netns`); run it as root, as CI does');
  }
  await runCommand(['ip', 'netns', 'add', name]);
  try {
    await writeNamespaceEtc(name);
    await runCommand(['ip', '-n', name, 'link', 'set', 'lo', 'up']);
    const onlineLinkKind = await addOnlineLink(name);
    return { name, onlineLinkKind };
  } catch (error) {
    await deleteLabNamespace(name);
    throw error;
  }
}

/**
 * `ip netns exec` bind-mounts every file of /etc/netns/<name>/ over /etc/: the lab's resolver for
 * every program inside, and a hosts file that knows only localhost (the machine's own entries
 * could otherwise answer for a lab name).
 */
async function writeNamespaceEtc(name: string): Promise<void> {
  const dir = `/etc/netns/${name}`;
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}/resolv.conf`, `# Blockwatch lab ${name}\nnameserver ${LAB_NAMESERVER}\n`);
  await writeFile(`${dir}/hosts`, '127.0.0.1 localhost\n::1 localhost\n');
}

async function addOnlineLink(name: string): Promise<'dummy' | 'veth'> {
  let kind: 'dummy' | 'veth' = 'dummy';
  try {
    await runCommand(['ip', '-n', name, 'link', 'add', ONLINE_LINK, 'type', 'dummy']);
  } catch {
    kind = 'veth';
    await runCommand(['ip', '-n', name, 'link', 'add', ONLINE_LINK, 'type', 'veth', 'peer', 'name', ONLINE_LINK_PEER]);
  }
  // No IPv6 on the online link: its link-local chatter (router and neighbour solicitations)
  // would otherwise be the only packets trying to leave, and the lab counts those as leaks.
  const links = kind === 'veth' ? [ONLINE_LINK, ONLINE_LINK_PEER] : [ONLINE_LINK];
  await runCommand([
    'ip', 'netns', 'exec', name, 'sysctl', '-q', '-w',
    `net.ipv4.tcp_syn_retries=${LAB_TCP_SYN_RETRIES}`,
    ...links.map((link) => `net.ipv6.conf.${link}.disable_ipv6=1`),
  ]);
  await runCommand(['ip', '-n', name, 'addr', 'add', ONLINE_LINK_ADDRESS, 'dev', ONLINE_LINK]);
  for (const link of links) await runCommand(['ip', '-n', name, 'link', 'set', link, 'up']);
  return kind;
}

/**
 * Removes the namespace and its /etc/netns files. Processes still inside are ended first (they
 * are ours: only the lab starts programs in it), or the namespace would outlive its name.
 */
export async function deleteLabNamespace(name: string): Promise<void> {
  try {
    const { stdout } = await runCommand(['ip', 'netns', 'pids', name]);
    for (const pid of stdout.split(/\s+/).filter(Boolean).map(Number)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  } catch {
    // No such namespace: nothing inside to end.
  }
  await runCommand(['ip', 'netns', 'delete', name]).catch(() => undefined);
  await rm(`/etc/netns/${name}`, { recursive: true, force: true });
  // The parent too, once no other lab run uses it (rmdir fails while it is not empty).
  await rmdir('/etc/netns').catch(() => undefined);
}

/** Lab namespaces whose runner is gone (killed with SIGKILL, or the machine rebooted mid-run). */
export async function staleLabNamespaces(): Promise<string[]> {
  const { stdout } = await runCommand(['ip', 'netns', 'list']);
  const stale: string[] = [];
  for (const line of stdout.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const match = new RegExp(`^${NAMESPACE_PREFIX}(\\d+)$`).exec(name);
    if (match && !isAlive(Number(match[1]))) stale.push(name);
  }
  return stale;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Environment variables the runner passes to what it starts inside. */
export const NAMESPACE_ENV = 'BWLAB_NETNS';
export const RUN_DIR_ENV = 'BWLAB_RUN_DIR';

/**
 * The namespace this process runs in, checked: the variable the runner set, and the kernel's own
 * identity of our network namespace against the named one (so a copied environment cannot fool
 * a test into touching the real network).
 */
export async function currentLabNamespace(): Promise<string | undefined> {
  const name = process.env[NAMESPACE_ENV];
  if (!name) return undefined;
  const [mine, named] = await Promise.all([stat('/proc/self/ns/net'), stat(`/run/netns/${name}`).catch(() => undefined)]);
  if (!named || mine.ino !== named.ino || mine.dev !== named.dev) return undefined;
  return name;
}

export async function requireLabNamespace(): Promise<string> {
  const name = await currentLabNamespace();
  if (!name) {
    throw new Error(
      'this must run inside a lab network namespace: start it through `node --import tsx tests/lab/netns/run-in-namespace.ts -- <command>`',
    );
  }
  return name;
}
