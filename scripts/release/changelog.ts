/**
 * CHANGELOG.md in the Keep a Changelog shape (https://keepachangelog.com/en/1.1.0/): one
 * `## [1.2.3] - 2026-12-07` heading per release, newest first. Also accepted: `## 1.2.3`.
 */
const RELEASE_HEADING = /^##\s+\[?v?(\d+\.\d+\.\d+)\]?(?:\s|$)/;

export interface ChangelogEntry {
  readonly version: string;
  /** The entry's lines under its heading, up to the next release heading, trimmed. */
  readonly body: string;
}

export function changelogEntries(text: string): ChangelogEntry[] {
  const entries: { version: string; lines: string[] }[] = [];
  for (const line of text.split(/\r?\n/)) {
    const heading = RELEASE_HEADING.exec(line);
    if (heading) entries.push({ version: heading[1]!, lines: [] });
    else if (/^##\s/.test(line)) entries.push({ version: '', lines: [] }); // "## [Unreleased]" and the like
    else entries.at(-1)?.lines.push(line);
  }
  return entries.filter((entry) => entry.version).map((entry) => ({ version: entry.version, body: entry.lines.join('\n').trim() }));
}
