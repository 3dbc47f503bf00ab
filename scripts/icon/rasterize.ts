/**
 * A small rasterizer for the icon drawing: each pixel is sampled on a SAMPLES × SAMPLES grid and
 * takes the colour of the topmost shape at each sample; coverage becomes alpha, so edges are
 * smooth at 16 px. No dependencies, no downloaded tools.
 */
import { CANVAS, type Drawing, type Rgb, type Shape } from './drawing';

/** Samples per pixel side: 4 × 4 = 16 levels of edge coverage, plenty for icons. */
const SAMPLES = 4;

function insideRoundRect(x: number, y: number, shape: Extract<Shape, { kind: 'round-rect' }>): boolean {
  const { r } = shape;
  const left = shape.x;
  const top = shape.y;
  const right = shape.x + shape.width;
  const bottom = shape.y + shape.height;
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insidePolygon(x: number, y: number, points: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] as readonly [number, number];
    const [xj, yj] = points[j] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideStroke(x: number, y: number, shape: Extract<Shape, { kind: 'stroke' }>): boolean {
  const [ax, ay] = shape.from;
  const [bx, by] = shape.to;
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / length));
  const px = ax + t * dx;
  const py = ay + t * dy;
  return (x - px) ** 2 + (y - py) ** 2 <= (shape.width / 2) ** 2;
}

export function covers(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'circle':
      return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r * shape.r;
    case 'round-rect':
      return insideRoundRect(x, y, shape);
    case 'polygon':
      return insidePolygon(x, y, shape.points);
    case 'stroke':
      return insideStroke(x, y, shape);
  }
}

/** RGBA pixels, row by row, `size` × `size`, not premultiplied. */
export function rasterize(drawing: Drawing, size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const scale = CANVAS / size;
  const top = [...drawing].reverse();
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          const shape = top.find((candidate) => covers(candidate, x, y));
          if (!shape) continue;
          const fill: Rgb = shape.fill;
          covered += 1;
          r += fill[0];
          g += fill[1];
          b += fill[2];
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return pixels;
}
