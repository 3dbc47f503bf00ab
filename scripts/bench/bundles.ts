/**
 * Bundle sizes of the production build, gzipped as a store download would be: each page with the
 * chunks it loads, and the background. Needs `npm run build` first.
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

/** The scripts and styles an HTML page loads (its own and the chunks they import, transitively). */
function pageFiles(html: string): string[] {
  const seen = new Set<string>();
  const pending: string[] = [];
  const page = readFileSync(join(OUTPUT, html), 'utf8');
  for (const match of page.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) pending.push(match[1]!);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(OUTPUT, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["']\.{0,2}\/?((?:chunks|assets)\/[^"']+\.(?:js|css))["']/g)) pending.push(match[1]!);
    for (const match of code.matchAll(/["']\.\/([^"'/]+\.js)["']/g)) pending.push(join(file.split('/').slice(0, -1).join('/'), match[1]!));
  }
  return [...seen];
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
    measure('history page', pageFiles('history-page.html')),
    measure('options page', pageFiles('options.html')),
    measure('background', ['background.js']),
    measure('whole extension (all files)', readdirSync(OUTPUT, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(OUTPUT.length + 1))),
  ];
}
