/**
 * `npm run release`: refuses unless the tree is committed, the version is new and the changelog
 * says what changed; then typecheck, unit tests, build, zips, and SHA-256 sums of the zips written
 * to `.output/SHA256SUMS` and printed (publish them next to the files: README "Install from a file").
 *
 *   npx tsx scripts/release/run.ts [--root <repository>] [--check-only]
 *
 * `--check-only` stops after the checks (exit 0 when a release could start). It does not tag or
 * publish: it prints the tag command to run once the files are out.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseProblems, type ReleaseFacts } from './checks';
import { sha256Lines } from './sums';

/** The zips `npm run zip` writes (WXT's default artifact and sources templates). */
const ZIP_KINDS = ['chrome', 'firefox', 'sources'] as const;
/** The build folders whose manifests must carry the released version. */
const BUILD_DIRS = ['chrome-mv3', 'firefox-mv2'] as const;

function git(root: string, args: readonly string[]): string {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${root}: ${result.stderr.trim()}`);
  return result.stdout;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function readReleaseFacts(root: string): ReleaseFacts {
  const packageJson = JSON.parse(readText(join(root, 'package.json')) ?? '{}') as { version?: unknown };
  return {
    porcelain: git(root, ['status', '--porcelain']),
    packageVersion: typeof packageJson.version === 'string' ? packageJson.version : '',
    tags: git(root, ['tag', '--list']).split('\n').filter(Boolean),
    changelog: readText(join(root, 'CHANGELOG.md')),
  };
}

function step(root: string, title: string, command: readonly string[]): void {
  process.stdout.write(`\n=== release: ${title}: ${command.join(' ')}\n`);
  const result = spawnSync(command[0]!, command.slice(1), { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
}

async function release(root: string, checkOnly: boolean): Promise<number> {
  const facts = readReleaseFacts(root);
  const problems = releaseProblems(facts);
  if (problems.length > 0) {
    process.stderr.write(`release refused:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n`);
    return 1;
  }
  const version = facts.packageVersion;
  process.stdout.write(`release ${version}: the tree is committed, the version is new, CHANGELOG.md has its entry\n`);
  if (checkOnly) return 0;

  step(root, 'typecheck', ['npx', 'tsc', '--noEmit', '-p', '.']);
  step(root, 'unit tests', ['npx', 'vitest', 'run']);
  step(root, 'build', ['npm', 'run', 'build']);
  step(root, 'zips', ['npm', 'run', 'zip']);

  const output = join(root, '.output');
  for (const dir of BUILD_DIRS) {
    const manifest = JSON.parse(readFileSync(join(output, dir, 'manifest.json'), 'utf8')) as { version?: string };
    if (manifest.version !== version) throw new Error(`${dir}/manifest.json carries version ${manifest.version ?? '(none)'}, not ${version}`);
  }
  const zips = ZIP_KINDS.map((kind) => join(output, `blockwatch-${version}-${kind}.zip`));
  const lines = await sha256Lines(zips);
  const sumsFile = join(output, 'SHA256SUMS');
  writeFileSync(sumsFile, `${lines.join('\n')}\n`);
  process.stdout.write(`\n${sumsFile}:\n${lines.join('\n')}\n\nrelease ${version} ready. Publish the zips and SHA256SUMS, then: git tag v${version} && git push origin v${version}\n`);
  return 0;
}

const thisFile = fileURLToPath(import.meta.url);
if (process.argv[1] === thisFile) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf('--root');
  const root = resolve(rootIndex === -1 ? '.' : (args[rootIndex + 1] ?? '.'));
  release(root, args.includes('--check-only')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`release failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
