import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from './run-command';

// The runner for real (as root): a command inside a fresh namespace, and what is left afterwards.

const RUNNER = fileURLToPath(new URL('./run-in-namespace.ts', import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runner(command: string[], onStart?: (pid: number, stdout: () => string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', RUNNER, '--', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    if (onStart && child.pid !== undefined) onStart(child.pid, () => stdout);
  });
}

async function namespaces(): Promise<string[]> {
  const { stdout } = await runCommand(['ip', 'netns', 'list']);
  return stdout.split('\n').map((line) => line.split(' ')[0] ?? '').filter(Boolean);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Prints what the command sees inside, one `key=value` per line. */
const INSPECT = [
  'sh',
  '-c',
  [
    'echo "netns=$BWLAB_NETNS"',
    'echo "rundir=$BWLAB_RUN_DIR"',
    'echo "tmpdir=$TMPDIR"',
    'echo "resolver=$(grep ^nameserver /etc/resolv.conf)"',
    'echo "routes=$(ip -4 route show table main | wc -l)"',
    'echo "online=$(ip -br link show bw-online | grep -c UP)"',
    'echo "synretries=$(sysctl -n net.ipv4.tcp_syn_retries)"',
    'exit 3',
  ].join('; '),
];

function field(stdout: string, key: string): string {
  return new RegExp(`^${key}=(.*)$`, 'm').exec(stdout)?.[1] ?? '';
}

describe('run-in-namespace', () => {
  it('runs the command in a fresh, isolated namespace, returns its status and removes everything', async () => {
    const run = await runner(INSPECT);
    expect(run.code).toBe(3);
    const name = field(run.stdout, 'netns');
    expect(name).toMatch(/^bwlab-\d+$/);
    expect(field(run.stdout, 'resolver')).toBe('nameserver 127.0.0.53');
    expect(field(run.stdout, 'routes')).toBe('0');
    expect(field(run.stdout, 'online')).toBe('1');
    expect(field(run.stdout, 'synretries')).toBe('4');
    expect(field(run.stdout, 'tmpdir')).toBe(field(run.stdout, 'rundir'));

    expect(await namespaces()).not.toContain(name);
    expect(await exists(`/etc/netns/${name}`)).toBe(false);
    expect(await exists(field(run.stdout, 'rundir'))).toBe(false);
  });

  it('on SIGTERM, passes it on to the command and still cleans up', async () => {
    let name = '';
    const run = await runner(['sh', '-c', 'echo "netns=$BWLAB_NETNS"; sleep 60'], (pid, stdout) => {
      const poll = setInterval(() => {
        name = field(stdout(), 'netns');
        if (name) {
          clearInterval(poll);
          process.kill(pid, 'SIGTERM');
        }
      }, 50);
    });
    expect(name).toMatch(/^bwlab-\d+$/);
    expect(run.code).toBe(143);
    expect(await namespaces()).not.toContain(name);
  });

  it('removes a namespace left by a run that was killed', async () => {
    // A namespace named after a pid no process has (above the kernel's pid_max).
    const stale = 'bwlab-99999999';
    await runCommand(['ip', 'netns', 'add', stale]);
    const run = await runner(['true']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`removing ${stale}`);
    expect(await namespaces()).not.toContain(stale);
  });

  it('says what to do when no command is given', async () => {
    const run = await runner([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('usage: node --import tsx tests/lab/netns/run-in-namespace.ts -- <command>');
  });
});
