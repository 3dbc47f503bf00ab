/**
 * Re-packs a zip so that the same files always give the same bytes. WXT's `zip` (JSZip) stamps
 * every entry, and every folder entry it creates, with the time it ran, and adds files in the order
 * the file system lists them; so two `npm run zip` runs of the same commit differ. Here every entry
 * gets one fixed date and the entries are sorted by name, compressed as WXT does (DEFLATE level 9).
 * The contents are untouched. Wired into `wxt.config.ts` (`zip:extension:done`, `zip:sources:done`);
 * proven by `tests/reproducible/zip-twice.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/**
 * The date every entry carries, unless SOURCE_DATE_EPOCH (seconds; https://reproducible-builds.org/specs/source-date-epoch/)
 * says otherwise. Not the commit's time: AMO's reviewers build from the sources zip, which has no
 * git history, and must get the same bytes. 1980-01-02 00:00 UTC: zip (DOS) dates start in 1980,
 * and a day later stays in 1980 in every time zone (unzip tools read the date as local time).
 */
export const FIXED_ZIP_DATE_MS = Date.UTC(1980, 0, 2);

/** Zip compression level WXT uses by default (`zip.compressionLevel`: 9). */
const DEFLATE_LEVEL = 9;

export function zipDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epochSeconds = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epochSeconds) ? new Date(Math.max(epochSeconds * 1000, FIXED_ZIP_DATE_MS)) : new Date(FIXED_ZIP_DATE_MS);
}

/** Every folder that holds a file, so the zip lists them as unzip tools expect. */
function foldersOf(names: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const name of names) {
    const parts = name.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) folders.add(`${parts.slice(0, depth).join('/')}/`);
  }
  return [...folders];
}

/** Byte order, not locale order: the same everywhere. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function repackDeterministically(zipPath: string, date: Date = zipDate()): Promise<void> {
  const source = await JSZip.loadAsync(await readFile(zipPath));
  const files = Object.values(source.files).filter((entry) => !entry.dir);
  const names = files.map((entry) => entry.name);
  const out = new JSZip();
  for (const folder of foldersOf(names).sort(byName)) out.file(folder, null, { dir: true, date, createFolders: false });
  for (const entry of [...files].sort((a, b) => byName(a.name, b.name))) {
    out.file(entry.name, await entry.async('uint8array'), { date, createFolders: false, binary: true });
  }
  const bytes = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: DEFLATE_LEVEL }, platform: 'DOS' });
  await writeFile(zipPath, bytes);
}
