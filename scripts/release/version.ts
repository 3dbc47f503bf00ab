/**
 * Release versions: plain `MAJOR.MINOR.PATCH`. Chrome's manifest `version` takes one to four
 * dot-separated integers and nothing else (https://developer.chrome.com/docs/extensions/reference/manifest/version),
 * so a pre-release suffix (`1.0.0-beta`) would not be what the manifest carries: refused.
 */
export type Version = readonly [major: number, minor: number, patch: number];

const RELEASE_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseVersion(text: string): Version | null {
  const match = RELEASE_VERSION.exec(text.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

/** The newest of some texts that are versions (a tag `v1.2.3` counts as `1.2.3`); others are ignored. */
export function newestVersion(texts: readonly string[]): Version | null {
  let newest: Version | null = null;
  for (const text of texts) {
    const version = parseVersion(text.replace(/^v/, ''));
    if (version && (!newest || compareVersions(version, newest) > 0)) newest = version;
  }
  return newest;
}
