/**
 * `npm run check` end to end, as a person runs it. The "no internet" case runs inside a network
 * namespace made for the test (loopback only, no route out), so nothing leaves the machine and
 * the result does not depend on the machine's own network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const NAMESPACE = `bwcheck-${process.pid}`;
const CLI = ['--import', 'tsx', 'src/cli/run-check.ts'];

function run(args: readonly string[], inNamespace: boolean): { status: number | null; stdout: string; stderr: string } {
  const command = inNamespace ? 'ip' : process.execPath;
  const argv = inNamespace ? ['netns', 'exec', NAMESPACE, process.execPath, ...CLI, ...args] : [...CLI, ...args];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TZ: 'Europe/Moscow' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', () => {
  beforeAll(() => {
    execFileSync('ip', ['netns', 'add', NAMESPACE]);
    execFileSync('ip', ['netns', 'exec', NAMESPACE, 'ip', 'link', 'set', 'lo', 'up']);
  });
  afterAll(() => {
    spawnSync('ip', ['netns', 'del', NAMESPACE]);
  });

  it('on a machine without internet says offline for every service, never blocked', () => {
    const { status, stdout, stderr } = run(['--json'], true);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as { country: string; network: { state: string }; services: { serviceId: string; state: string }[] };
    expect(report.network.state).toBe('offline');
    expect(report.services.map((service) => service.serviceId)).toEqual(['whatsapp', 'telegram', 'signal', 'messenger', 'instagram', 'youtube', 'x', 'discord', 'viber']);
    expect(new Set(report.services.map((service) => service.state))).toEqual(new Set(['offline']));
    // The country comes from the time zone, and progress goes to stderr while it runs.
    expect(report.country).toBe('RU');
    expect(stderr).toMatch(/probed \d+\/\d+/);
  });

  it('prints a table per service with the network line and the controls', () => {
    const { status, stdout } = run(['--service', 'whatsapp,telegram', '--country', 'ir'], true);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Network: offline/m);
    expect(stdout).toMatch(/^WhatsApp\s+You are offline/m);
    expect(stdout).toMatch(/^Telegram\s+You are offline/m);
    expect(stdout).not.toMatch(/^Signal/m);
    expect(stdout).toMatch(/^Controls:/m);
    expect(stdout).toMatch(/domestic IR/);
  });

  it('rejects a bad flag with a clear message and exit code 2, probing nothing', () => {
    const { status, stdout, stderr } = run(['--service', 'icq'], false);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown service "icq": choose from whatsapp, telegram');
  });

  it('explains itself with --help', () => {
    const { status, stdout } = run(['--help'], false);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: npm run check');
  });
});
