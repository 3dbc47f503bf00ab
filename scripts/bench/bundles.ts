/**
 * Bundle sizes of the production build, gzipped as a store download would be: each page and the
 * background with the chunks they load (a module service worker imports shared chunks too). Needs `npm run build` first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  readonly name: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const OUTPUT = '.output/chrome-mv3';

/**
 * The scripts and styles an entry loads: its own and the chunks they import, transitively.
 * `loaded: 'first'` counts what loads before anything else runs (static imports only: for the
 * popup, what it loads before its first paint); `'all'` adds what it imports later (`import()`,
 * whose chunks Vite lists by name in the code).
 */
function filesOf(entries: readonly string[], loaded: 'first' | 'all'): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(OUTPUT, file), 'utf8');
    const folder = file.split('/').slice(0, -1).join('/');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']\.{0,2}\/?((?:chunks|assets)\/[^"']+\.(?:js|css))["']/g)) pending.push(match[1]!);
    for (const match of code.matchAll(/["']\.\/((?:chunks\/)?[^"'/]+\.js)["']/g)) pending.push(join(folder, match[1]!));
    if (loaded === 'all') for (const match of code.matchAll(/["']((?:chunks|assets)\/[^"']+\.(?:js|css))["']/g)) pending.push(match[1]!);
  }
  return [...seen];
}

/** An HTML page's scripts and styles (see filesOf). */
function pageFiles(html: string, loaded: 'first' | 'all' = 'all'): string[] {
  const page = readFileSync(join(OUTPUT, html), 'utf8');
  return filesOf([...page.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]!), loaded);
}

function measure(name: string, files: readonly string[]): BundleFigures {
  const contents = files.map((file) => readFileSync(join(OUTPUT, file)));
  const joined = Buffer.concat(contents);
  return { name, bytes: joined.length, gzipBytes: gzipSync(joined, { level: 9 }).length };
}

export function benchBundles(): BundleFigures[] {
  statSync(join(OUTPUT, 'manifest.json'));
  return [
    measure('popup', pageFiles('popup.html')),
    measure('popup before its first paint', pageFiles('popup.html', 'first')),
    measure('history page', pageFiles('history-page.html')),
    measure('options page', pageFiles('options.html')),
    measure('background', filesOf(['background.js'], 'all')),
    measure('whole extension (all files)', readdirSync(OUTPUT, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(OUTPUT.length + 1))),
  ];
}
