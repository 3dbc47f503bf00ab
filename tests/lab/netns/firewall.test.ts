import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firewallRulesScript, firewallTableScript, type PortRule } from './firewall';

// The rule scripts are applied by the real nft, each test in a throwaway network namespace of its
// own (`unshare --net`, as root), so nothing touches the machine's own rules.

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bwlab-firewall-test-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `script` (sh) in a new network namespace; resolves its stdout, rejects with its stderr. */
function inFreshNamespace(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', ['--net', 'sh', '-e', '-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`exit ${code}: ${stderr}`))));
  });
}

async function files(...scripts: string[]): Promise<string[]> {
  return Promise.all(
    scripts.map(async (script, index) => {
      const file = `rules-${index}.nft`;
      await writeFile(join(dir, file), script);
      return file;
    }),
  );
}

interface Listed {
  routes: string[];
  blackholed: string[];
  refused: string[];
  offlineRules: number;
}

/** The table's maps, sets and offline chain, as nft lists them after the scripts were applied. */
async function applyAndList(...scripts: string[]): Promise<Listed> {
  const names = await files(...scripts);
  const out = await inFreshNamespace(`${names.map((name) => `nft -f ${name}`).join('\n')}\nnft -j list table inet bwlab`);
  const items = (JSON.parse(out) as { nftables: Record<string, { name: string; elem?: unknown[] } & Record<string, unknown>>[] }).nftables;
  const elems = (kind: 'map' | 'set', name: string) =>
    items
      .flatMap((item) => (item[kind]?.name === name ? (item[kind]?.elem ?? []) : []))
      .map((elem) => JSON.stringify(elem));
  return {
    routes: elems('map', 'routes'),
    blackholed: elems('set', 'blackholed'),
    refused: elems('set', 'refused'),
    offlineRules: items.filter((item) => item.rule?.chain === 'offline').length,
  };
}

const RULES: PortRule[] = [
  { address: '45.67.0.10', port: 443, verdict: { route: { host: '127.0.0.1', port: 9443 } } },
  { address: '45.67.0.11', port: 443, verdict: 'blackhole' },
  { address: '45.67.0.12', port: 80, verdict: 'refuse' },
];

describe('lab packet rules', () => {
  it('load into nft: routes, black holes and refusals each where they belong', async () => {
    const listed = await applyAndList(firewallTableScript(), firewallRulesScript(RULES));
    expect(listed.routes).toEqual([JSON.stringify([{ concat: ['45.67.0.10', 443] }, { concat: ['127.0.0.1', 9443] }])]);
    expect(listed.blackholed).toEqual([JSON.stringify({ concat: ['45.67.0.11', 443] })]);
    expect(listed.refused).toEqual([JSON.stringify({ concat: ['45.67.0.12', 80] })]);
    expect(listed.offlineRules).toBe(0);
  });

  it('replace the previous rules whole when a scenario changes', async () => {
    const next: PortRule[] = [{ address: '45.67.0.10', port: 443, verdict: 'refuse' }];
    const listed = await applyAndList(firewallTableScript(), firewallRulesScript(RULES), firewallRulesScript(next));
    expect(listed.routes).toEqual([]);
    expect(listed.blackholed).toEqual([]);
    expect(listed.refused).toEqual([JSON.stringify({ concat: ['45.67.0.10', 443] })]);
  });

  it('add the offline rules only while offline', async () => {
    const offline = await applyAndList(firewallTableScript(), firewallRulesScript(RULES, true));
    expect(offline.offlineRules).toBe(2);
    const back = await applyAndList(firewallTableScript(), firewallRulesScript(RULES, true), firewallRulesScript(RULES, false));
    expect(back.offlineRules).toBe(0);
  });

  it('route a connection to its listener and refuse another with a RST, as a client sees it', async () => {
    const [table, rules] = await files(
      firewallTableScript(),
      firewallRulesScript([
        { address: '45.67.0.10', port: 443, verdict: { route: { host: '127.0.0.1', port: 9443 } } },
        { address: '45.67.0.12', port: 443, verdict: 'refuse' },
      ]),
    );
    // A listener on 127.0.0.1:9443 that tells the client which address it was dialled as.
    const client = `
      const net = require('node:net');
      const server = net.createServer((s) => s.end(s.localAddress + ' from ' + s.remoteAddress)).listen(9443, '127.0.0.1', () => {
        const routed = net.connect(443, '45.67.0.10');
        let text = '';
        routed.on('data', (d) => (text += d)).on('end', () => {
          console.log('routed: ' + text);
          net.connect(443, '45.67.0.12').on('error', (e) => { console.log('refused: ' + e.code); server.close(); });
        });
      });`;
    const out = await inFreshNamespace(
      `ip link set lo up\nip addr add 45.67.0.10/32 dev lo\nip addr add 45.67.0.12/32 dev lo\nnft -f ${table}\nnft -f ${rules}\n${JSON.stringify(process.execPath)} -e ${shellQuote(client)}`,
    );
    expect(out).toContain('routed: 127.0.0.1 from 45.67.0.10');
    expect(out).toContain('refused: ECONNREFUSED');
  });

  it('reject bad input with a clear message before nft sees it', () => {
    expect(() => firewallRulesScript([{ address: '45.67.0', port: 443, verdict: 'refuse' }])).toThrow('"45.67.0" is not an IPv4 address');
    expect(() => firewallRulesScript([{ address: '45.67.0.1', port: 0, verdict: 'refuse' }])).toThrow('0 is not a TCP port');
    expect(() => firewallRulesScript([{ address: '45.67.0.1', port: 443, verdict: { route: { host: 'localhost', port: 1 } } }])).toThrow(
      '"localhost" is not an IPv4 address',
    );
    expect(() =>
      firewallRulesScript([
        { address: '45.67.0.1', port: 443, verdict: 'refuse' },
        { address: '45.67.0.1', port: 443, verdict: 'blackhole' },
      ]),
    ).toThrow('two rules for 45.67.0.1:443');
  });
});

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
