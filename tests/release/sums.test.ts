import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Lines } from '../../scripts/release/sums';

const dir = mkdtempSync(join(tmpdir(), 'blockwatch-sums-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the release sums', () => {
  it('are the SHA-256 of each file in the format `sha256sum -c` checks, and catch a changed file', async () => {
    writeFileSync(join(dir, 'b.zip'), 'second');
    writeFileSync(join(dir, 'a.zip'), 'abc');
    const lines = await sha256Lines([join(dir, 'b.zip'), join(dir, 'a.zip')]);
    // SHA-256("abc") from FIPS 180-2, appendix B.1.
    expect(lines[0]).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.zip');
    writeFileSync(join(dir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.status).toBe(0);
    writeFileSync(join(dir, 'b.zip'), 'tampered');
    const tampered = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(tampered.status).not.toBe(0);
    expect(tampered.stdout).toContain('b.zip: FAILED');
  });
});
