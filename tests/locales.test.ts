/**
 * The locale files, for the whole project: every language has every message, with the same
 * placeholders, real text (not an English copy), and every message the code refers to exists.
 *
 * How code refers to a message so this test can see it:
 *  - guidance: typed keys from `src/guidance/message-keys.ts` (checked exactly);
 *  - elsewhere: a property named `messageKey`, `labelKey`, `titleKey`, `aboutKey` or ending in
 *    `MessageKey` with a string literal (`messageKey: 'popup_check_now'`), a literal passed to
 *    `getMessage('…')` or to the pages' translator `t('…')`, or `__MSG_…__` in a manifest or HTML file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GUIDANCE_MESSAGE_KEYS } from '../src/guidance/message-keys';
import { UI_LANGUAGES, type UiLanguage } from '../src/guidance/languages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOCALES_DIR = join(ROOT, 'assets', '_locales');

interface Placeholder {
  content: string;
  example?: string;
}
interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}
type Messages = Record<string, Entry>;

/** Chrome's limits for the manifest's name and description (chars). */
const MAX_NAME_CHARS = 45;
const MAX_DESCRIPTION_CHARS = 132;

/** Messages that are the same in every language on purpose (brand names). */
const SAME_IN_EVERY_LANGUAGE = new Set(['extName']);

/** A letter of each locale's script: a translated message has at least one. */
const SCRIPT: Partial<Record<UiLanguage, RegExp>> = {
  ru: /[\u0400-\u04FF]/,
  fa: /[\u0600-\u06FF]/,
  ar: /[\u0600-\u06FF]/,
  zh_CN: /[\u4E00-\u9FFF]/,
};

function load(lang: string): unknown {
  return JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8'));
}

/** Shape problems of one locale file, one message per problem. */
function shapeProblems(lang: string, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [`${lang}: not a JSON object`];
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const at = `${lang}.${key}`;
    if (typeof raw !== 'object' || raw === null) {
      problems.push(`${at}: not an object`);
      continue;
    }
    const entry = raw as Record<string, unknown>;
    for (const field of Object.keys(entry)) {
      if (!['message', 'description', 'placeholders'].includes(field)) problems.push(`${at}: unknown field "${field}"`);
    }
    if (typeof entry.message !== 'string' || entry.message.trim() === '') problems.push(`${at}: empty or missing message`);
    if (entry.description !== undefined && typeof entry.description !== 'string') problems.push(`${at}: description is not text`);
    if (entry.placeholders !== undefined) {
      if (typeof entry.placeholders !== 'object' || entry.placeholders === null) problems.push(`${at}: placeholders is not an object`);
      else {
        for (const [name, ph] of Object.entries(entry.placeholders as Record<string, unknown>)) {
          const content = (ph as { content?: unknown } | null)?.content;
          if (typeof content !== 'string' || content === '') problems.push(`${at}: placeholder "${name}" has no content`);
        }
      }
    }
  }
  return problems;
}

/** Placeholder names used as `$NAME$` in a message, lower-cased (Chrome ignores case). */
function usedPlaceholders(message: string): Set<string> {
  return new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((match) => (match[1] ?? '').toLowerCase()));
}

function declaredPlaceholders(entry: Entry): Map<string, string> {
  return new Map(Object.entries(entry.placeholders ?? {}).map(([name, ph]) => [name.toLowerCase(), ph.content]));
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

/** Message keys the code refers to by the conventions above, with the file that refers to each. */
function referencedKeys(): Map<string, string> {
  const files = [
    ...sourceFiles(join(ROOT, 'src'), /\.(ts|tsx)$/),
    ...sourceFiles(join(ROOT, 'extension'), /\.(ts|tsx|html)$/),
    join(ROOT, 'wxt.config.ts'),
  ];
  const patterns = [
    /\b(?:messageKey|labelKey|titleKey|aboutKey|\w+MessageKey)\s*:\s*['"]([^'"]+)['"]/g,
    /\bgetMessage\(\s*['"]([^'"]+)['"]/g,
    /\bt\(\s*['"]([^'"]+)['"]/g,
    /__MSG_([A-Za-z0-9_@]+)__/g,
  ];
  const keys = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[1] ?? '';
        // "@@ui_locale", "@@bidi_dir"…: the browser's own messages.
        if (!key.startsWith('@@') && !keys.has(key)) keys.set(key, relative(ROOT, file));
      }
    }
  }
  return keys;
}

const locales = new Map<string, Messages>();
for (const lang of UI_LANGUAGES) locales.set(lang, load(lang) as Messages);
const en = locales.get('en') as Messages;
const enKeys = Object.keys(en);

describe('locale files', () => {
  it('exist for exactly the six UI languages', () => {
    const folders = readdirSync(LOCALES_DIR).filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory());
    expect(folders.sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it('are well-formed Chrome i18n files: a message for every key, only known fields', () => {
    const problems = UI_LANGUAGES.flatMap((lang) => shapeProblems(lang, locales.get(lang)));
    expect(problems).toEqual([]);
  });

  it('use keys Chrome accepts, unique even ignoring case', () => {
    for (const [lang, messages] of locales) {
      const lower = new Map<string, string>();
      for (const key of Object.keys(messages)) {
        expect(key, `${lang}: key "${key}"`).toMatch(/^[a-zA-Z0-9_]+$/);
        const clash = lower.get(key.toLowerCase());
        expect(clash, `${lang}: "${key}" and "${clash}" are the same key to Chrome`).toBeUndefined();
        lower.set(key.toLowerCase(), key);
      }
    }
  });

  it('have the same keys as English, no more and no fewer', () => {
    for (const [lang, messages] of locales) {
      const keys = Object.keys(messages);
      expect(enKeys.filter((key) => !keys.includes(key)), `${lang} lacks`).toEqual([]);
      expect(keys.filter((key) => !enKeys.includes(key)), `${lang} has keys English lacks`).toEqual([]);
    }
  });

  it('use exactly the placeholders they declare, the same ones in every language', () => {
    for (const [lang, messages] of locales) {
      for (const [key, entry] of Object.entries(messages)) {
        const declared = declaredPlaceholders(entry);
        expect([...usedPlaceholders(entry.message)].sort(), `${lang}.${key}: used vs declared`).toEqual([...declared.keys()].sort());
        const english = en[key];
        if (!english) continue;
        expect(Object.fromEntries(declared), `${lang}.${key}: placeholders differ from English`).toEqual(
          Object.fromEntries(declaredPlaceholders(english)),
        );
      }
    }
  });

  // Positional "$1" in a message is legal for Chrome, but silently empty when the caller passes
  // fewer substitutions: messages name their placeholders instead.
  it('have no stray "$" that Chrome would misread, and no positional "$1" in messages', () => {
    for (const [lang, messages] of locales) {
      for (const [key, entry] of Object.entries(messages)) {
        const rest = entry.message.replace(/\$[A-Za-z0-9_@]+\$/g, '').replace(/\$\$/g, '');
        expect(rest.includes('$'), `${lang}.${key}: "${entry.message}"`).toBe(false);
      }
    }
  });

  it('are translated: no English copies, and each message is written in its language\'s script', () => {
    for (const lang of UI_LANGUAGES) {
      if (lang === 'en') continue;
      const messages = locales.get(lang) as Messages;
      const script = SCRIPT[lang];
      for (const [key, entry] of Object.entries(messages)) {
        if (SAME_IN_EVERY_LANGUAGE.has(key) || key === 'guidance_locale') continue;
        expect(entry.message, `${lang}.${key} is the English text`).not.toBe(en[key]?.message);
        if (script) expect(script.test(entry.message), `${lang}.${key} has no ${lang} letters: "${entry.message}"`).toBe(true);
      }
    }
  });

  it('name the extension "Blockwatch" everywhere and keep name and description within Chrome\'s limits', () => {
    for (const [lang, messages] of locales) {
      expect(messages.extName?.message, lang).toBe('Blockwatch');
      expect(messages.extName?.message.length ?? 0).toBeLessThanOrEqual(MAX_NAME_CHARS);
      const description = messages.extDescription?.message ?? '';
      expect(description.length, `${lang}.extDescription is ${description.length} chars`).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
      expect(description.length).toBeGreaterThan(0);
    }
  });

  it('say in guidance_locale which folder they are, so links can follow the text\'s language', () => {
    for (const [lang, messages] of locales) expect(messages.guidance_locale?.message).toBe(lang);
  });
});

describe('messages the code refers to', () => {
  it('every guidance key exists in English', () => {
    expect(GUIDANCE_MESSAGE_KEYS.filter((key) => !(key in en))).toEqual([]);
  });

  it('no guidance text exists that the guidance code cannot refer to', () => {
    const known = new Set<string>(GUIDANCE_MESSAGE_KEYS);
    expect(enKeys.filter((key) => key.startsWith('guidance_') && !known.has(key))).toEqual([]);
  });

  it('every key referenced from src/, extension/ and the manifest exists in English', () => {
    const referenced = referencedKeys();
    // The scan must see the keys we know are there, or it proves nothing.
    // (extName is also used by the pages, so the manifest is proved by the description.)
    expect(referenced.get('extDescription')).toBe('wxt.config.ts');
    expect(referenced.has('guidance_whatsapp_proxy')).toBe(true);
    expect(referenced.get('popup_check_now')).toBe('extension/popup/check-now.tsx');
    const missing = [...referenced].filter(([key]) => !(key in en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
