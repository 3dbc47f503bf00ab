/**
 * The icons drawn at build: real PNG files of the sizes the manifest and the toolbar use, one
 * per state, each recognisable by shape and colour.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, TOOLBAR_ICON_PATHS, TOOLBAR_SIZES, toolbarIconFor, type ToolbarIcon } from '../../extension/shared/ui/icons';
import { drawingOf, ICON_VARIANTS, type Rgb } from '../../scripts/icon/drawing';
import { iconFiles } from '../../scripts/icon/generate-icons';
import { crc32 } from '../../scripts/icon/png';

interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly pixel: (x: number, y: number) => readonly [number, number, number, number];
}

/** Reads back what encodePng wrote, checking every chunk's CRC on the way. */
function decode(png: Buffer): Decoded {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  expect(rows.length).toBe(height * (width * 4 + 1));
  return {
    width,
    height,
    pixel: (x, y) => {
      const start = y * (width * 4 + 1) + 1 + x * 4;
      return [rows[start] ?? 0, rows[start + 1] ?? 0, rows[start + 2] ?? 0, rows[start + 3] ?? 0];
    },
  };
}

const files = new Map(iconFiles().map((file) => [file.path, file.png]));

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number): number => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

describe('icons', () => {
  it('exist at every manifest size as real PNGs of that size', () => {
    for (const size of ICON_SIZES) {
      const png = files.get(`icon/${size}.png`);
      expect(png, `icon/${size}.png`).toBeDefined();
      const image = decode(png as Buffer);
      expect([image.width, image.height]).toEqual([size, size]);
    }
  });

  it('exist for every toolbar state at every toolbar size, at the paths the background is given', () => {
    for (const variant of Object.keys(TOOLBAR_ICON_PATHS) as ToolbarIcon[]) {
      for (const size of TOOLBAR_SIZES) {
        const png = files.get(TOOLBAR_ICON_PATHS[variant][size].slice(1));
        expect(png, `${variant} ${size}`).toBeDefined();
        expect(decode(png as Buffer).width).toBe(size);
      }
    }
  });

  it('are transparent around the bubble and opaque inside it', () => {
    const image = decode(files.get('icon/128.png') as Buffer);
    expect(image.pixel(0, 0)[3]).toBe(0);
    expect(image.pixel(127, 127)[3]).toBe(0);
    expect(image.pixel(20, 30)[3]).toBe(255);
  });

  it('differ between states in colour and in the mark inside', () => {
    const colours = new Set<string>();
    const marks = new Set<string>();
    for (const variant of ICON_VARIANTS) {
      const image = decode(files.get(TOOLBAR_ICON_PATHS[variant][32].slice(1)) as Buffer);
      colours.add(image.pixel(4, 10).slice(0, 3).join(','));
      // Which pixels of the bubble's middle row are white: the mark's shape.
      marks.add(Array.from({ length: 32 }, (_, x) => (image.pixel(x, 13)[0] > 240 ? 1 : 0)).join('') + Array.from({ length: 32 }, (_, y) => (image.pixel(16, y)[0] > 240 ? 1 : 0)).join(''));
    }
    expect(colours.size).toBe(ICON_VARIANTS.length);
    expect(marks.size).toBe(ICON_VARIANTS.length);
  });

  it('keep the white mark at least 3:1 against the bubble, as non-text contrast asks', () => {
    for (const variant of ICON_VARIANTS) {
      const [bubble] = drawingOf(variant);
      const lighter = luminance([255, 255, 255]);
      const darker = luminance((bubble as { fill: Rgb }).fill);
      expect((lighter + 0.05) / (darker + 0.05), variant).toBeGreaterThanOrEqual(3);
    }
  });

  it('follow the state: offline and "only domestic" before any blocked service', () => {
    expect(toolbarIconFor({ network: { state: 'online', restricted: false }, blockedCount: 0 })).toBe('normal');
    expect(toolbarIconFor({ network: { state: 'online', restricted: false }, blockedCount: 2 })).toBe('blocked');
    expect(toolbarIconFor({ network: { state: 'offline', restricted: false }, blockedCount: 2 })).toBe('offline');
    expect(toolbarIconFor({ network: { state: 'online', restricted: true }, blockedCount: 0 })).toBe('restricted');
  });
});
