/**
 * Runs a command inside a fresh lab network namespace, and always cleans up after it.
 *
 *   node --import tsx tests/lab/netns/run-in-namespace.ts -- <command> [args…]
 *
 * Why a runner: a process cannot move itself (and its threads) into another network namespace, so
 * everything of a lab run — the DNS server, the behaviour servers, Playwright and Chromium — is
 * started by one command executed with `ip netns exec`. The runner stays outside, waits, and then
 * removes the namespace (which also drops its nftables tables and addresses), its /etc/netns files
 * and the run's temp dir: on a normal exit, on a failure, and on SIGINT/SIGTERM (forwarded to the
 * command first, so it can close the browser). Exit status is the command's.
 *
 * Inside, the command finds `BWLAB_NETNS` (the namespace) and `BWLAB_RUN_DIR` (a temp dir for
 * certificates, the browser's HOME and profiles; removed afterwards), which is also its TMPDIR.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  NAMESPACE_ENV,
  RUN_DIR_ENV,
  createLabNamespace,
  deleteLabNamespace,
  namespaceNameFor,
  staleLabNamespaces,
} from './namespace';

/** How long a command gets to end after a forwarded signal before it is killed, ms (Chromium closes in ~1 s). */
const SIGNAL_GRACE_MS = 5_000;

export async function runInNamespace(command: readonly string[]): Promise<number> {
  const [file, ...args] = command;
  if (!file) throw new Error('usage: node --import tsx tests/lab/netns/run-in-namespace.ts -- <command> [args…]');

  for (const stale of await staleLabNamespaces()) {
    process.stderr.write(`lab: removing ${stale} and its run dir, left by a run that was killed\n`);
    await deleteLabNamespace(stale);
    for (const entry of await readdir(tmpdir())) {
      if (entry.startsWith(`${stale}-`)) await rm(join(tmpdir(), entry), { recursive: true, force: true });
    }
  }

  const name = namespaceNameFor(process.pid);
  const runDir = await mkdtemp(join(tmpdir(), `${name}-`));
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await deleteLabNamespace(name);
    await rm(runDir, { recursive: true, force: true });
  };

  try {
    const namespace = await createLabNamespace(name);
    if (process.env.BWLAB_VERBOSE) process.stderr.write(`lab: namespace ${name} (online link: ${namespace.onlineLinkKind}), run dir ${runDir}\n`);
    return await new Promise<number>((resolve, reject) => {
      const child = spawn('ip', ['netns', 'exec', name, file, ...args], {
        stdio: 'inherit',
        // TMPDIR too: temp files of the command (the lab CA, Playwright's) then go with the run dir,
        // even when the command is killed before it can remove them itself.
        env: { ...process.env, [NAMESPACE_ENV]: name, [RUN_DIR_ENV]: runDir, TMPDIR: runDir },
      });
      let killTimer: NodeJS.Timeout | undefined;
      const forward = (signal: NodeJS.Signals) => {
        if (process.env.BWLAB_VERBOSE) process.stderr.write(`lab: ${signal}: passing it on to the command, then cleaning up\n`);
        child.kill(signal);
        killTimer ??= setTimeout(() => child.kill('SIGKILL'), SIGNAL_GRACE_MS);
      };
      const onInt = () => forward('SIGINT');
      const onTerm = () => forward('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        if (process.env.BWLAB_VERBOSE) process.stderr.write(`lab: command ended (${code ?? signal})\n`);
        if (killTimer) clearTimeout(killTimer);
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        resolve(code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1));
      });
    });
  } finally {
    await cleanUp();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const separator = process.argv.indexOf('--');
  const command = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
  runInNamespace(command).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`lab: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
