/**
 * The lab's packet rules (nftables, inside the lab namespace), switchable at run time:
 * - route: a connection to `address:port` lands on a behaviour server on 127.0.0.1 (DNAT). The
 *   browser still sees the address it dialled, and TLS still carries the real host name;
 * - blackhole: every packet to `address:port` is dropped (SYNs vanish; an open connection freezes);
 * - refuse: answered with a TCP reset (a SYN gets a RST: "connection refused").
 * Anything that tries to leave through a link other than loopback is counted and dropped, and
 * per lab address and port the rules count SYNs (attempts, blocked ones included) and bytes both
 * ways (from conntrack's original destination, so DNAT does not hide where the browser meant to go).
 *
 * Every change replaces the whole rule set in one `nft -f` transaction: no moment where a half
 * applied scenario is visible.
 */
import { runCommand } from './run-command';

export const FIREWALL_TABLE = 'bwlab';

export interface RouteTarget {
  readonly host: string;
  readonly port: number;
}

export type PortVerdict = { readonly route: RouteTarget } | 'blackhole' | 'refuse';

export interface PortRule {
  readonly address: string;
  readonly port: number;
  readonly verdict: PortVerdict;
}

/** Set and map names in the table. */
const ROUTES = 'routes';
const SETS = { blackhole: 'blackholed', refuse: 'refused' } as const;
const COUNT_SETS = { syns: 'syns', sent: 'sent', received: 'received' } as const;
const LEAK_COUNTER = 'leaked';
/** Elements a dynamic counting set may hold: far more addresses than the lab has. */
const COUNT_SET_SIZE = 65_536;

/** The table, created once per namespace (empty maps and sets, the chains that use them). */
export function firewallTableScript(): string {
  const addrPort = 'ipv4_addr . inet_service';
  const countSet = (name: string) => `  set ${name} { type ${addrPort}; flags dynamic; counter; size ${COUNT_SET_SIZE}; }`;
  return [
    `table inet ${FIREWALL_TABLE} {`,
    `  counter ${LEAK_COUNTER} { }`,
    `  map ${ROUTES} { type ${addrPort} : ${addrPort}; }`,
    ...Object.values(SETS).map((name) => `  set ${name} { type ${addrPort}; }`),
    ...Object.values(COUNT_SETS).map(countSet),
    // Every SYN the browser sends (retransmissions too), before any rule drops or rejects it:
    // the cost of a block in connection attempts. After conntrack (-200), before the block (-150).
    '  chain attempts {',
    '    type filter hook output priority -180; policy accept;',
    `    meta nfproto ipv4 meta l4proto tcp tcp flags & (syn | ack) == syn ip daddr != 127.0.0.0/8 add @${COUNT_SETS.syns} { ip daddr . tcp dport }`,
    '  }',
    // Filled only while the lab plays a device without a network (see firewallRulesScript).
    '  chain offline {',
    '    type filter hook output priority -160; policy accept;',
    '  }',
    // Before DNAT (-100), so the rules see the address the browser dialled.
    '  chain block {',
    '    type filter hook output priority -150; policy accept;',
    `    oifname != "lo" counter name "${LEAK_COUNTER}" drop`,
    `    meta l4proto tcp ip daddr . tcp dport @${SETS.blackhole} drop`,
    `    meta l4proto tcp ip daddr . tcp dport @${SETS.refuse} reject with tcp reset`,
    '  }',
    '  chain route {',
    '    type nat hook output priority -100; policy accept;',
    `    meta l4proto tcp dnat ip addr . port to ip daddr . tcp dport map @${ROUTES}`,
    '  }',
    // After NAT: conntrack's original tuple still names the lab address and port.
    '  chain account {',
    '    type filter hook output priority 100; policy accept;',
    '    meta nfproto != ipv4 return',
    '    ct original ip daddr 127.0.0.0/8 return',
    `    meta l4proto tcp ct direction original add @${COUNT_SETS.sent} { ct original ip daddr . ct original proto-dst }`,
    `    meta l4proto tcp ct direction reply add @${COUNT_SETS.received} { ct original ip daddr . ct original proto-dst }`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Replaces every rule with `rules` (one transaction). `offline`: the device has no network, as a
 * phone in a tunnel: every connection fails with "network unreachable" and the resolver cannot
 * be reached, as when the last interface goes away (the lab's addresses live on loopback, so
 * without these rules they would stay reachable).
 */
export function firewallRulesScript(rules: readonly PortRule[], offline = false): string {
  const lines = [
    `flush map inet ${FIREWALL_TABLE} ${ROUTES}`,
    ...Object.values(SETS).map((name) => `flush set inet ${FIREWALL_TABLE} ${name}`),
    `flush chain inet ${FIREWALL_TABLE} offline`,
  ];
  if (offline) {
    lines.push(
      `add rule inet ${FIREWALL_TABLE} offline meta nfproto ipv4 meta l4proto tcp ip daddr != 127.0.0.0/8 reject with icmp type net-unreachable`,
      `add rule inet ${FIREWALL_TABLE} offline meta nfproto ipv4 udp dport 53 reject`,
    );
  }
  const routes: string[] = [];
  const members: Record<keyof typeof SETS, string[]> = { blackhole: [], refuse: [] };
  const seen = new Set<string>();
  for (const rule of rules) {
    checkAddress(rule.address);
    checkPort(rule.port);
    const key = `${rule.address} . ${rule.port}`;
    if (seen.has(key)) throw new Error(`two rules for ${rule.address}:${rule.port}`);
    seen.add(key);
    if (typeof rule.verdict === 'string') {
      members[rule.verdict].push(key);
    } else {
      checkAddress(rule.verdict.route.host);
      checkPort(rule.verdict.route.port);
      routes.push(`${key} : ${rule.verdict.route.host} . ${rule.verdict.route.port}`);
    }
  }
  if (routes.length > 0) lines.push(`add element inet ${FIREWALL_TABLE} ${ROUTES} { ${routes.join(', ')} }`);
  for (const [verdict, keys] of Object.entries(members) as [keyof typeof SETS, string[]][]) {
    if (keys.length > 0) lines.push(`add element inet ${FIREWALL_TABLE} ${SETS[verdict]} { ${keys.join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

function checkAddress(address: string): void {
  const octets = address.split('.');
  if (octets.length !== 4 || octets.some((octet) => !/^\d{1,3}$/.test(octet) || Number(octet) > 255)) {
    throw new Error(`"${address}" is not an IPv4 address`);
  }
}

function checkPort(port: number): void {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`${port} is not a TCP port`);
}

/** Creates the table in the current namespace (call from inside it). */
export async function installFirewall(): Promise<void> {
  await runCommand(['nft', '-f', '-'], firewallTableScript());
}

export async function applyFirewallRules(rules: readonly PortRule[], offline = false): Promise<void> {
  await runCommand(['nft', '-f', '-'], firewallRulesScript(rules, offline));
}

/** Empties the traffic counters (a scenario's cost is counted from here). */
export async function resetTrafficCounters(): Promise<void> {
  const lines = [...Object.values(COUNT_SETS).map((name) => `flush set inet ${FIREWALL_TABLE} ${name}`), `reset counter inet ${FIREWALL_TABLE} ${LEAK_COUNTER}`];
  await runCommand(['nft', '-f', '-'], `${lines.join('\n')}\n`);
}

export async function removeFirewall(): Promise<void> {
  await runCommand(['nft', 'delete', 'table', 'inet', FIREWALL_TABLE]).catch(() => undefined);
}

/** Traffic to one lab `address:port`, as the packet rules counted it (IP and TCP headers included). */
export interface PortTraffic {
  readonly address: string;
  readonly port: number;
  /** SYN packets sent (each connection attempt and its retransmissions), blocked ones included. */
  readonly synPackets: number;
  /** Bytes the browser sent / received. */
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface TrafficCount {
  readonly ports: readonly PortTraffic[];
  /** Packets that tried to leave through a link other than loopback (must stay 0). */
  readonly leakedPackets: number;
}

export async function readTraffic(): Promise<TrafficCount> {
  const byKey = new Map<string, { address: string; port: number; synPackets: number; bytesSent: number; bytesReceived: number }>();
  const entry = (address: string, port: number) => {
    const key = `${address}:${port}`;
    let found = byKey.get(key);
    if (!found) {
      found = { address, port, synPackets: 0, bytesSent: 0, bytesReceived: 0 };
      byKey.set(key, found);
    }
    return found;
  };
  const [syns, sent, received] = await Promise.all([
    listCountingSet(COUNT_SETS.syns),
    listCountingSet(COUNT_SETS.sent),
    listCountingSet(COUNT_SETS.received),
  ]);
  for (const element of syns) entry(element.address, element.port).synPackets += element.packets;
  for (const element of sent) entry(element.address, element.port).bytesSent += element.bytes;
  for (const element of received) entry(element.address, element.port).bytesReceived += element.bytes;
  const { stdout } = await runCommand(['nft', '-j', 'list', 'counter', 'inet', FIREWALL_TABLE, LEAK_COUNTER]);
  const leak = parseNftJson(stdout).find((item): item is { counter: { packets: number } } => typeof item === 'object' && item !== null && 'counter' in item);
  return { ports: [...byKey.values()], leakedPackets: leak?.counter.packets ?? 0 };
}

interface CountedElement {
  readonly address: string;
  readonly port: number;
  readonly packets: number;
  readonly bytes: number;
}

async function listCountingSet(name: string): Promise<CountedElement[]> {
  const { stdout } = await runCommand(['nft', '-j', 'list', 'set', 'inet', FIREWALL_TABLE, name]);
  const out: CountedElement[] = [];
  for (const item of parseNftJson(stdout)) {
    const set = (item as { set?: { elem?: unknown[] } }).set;
    for (const raw of set?.elem ?? []) {
      const elem = (raw as { elem?: { val?: { concat?: [string, number] }; counter?: { packets: number; bytes: number } } }).elem;
      const concat = elem?.val?.concat;
      if (!concat || !elem.counter) continue;
      out.push({ address: concat[0], port: concat[1], packets: elem.counter.packets, bytes: elem.counter.bytes });
    }
  }
  return out;
}

function parseNftJson(text: string): unknown[] {
  const parsed = JSON.parse(text) as { nftables?: unknown[] };
  return parsed.nftables ?? [];
}
