/**
 * SHA-256 sums in the format `sha256sum` writes and `sha256sum -c` checks: `<64 hex>  <file name>`,
 * one per line, names relative to the file the sums are written to.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export async function sha256Lines(paths: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const path of [...paths].sort()) {
    const hash = createHash('sha256').update(await readFile(path)).digest('hex');
    lines.push(`${hash}  ${basename(path)}`);
  }
  return lines;
}
