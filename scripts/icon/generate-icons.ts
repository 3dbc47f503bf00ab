/**
 * Every icon file the extension ships, rendered from the SVG sources in `svg/` (one per toolbar
 * state, `<state>.svg` on a 128-unit canvas, for a designer to edit) by resvg
 * (@resvg/resvg-js, https://github.com/thx/resvg-js): the manifest's icons at 16, 32, 48 and
 * 128 px (`icon/<size>.png` from `normal.svg`, which WXT finds by name) and the toolbar's state
 * variants (`icon/<state>-<size>.png`). Paths match `extension/shared/ui/icons.ts`.
 * Run at build time by a WXT hook (wxt.config.ts), so no binary is kept in the repository.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { ICON_SIZES, TOOLBAR_ICON_PATHS, TOOLBAR_SIZES, type ToolbarIcon } from '../../extension/shared/ui/icons';

/** Where the SVG sources live: next to this file. */
export const ICON_SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'svg');

export const ICON_STATES = Object.keys(TOOLBAR_ICON_PATHS) as ToolbarIcon[];

export interface IconFile {
  /** Relative to the extension's root, without a leading slash ("icon/16.png"). */
  readonly path: string;
  readonly png: Buffer;
}

/** The SVG source of a state's icon. */
export function iconSource(state: ToolbarIcon): string {
  return readFileSync(join(ICON_SOURCE_DIR, `${state}.svg`), 'utf8');
}

/** One state's icon as a `size` × `size` PNG. The icons hold no text, so no fonts are loaded. */
export function renderIcon(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

export function iconFiles(): IconFile[] {
  const normal = iconSource('normal');
  const files: IconFile[] = ICON_SIZES.map((size) => ({ path: `icon/${size}.png`, png: renderIcon(normal, size) }));
  for (const state of ICON_STATES) {
    const svg = iconSource(state);
    for (const size of TOOLBAR_SIZES) {
      const path = TOOLBAR_ICON_PATHS[state][size].replace(/^\//, '');
      if (files.some((file) => file.path === path)) continue;
      files.push({ path, png: renderIcon(svg, size) });
    }
  }
  return files;
}

/** Writes the icons under `dir`; returns each file's path there and its path in the extension. */
export async function writeIcons(dir: string): Promise<{ readonly absolute: string; readonly relative: string }[]> {
  const written: { absolute: string; relative: string }[] = [];
  for (const file of iconFiles()) {
    const absolute = join(dir, file.path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, file.png);
    written.push({ absolute, relative: file.path });
  }
  return written;
}
