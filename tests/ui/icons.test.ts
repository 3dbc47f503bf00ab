/**
 * The icons rendered at build from their SVG sources: real PNG files of the sizes the manifest
 * and the toolbar use, one per state, each recognisable by shape and colour. The PNGs are read
 * back here by a decoder of their own (CRC, inflate, every row filter), not by the renderer.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, TOOLBAR_ICON_PATHS, TOOLBAR_SIZES, toolbarIconFor, type ToolbarIcon } from '../../extension/shared/ui/icons';
import { ICON_STATES, iconFiles, iconSource } from '../../scripts/icon/generate-icons';

type Rgb = readonly [number, number, number];

interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly pixel: (x: number, y: number) => readonly [number, number, number, number];
}

/** CRC-32 as PNG computes it (ISO 3309; node:zlib has its own only from Node 20.15). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Reads an 8-bit RGBA, non-interlaced PNG, checking every chunk's CRC and undoing each row's filter. */
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
      // 8 bits per channel, RGBA, no interlace.
      expect([body[8], body[9], body[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  expect(raw.length).toBe(height * (stride + 1));
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rows[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rows[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0];
      expect(predictor, `row ${y} filter ${filter}`).toBeDefined();
      rows[y * stride + x] = (value + (predictor ?? 0)) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const start = y * stride + x * 4;
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
    for (const variant of ICON_STATES) {
      const image = decode(files.get(TOOLBAR_ICON_PATHS[variant][32].slice(1)) as Buffer);
      colours.add(image.pixel(4, 10).slice(0, 3).join(','));
      // Which pixels of the bubble's middle row are white: the mark's shape.
      marks.add(Array.from({ length: 32 }, (_, x) => (image.pixel(x, 13)[0] > 240 ? 1 : 0)).join('') + Array.from({ length: 32 }, (_, y) => (image.pixel(16, y)[0] > 240 ? 1 : 0)).join(''));
    }
    expect(colours.size).toBe(ICON_STATES.length);
    expect(marks.size).toBe(ICON_STATES.length);
  });

  it('keep the white mark at least 3:1 against the bubble, as non-text contrast asks', () => {
    for (const state of ICON_STATES) {
      const image = decode(files.get(state === 'normal' ? 'icon/128.png' : TOOLBAR_ICON_PATHS[state][32].slice(1)) as Buffer);
      const size = image.width;
      // The bubble's colour just inside its top edge, and the lightest opaque pixel: the mark.
      const bubble = image.pixel(Math.round(size * 0.2), Math.round(size * 0.15)).slice(0, 3) as unknown as Rgb;
      let mark: Rgb = bubble;
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const [r, g, b, a] = image.pixel(x, y);
          if (a === 255 && luminance([r, g, b]) > luminance(mark)) mark = [r, g, b];
        }
      }
      expect(mark, state).toEqual([255, 255, 255]);
      expect((luminance(mark) + 0.05) / (luminance(bubble) + 0.05), state).toBeGreaterThanOrEqual(3);
    }
  });

  it('come from one SVG source per state, which a designer can edit', () => {
    for (const state of ICON_STATES) {
      const svg = iconSource(state);
      expect(svg, state).toMatch(/^<svg [^>]*viewBox="0 0 128 128"/);
      expect(svg, state).toContain('id="bubble"');
      expect(svg, state).toContain('id="mark"');
    }
  });

  it('are exactly the files the extension has always shipped: four manifest sizes and two toolbar sizes per other state', () => {
    expect([...files.keys()].sort()).toEqual(
      [
        'icon/16.png',
        'icon/32.png',
        'icon/48.png',
        'icon/128.png',
        'icon/offline-16.png',
        'icon/offline-32.png',
        'icon/restricted-16.png',
        'icon/restricted-32.png',
        'icon/blocked-16.png',
        'icon/blocked-32.png',
      ].sort(),
    );
  });

  it('follow the state: offline and "only domestic" before any blocked service', () => {
    expect(toolbarIconFor({ network: { state: 'online', restricted: false }, blockedCount: 0 })).toBe('normal');
    expect(toolbarIconFor({ network: { state: 'online', restricted: false }, blockedCount: 2 })).toBe('blocked');
    expect(toolbarIconFor({ network: { state: 'offline', restricted: false }, blockedCount: 2 })).toBe('offline');
    expect(toolbarIconFor({ network: { state: 'online', restricted: true }, blockedCount: 0 })).toBe('restricted');
  });
});
