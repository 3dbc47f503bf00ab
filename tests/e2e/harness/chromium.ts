/**
 * Where Debian's Chromium is and how the lab starts it. Never a downloaded browser: CI installs
 * `chromium` with apt-get, as this machine has it.
 */
import { access } from 'node:fs/promises';

/**
 * The binary itself, not the /usr/bin/chromium wrapper: the wrapper adds flags of its own (an empty
 * `--load-extension=`, `--enable-remote-extensions`) and prints a shell warning (docs/sources.md#chromium-e2e).
 */
const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export async function findChromium(): Promise<string> {
  const fromEnv = process.env.BWLAB_CHROMIUM;
  for (const candidate of fromEnv ? [fromEnv] : CHROMIUM_CANDIDATES) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // Try the next one.
    }
  }
  throw new Error(`Chromium not found at ${CHROMIUM_CANDIDATES.join(' or ')}: install Debian's \`chromium\` (apt-get install -y chromium)`);
}

/**
 * Flags for every lab launch:
 * - `--no-sandbox`: the lab runs as root (it owns a network namespace), and Chromium's sandbox
 *   refuses root;
 * - the background-networking, component-update, sync and first-run switches keep Chromium's own
 *   traffic to a minimum (it still looks up a few Google hosts, which the lab's DNS refuses);
 * - `--disable-gpu`: there is none in CI;
 * - `--disable-features=MediaRouter,OptimizationHints`: two more sources of unasked-for traffic.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=MediaRouter,OptimizationHints',
  ];
}
