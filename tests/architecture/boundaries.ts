/**
 * The house rules a reviewer would otherwise check by eye, as one function over a set of files:
 *
 * - `engine-global`: `src/` is plain TypeScript; it never touches a browser or DOM global
 *   (`browser`, `chrome`, `document`, `window`, `navigator`, `localStorage`, `indexedDB`), neither
 *   as a free name nor through `globalThis`/`self`. A parameter, variable or property of the same
 *   name is fine: names are resolved with the TypeScript compiler, so comments and strings never
 *   count and an injected `navigator` parameter is not the global.
 * - `engine-import`: `src/` imports nothing from `extension/`, from WXT (`wxt`, `wxt/…`,
 *   `@wxt-dev/…`) or from the WebExtension polyfill: the effects are injected.
 * - `page-storage`: the extension's pages (popup, options, history page, welcome) never import
 *   the storage records (`src/store/schema.ts`) or the IndexedDB library: they see the history
 *   through the view types the background sends, so the stored layout can change under them.
 * - `outside-path`: no file names a path outside the repository (the design's notes and research
 *   files, a sibling `shared` folder): whoever clones the repository has only what is in it. Facts
 *   cite their public source, or docs/sources.md.
 *
 * Files are given as text, so a test can plant a violation without touching the repository.
 */
import { dirname, join, normalize } from 'node:path/posix';
import ts from 'typescript';

export interface SourceText {
  /** Path from the repository root, with forward slashes: `src/probe/answer.ts`. */
  readonly path: string;
  readonly text: string;
}

export type Rule = 'engine-global' | 'engine-import' | 'page-storage' | 'outside-path';

export interface Violation {
  readonly rule: Rule;
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly detail: string;
}

/** Globals that exist only in a browser or a DOM; the engine gets their effects injected. */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'browser',
  'chrome',
  'document',
  'window',
  'navigator',
  'localStorage',
  'indexedDB',
]);
/** Names through which any global can be reached as a property. */
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'self']);
/** Packages that are the browser glue itself. */
const GLUE_PACKAGES = /^(wxt(\/.*)?|@wxt-dev\/.*|webextension-polyfill)$/;
/** The extension's pages; the background and shared glue are not pages. */
const PAGE_FOLDERS = ['extension/popup/', 'extension/options/', 'extension/history-page/', 'extension/welcome/'];
/** Where the stored records are defined, and the database library under it. */
const STORAGE_RECORDS_MODULE = 'src/store/schema';
const STORAGE_LIBRARY = 'idb';

/**
 * References to places outside the repository, spelled in pieces so this file does not match
 * itself: the research notes (a `.md` file in a `research` folder, or one of their names alone), the design
 * document, and the folder of shared notes beside the repository.
 */
const RESEARCH_NOTES = ['browser-lab', 'catalogue', 'method', 'ooni', 'peers', 'style', 'wxt'];
const OUTSIDE_PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: new RegExp(`${'research'}/[\\w.-]+\\.md`), what: 'a research note' },
  { pattern: new RegExp(`(^|[^\\w/.-])(${RESEARCH_NOTES.join('|')})\\.md\\b`), what: 'a research note by name' },
  { pattern: new RegExp(`${'DESIGN'}\\.md`), what: 'the design document' },
  { pattern: new RegExp(`${'shared'}/${'research'}`), what: 'the shared notes beside the repository' },
];
/** A relative path in any text (`../../x`): outside when it climbs above the repository root. */
const RELATIVE_PATH = /(?:\.\.\/)+[\w.-]+/g;

/** TypeScript and TSX files: the ones the compiler rules read. */
function isCode(path: string): boolean {
  return /\.(ts|tsx|mts|cts)$/.test(path) && !path.endsWith('.d.ts');
}

export function checkBoundaries(files: readonly SourceText[]): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) violations.push(...outsidePaths(file));
  const engine = files.filter((file) => file.path.startsWith('src/') && isCode(file.path));
  if (engine.length > 0) violations.push(...engineGlobals(engine));
  for (const file of files.filter((candidate) => isCode(candidate.path))) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kindOf(file.path));
    for (const { specifier, node } of moduleSpecifiers(source)) {
      const resolved = specifier.startsWith('.') ? normalize(join(dirname(file.path), specifier)) : specifier;
      const line = lineOf(source, node);
      if (file.path.startsWith('src/') && (resolved.startsWith('extension/') || GLUE_PACKAGES.test(resolved))) {
        violations.push({ rule: 'engine-import', path: file.path, line, detail: `imports ${specifier}` });
      }
      const isPage = PAGE_FOLDERS.some((folder) => file.path.startsWith(folder));
      if (isPage && (resolved.replace(/\.tsx?$/, '') === STORAGE_RECORDS_MODULE || resolved === STORAGE_LIBRARY)) {
        violations.push({ rule: 'page-storage', path: file.path, line, detail: `imports ${specifier}` });
      }
    }
  }
  return violations.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

function kindOf(path: string): ts.ScriptKind {
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

function outsidePaths(file: SourceText): Violation[] {
  const found: Violation[] = [];
  file.text.split('\n').forEach((text, index) => {
    for (const { pattern, what } of OUTSIDE_PATTERNS) {
      const match = pattern.exec(text);
      if (match) found.push({ rule: 'outside-path', path: file.path, line: index + 1, detail: `${what}: ${match[0].trim()}` });
    }
    for (const match of text.matchAll(RELATIVE_PATH)) {
      if (normalize(join(dirname(file.path), match[0])).startsWith('../')) {
        found.push({ rule: 'outside-path', path: file.path, line: index + 1, detail: `a path above the repository: ${match[0]}` });
      }
    }
  });
  return found;
}

/** Every module a file loads: import and export declarations, `import()`, `require()`, `import x = require()`. */
function moduleSpecifiers(source: ts.SourceFile): { specifier: string; node: ts.Node }[] {
  const found: { specifier: string; node: ts.Node }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, node });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, node });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) found.push({ specifier: (node.arguments[0] as ts.StringLiteral).text, node });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Browser globals used by the engine. One program over the engine's files, with no library and no
 * module resolution: a name the compiler cannot bind to any declaration in the file is a global.
 */
function engineGlobals(files: readonly SourceText[]): Violation[] {
  const byPath = new Map(files.map((file) => [`/${file.path}`, file]));
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, types: [], jsx: ts.JsxEmit.Preserve, target: ts.ScriptTarget.Latest };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (fileName, languageVersion) => {
    const file = byPath.get(fileName);
    return file ? ts.createSourceFile(fileName, file.text, languageVersion, true, kindOf(fileName)) : undefined;
  };
  host.fileExists = (fileName) => byPath.has(fileName);
  host.readFile = (fileName) => byPath.get(fileName)?.text;
  host.getCurrentDirectory = () => '/';
  const program = ts.createProgram({ rootNames: [...byPath.keys()], options, host });
  const checker = program.getTypeChecker();
  const found: Violation[] = [];
  for (const source of program.getSourceFiles()) {
    const path = source.fileName.slice(1);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && BROWSER_GLOBALS.has(node.text) && isReference(node) && checker.getSymbolAtLocation(node) === undefined) {
        found.push({ rule: 'engine-global', path, line: lineOf(source, node), detail: `uses the global ${node.text}` });
      }
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && GLOBAL_OBJECTS.has(node.expression.text)) {
        const name = node.name.text;
        // `globalThis` is always bound by the compiler; `self` is the global unless the file declares one.
        const isGlobal = node.expression.text === 'globalThis' || checker.getSymbolAtLocation(node.expression) === undefined;
        if (BROWSER_GLOBALS.has(name) && isGlobal) {
          found.push({ rule: 'engine-global', path, line: lineOf(source, node), detail: `uses the global ${node.expression.text}.${name}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * Whether an identifier stands for a value or namespace looked up by name, rather than naming a
 * property, a member or a declaration (`x.window`, `{ window: 1 }`, `function f(window)`).
 */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isJsxAttribute(parent) && parent.name === node) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) {
    return parent.name !== node;
  }
  if (ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) return parent.name !== node;
  return true;
}
