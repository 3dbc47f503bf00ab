/**
 * Runs a system tool (ip, nft, certutil…) and fails with its own words when it fails, so a broken
 * lab says which step broke and why instead of a bare exit status.
 */
import { spawn } from 'node:child_process';

export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly command: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`\`${command.join(' ')}\` failed (${exitCode === null ? 'killed' : `exit ${exitCode}`}): ${stderr.trim() || '(no output)'}`);
  }
}

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` with `input` on its stdin; rejects with CommandError on a non-zero exit. */
export function runCommand(command: readonly string[], input?: string): Promise<CommandResult> {
  const [file, ...args] = command;
  if (!file) return Promise.reject(new Error('runCommand needs a command'));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new CommandError(command, null, `${file} is not installed (Debian: iproute2, nftables, libnss3-tools)`) : error);
    });
    child.once('close', (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else reject(new CommandError(command, code, stderr || stdout));
    });
    if (input !== undefined && child.stdin) {
      // A tool that exits before reading all its input is reported by its exit status, not EPIPE.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}
