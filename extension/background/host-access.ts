/**
 * Which host match patterns the extension may not reach right now: Chrome's site access ("on
 * click", "on specific sites") and a revoked optional grant both show in `permissions.contains`.
 * Asked one origin at a time, since `contains` only says whether all of a list are granted.
 */
import { browser } from 'wxt/browser';

async function granted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    // A browser that cannot answer is taken as granting: the probes then report what they see.
    return true;
  }
}

export async function withheldHosts(patterns: readonly string[]): Promise<readonly string[]> {
  const answers = await Promise.all(patterns.map(async (pattern) => ((await granted(pattern)) ? null : pattern)));
  return answers.filter((pattern): pattern is string => pattern !== null);
}
