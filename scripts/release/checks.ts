/**
 * What must hold before `npm run release` builds anything. Pure: the caller reads git, package.json
 * and CHANGELOG.md and passes what it read; every problem is a sentence a person can act on.
 */
import { changelogEntries } from './changelog';
import { compareVersions, formatVersion, newestVersion, parseVersion } from './version';

export interface ReleaseFacts {
  /** `git status --porcelain` output: empty when nothing is changed, staged or untracked. */
  readonly porcelain: string;
  /** package.json's `version`. */
  readonly packageVersion: string;
  /** Every tag of the repository (`git tag --list`). Release tags are `v1.2.3`. */
  readonly tags: readonly string[];
  /** CHANGELOG.md's text, or null when there is none. */
  readonly changelog: string | null;
}

export function releaseProblems(facts: ReleaseFacts): string[] {
  const problems: string[] = [];
  const changed = facts.porcelain.split('\n').filter((line) => line.trim());
  if (changed.length > 0) {
    problems.push(`uncommitted changes (${changed.length} ${changed.length === 1 ? 'path' : 'paths'}): commit or stash them, a release is built from a commit:\n${changed.map((line) => `    ${line}`).join('\n')}`);
  }
  const version = parseVersion(facts.packageVersion);
  if (!version) {
    problems.push(`package.json version "${facts.packageVersion}" is not MAJOR.MINOR.PATCH (the manifests carry plain numbers)`);
    return problems;
  }
  const lastTag = newestVersion(facts.tags);
  if (lastTag && compareVersions(version, lastTag) <= 0) {
    problems.push(`version ${formatVersion(version)} is not greater than the last release tag v${formatVersion(lastTag)}: raise "version" in package.json`);
  }
  if (facts.changelog === null) {
    problems.push(`no CHANGELOG.md: add one with a "## [${formatVersion(version)}] - YYYY-MM-DD" entry`);
    return problems;
  }
  const entries = changelogEntries(facts.changelog);
  const entry = entries.find((candidate) => candidate.version === formatVersion(version));
  if (!entry) problems.push(`CHANGELOG.md has no entry for ${formatVersion(version)}: add "## [${formatVersion(version)}] - YYYY-MM-DD" with what changed`);
  else if (!entry.body) problems.push(`CHANGELOG.md's entry for ${formatVersion(version)} says nothing: list what changed`);
  const others = entries.filter((candidate) => candidate.version !== formatVersion(version)).map((candidate) => candidate.version);
  const lastLogged = newestVersion(others);
  if (lastLogged && compareVersions(version, lastLogged) <= 0) {
    problems.push(`version ${formatVersion(version)} is not greater than CHANGELOG.md's latest release ${formatVersion(lastLogged)}: raise "version" in package.json`);
  }
  return problems;
}
