/**
 * The house rules hold for the repository as it is, and the checker catches each kind of
 * violation when one is planted (tests/architecture/boundaries.ts says what the rules are).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, type SourceText } from './architecture/boundaries';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Files that are not text: nothing in them can name a path. */
const BINARY = /\.(png|jpe?g|gif|ico|webp|woff2?|ttf|zip|xpi|crx|pem|der|gz)$/i;

/** Every file of the repository a clone would have, plus new files not yet committed (not the ignored ones). */
function repositoryFiles(): SourceText[] {
  const listing = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return listing
    .split('\0')
    .filter((path) => path !== '' && !BINARY.test(path))
    .flatMap((path) => {
      try {
        return [{ path, text: readFileSync(`${ROOT}${path}`, 'utf8') }];
      } catch {
        return []; // listed by git but deleted in the work tree
      }
    });
}

/** `n` steps up, written so that this file's own text names no path above the repository. */
function up(n: number): string {
  return '../'.repeat(n);
}

function rulesOf(files: SourceText[]): string[] {
  return checkBoundaries(files).map((violation) => `${violation.rule} ${violation.path}:${violation.line}`);
}

describe('the repository keeps its boundaries', () => {
  it('has no violation', () => {
    const files = repositoryFiles();
    expect(files.filter((file) => file.path.startsWith('src/')).length).toBeGreaterThan(50);
    expect(checkBoundaries(files)).toEqual([]);
  });
});

describe('the checker finds each kind of violation', () => {
  it('a browser global used by the engine, directly or through globalThis', () => {
    const files = [
      { path: 'src/a.ts', text: 'export const lang = navigator.language;\n' },
      { path: 'src/b.ts', text: 'export function save(): void {\n  localStorage.setItem("k", "v");\n}\n' },
      { path: 'src/c.ts', text: 'export const hasApi = typeof chrome !== "undefined";\n' },
      { path: 'src/d.ts', text: 'export const w = globalThis.window;\n' },
      { path: 'src/e.tsx', text: 'export const title = () => <p>{document.title}</p>;\n' },
      { path: 'src/f.ts', text: 'export async function open() {\n  return indexedDB.open("x");\n}\n' },
      { path: 'src/g.ts', text: 'export const id = browser.runtime.id;\n' },
    ];
    expect(rulesOf(files)).toEqual([
      'engine-global src/a.ts:1',
      'engine-global src/b.ts:2',
      'engine-global src/c.ts:1',
      'engine-global src/d.ts:1',
      'engine-global src/e.tsx:1',
      'engine-global src/f.ts:2',
      'engine-global src/g.ts:1',
    ]);
  });

  it('no violation for an injected parameter, a local, a property or a comment of the same name', () => {
    const files = [
      {
        path: 'src/ok.ts',
        text: [
          '// chrome.runtime.sendMessage and window.open are only words here',
          'interface Env { readonly navigator: { language: string }; readonly window: number }',
          'export function lang(navigator: { language: string }): string { return navigator.language; }',
          'export function pick({ document }: { document: string }): string { return document; }',
          'export function count(env: Env): number { return env.window + env.navigator.language.length; }',
          'const browser = "firefox";',
          'export const labels = { chrome: "Chrome", browser, indexedDB: 1 };',
          'export const text = "localStorage and document.cookie";',
        ].join('\n'),
      },
    ];
    expect(rulesOf(files)).toEqual([]);
  });

  it('the engine importing the extension or WXT', () => {
    const files = [
      { path: 'src/probe/a.ts', text: `import { handle } from '${up(2)}extension/shared/messaging';\n` },
      { path: 'src/b.ts', text: "import { browser } from 'wxt/browser';\n" },
      { path: 'src/c.ts', text: "export { storage } from '@wxt-dev/storage';\n" },
      { path: 'src/d.ts', text: "export const load = () => import('webextension-polyfill');\n" },
      { path: 'src/e.ts', text: "import { helper } from './probe/helper';\nimport ts from 'typescript';\n" },
    ];
    expect(rulesOf(files)).toEqual(['engine-import src/b.ts:1', 'engine-import src/c.ts:1', 'engine-import src/d.ts:1', 'engine-import src/probe/a.ts:1']);
  });

  it('a page importing the storage records or the database library', () => {
    const files = [
      { path: 'extension/history-page/a.ts', text: `import type { RollupRecord } from '${up(2)}src/store/schema';\n` },
      { path: 'extension/popup/b.tsx', text: "import { openDB } from 'idb';\n" },
      { path: 'extension/options/c.ts', text: `import type { Settings } from '${up(2)}src/settings/schema';\n` },
      { path: 'extension/history-page/d.ts', text: `import type { SubjectSeries } from '${up(2)}src/store/history-range';\n` },
      { path: 'extension/background/e.ts', text: `import type { HistoryDb } from '${up(2)}src/store/schema';\n` },
    ];
    expect(rulesOf(files)).toEqual(['page-storage extension/history-page/a.ts:1', 'page-storage extension/popup/b.tsx:1']);
  });

  it('any file naming a path outside the repository', () => {
    const note = ['research', ['method', 'md'].join('.')].join('/');
    const files = [
      { path: 'src/a.ts', text: `/** Throttling (${note} §1). */\nexport const x = 1;\n` },
      { path: 'tests/b.ts', text: `// as ${['wxt', 'md'].join('.')} §4 says\n` },
      { path: 'README.md', text: `Read\nthe ${['DESIGN', 'md'].join('.')} first.\n` },
      { path: 'scripts/c.ts', text: `const notes = '${up(2)}notes/outside.txt';\n` },
      { path: 'assets/d.json', text: `{ "description": "see ${['shared', 'research'].join('/')}" }\n` },
      { path: 'extension/background/e.ts', text: "import { handle } from '../shared/messaging';\n" },
      { path: 'docs/f.md', text: 'See [the sources](sources.md#hsts-preload) and README.md.\n' },
    ];
    expect(rulesOf(files)).toEqual([
      'outside-path README.md:2',
      'outside-path assets/d.json:1',
      'outside-path scripts/c.ts:1',
      'outside-path src/a.ts:1',
      'outside-path tests/b.ts:1',
    ]);
  });
});
