/**
 * The build is reproducible: two `npm run zip` runs, each in its own fresh clone of the current
 * commit (at different paths, so an absolute path leaking into a file shows too), give
 * byte-identical zips; and the Firefox zip rebuilt from the sources zip alone (as AMO's reviewers
 * build it) is byte-identical too.
 *
 *   node --import tsx tests/reproducible/zip-twice.ts
 *
 * Each clone borrows this checkout's node_modules (a symlink): the test is about our build, not
 * about npm, and stays offline. Uncommitted changes are not tested: it builds HEAD. Prints each
 * zip's two SHA-256 sums, the names of the entries that differ when they do, then
 * `reproducible zips: N passed, M failed` (one check per zip, one for the rebuild from sources).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';

const ROOT = resolve('.');

function run(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
  return result.stdout;
}

function cloneAndZip(base: string, name: string, commit: string): string {
  const dir = join(base, name);
  run('git', ['clone', '--quiet', '--no-checkout', ROOT, dir], base);
  run('git', ['-c', 'advice.detachedHead=false', 'checkout', '--quiet', commit], dir);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  run('npm', ['run', 'zip'], dir);
  return join(dir, '.output');
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What differs between two zips, entry by entry: the first place to look when the sums differ. */
async function differences(a: Buffer, b: Buffer): Promise<string[]> {
  const [zipA, zipB] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const namesA = Object.keys(zipA.files);
  const namesB = Object.keys(zipB.files);
  const found: string[] = [];
  if (namesA.join('\n') !== namesB.join('\n')) found.push(`entry order or names differ (${namesA.length} vs ${namesB.length} entries)`);
  for (const name of namesA) {
    const entryA = zipA.files[name]!;
    const entryB = zipB.files[name];
    if (!entryB) continue;
    if (entryA.date.getTime() !== entryB.date.getTime()) found.push(`${name}: date ${entryA.date.toISOString()} vs ${entryB.date.toISOString()}`);
    if (!entryA.dir && sha256(await entryA.async('nodebuffer')) !== sha256(await entryB.async('nodebuffer'))) found.push(`${name}: contents differ`);
  }
  return found;
}

async function main(): Promise<number> {
  const started = Date.now();
  const commit = run('git', ['rev-parse', 'HEAD'], ROOT).trim();
  const base = mkdtempSync(join(tmpdir(), 'blockwatch-repro-'));
  let passed = 0;
  let failed = 0;
  try {
    const first = cloneAndZip(base, 'first', commit);
    const second = cloneAndZip(base, 'second-clone', commit);
    const zips = readdirSync(first).filter((file) => file.endsWith('.zip')).sort();
    if (zips.length === 0) throw new Error('npm run zip wrote no zip');
    for (const zip of zips) {
      const a = readFileSync(join(first, zip));
      const b = readFileSync(join(second, zip));
      const same = sha256(a) === sha256(b);
      process.stdout.write(`${same ? 'ok  ' : 'FAIL'} ${zip}: ${sha256(a)} / ${sha256(b)}\n`);
      if (!same) for (const difference of (await differences(a, b)).slice(0, 20)) process.stdout.write(`       ${difference}\n`);
      if (same) passed += 1;
      else failed += 1;
    }
    // What AMO's reviewers do: build from the sources zip alone (no git, no dotfiles, no tests).
    const fromSources = join(base, 'from-sources');
    const sourcesZip = zips.find((zip) => zip.endsWith('-sources.zip'));
    const firefoxZip = zips.find((zip) => zip.endsWith('-firefox.zip'));
    if (!sourcesZip || !firefoxZip) throw new Error('npm run zip wrote no sources or Firefox zip');
    run('unzip', ['-q', join(first, sourcesZip), '-d', fromSources], base);
    symlinkSync(join(ROOT, 'node_modules'), join(fromSources, 'node_modules'), 'dir');
    run('npm', ['run', 'zip'], fromSources);
    const rebuilt = sha256(readFileSync(join(fromSources, '.output', firefoxZip)));
    const original = sha256(readFileSync(join(first, firefoxZip)));
    process.stdout.write(`${rebuilt === original ? 'ok  ' : 'FAIL'} ${firefoxZip} rebuilt from ${sourcesZip}: ${rebuilt}\n`);
    if (rebuilt === original) passed += 1;
    else failed += 1;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  process.stdout.write(`reproducible zips: ${passed} passed, ${failed} failed (${commit.slice(0, 12)}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\nreproducible zips: 0 passed, 1 failed\n`);
    process.exit(1);
  },
);
