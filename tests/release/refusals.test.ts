/**
 * `npm run release` refuses, before building anything, in a repository that is not ready: changed
 * files, no changelog entry for the version, a version not above the last release. Each case is a
 * small temporary git repository; the script runs with `--root` pointing at it (and `--check-only`
 * for the one repository that is ready, so no test ever builds or runs the suites).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = resolve('scripts/release/run.ts');
const made: string[] = [];

function git(dir: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function repository(files: Record<string, string>, tags: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'blockwatch-release-'));
  made.push(dir);
  git(dir, 'init', '-q');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'state');
  for (const tag of tags) git(dir, 'tag', tag);
  return dir;
}

function release(dir: string, ...extra: string[]): { code: number | null; err: string; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, '--root', dir, ...extra], { encoding: 'utf8' });
  return { code: result.status, err: result.stderr, out: result.stdout };
}

const packageJson = (version: string): string => JSON.stringify({ name: 'blockwatch', version });
const changelog = (...versions: string[]): string => `# Changelog\n\n${versions.map((version) => `## [${version}] - 2026-12-07\n\n- Something changed.\n`).join('\n')}`;

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run release refuses', () => {
  it('with an uncommitted change, and names the file', () => {
    const dir = repository({ 'package.json': packageJson('0.2.0'), 'CHANGELOG.md': changelog('0.2.0', '0.1.0') }, ['v0.1.0']);
    writeFileSync(join(dir, 'notes.txt'), 'not committed');
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('release refused');
    expect(result.err).toContain('uncommitted changes');
    expect(result.err).toContain('notes.txt');
    expect(result.out).not.toContain('=== release:');
  });

  it('when CHANGELOG.md has no entry for the version', () => {
    const dir = repository({ 'package.json': packageJson('0.2.0'), 'CHANGELOG.md': changelog('0.1.0') }, ['v0.1.0']);
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('CHANGELOG.md has no entry for 0.2.0');
    expect(result.out).not.toContain('=== release:');
  });

  it('when there is no CHANGELOG.md at all', () => {
    const dir = repository({ 'package.json': packageJson('0.2.0') });
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('no CHANGELOG.md');
  });

  it('when the version is not above the last release tag', () => {
    const dir = repository({ 'package.json': packageJson('0.1.0'), 'CHANGELOG.md': changelog('0.1.0') }, ['v0.1.0']);
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('not greater than the last release tag v0.1.0');
    expect(result.out).not.toContain('=== release:');
  });

  it('when the version is below the changelog\'s latest release', () => {
    const dir = repository({ 'package.json': packageJson('0.1.5'), 'CHANGELOG.md': changelog('0.2.0', '0.1.5') });
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain("not greater than CHANGELOG.md's latest release 0.2.0");
  });

  it('when the version is not plain MAJOR.MINOR.PATCH', () => {
    const dir = repository({ 'package.json': packageJson('1.0.0-beta'), 'CHANGELOG.md': changelog('1.0.0') });
    const result = release(dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is not MAJOR.MINOR.PATCH');
  });
});

describe('npm run release accepts', () => {
  it('a committed tree with a new version and its changelog entry (checks only, nothing built)', () => {
    const dir = repository({ 'package.json': packageJson('0.2.0'), 'CHANGELOG.md': changelog('0.2.0', '0.1.0') }, ['v0.1.0', 'not-a-release']);
    const result = release(dir, '--check-only');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('release 0.2.0');
  });
});
