/**
 * Every icon file the extension ships, generated from the drawing: the manifest's icons at 16,
 * 32, 48 and 128 px (`icon/<size>.png`, which WXT finds by name) and the toolbar's state
 * variants (`icon/<variant>-<size>.png`). Paths match `extension/shared/ui/icons.ts`.
 * Run at build time by a WXT hook (wxt.config.ts), so no binary is kept in the repository.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ICON_SIZES, TOOLBAR_ICON_PATHS, TOOLBAR_SIZES } from '../../extension/shared/ui/icons';
import { drawingOf, ICON_VARIANTS } from './drawing';
import { encodePng } from './png';
import { rasterize } from './rasterize';

export interface IconFile {
  /** Relative to the extension's root, without a leading slash ("icon/16.png"). */
  readonly path: string;
  readonly png: Buffer;
}

export function iconFiles(): IconFile[] {
  const files: IconFile[] = ICON_SIZES.map((size) => ({ path: `icon/${size}.png`, png: encodePng(rasterize(drawingOf('normal'), size), size, size) }));
  for (const variant of ICON_VARIANTS) {
    for (const size of TOOLBAR_SIZES) {
      const path = TOOLBAR_ICON_PATHS[variant][size].replace(/^\//, '');
      if (files.some((file) => file.path === path)) continue;
      files.push({ path, png: encodePng(rasterize(drawingOf(variant), size), size, size) });
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
