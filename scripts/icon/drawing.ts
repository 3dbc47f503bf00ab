/**
 * Blockwatch's icon, described once: a speech bubble (the messengers) on a 128-unit canvas,
 * whose colour and inner mark say the state. Each variant differs in shape as well as colour,
 * so the toolbar state does not rest on colour alone: three dots (normal), a dash (offline),
 * two bars like a fence (only domestic sites work), a cross (a service is blocked).
 * `rasterize.ts` turns a drawing into pixels at any size.
 */

export type Rgb = readonly [number, number, number];

export type Shape =
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: Rgb }
  | { readonly kind: 'round-rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly r: number; readonly fill: Rgb }
  | { readonly kind: 'polygon'; readonly points: readonly (readonly [number, number])[]; readonly fill: Rgb }
  /** A thick line with round ends. */
  | { readonly kind: 'stroke'; readonly from: readonly [number, number]; readonly to: readonly [number, number]; readonly width: number; readonly fill: Rgb };

/** Shapes in painting order (later ones on top), on a CANVAS × CANVAS square. */
export type Drawing = readonly Shape[];

export const CANVAS = 128;

export const ICON_VARIANTS = ['normal', 'offline', 'restricted', 'blocked'] as const;
export type IconVariant = (typeof ICON_VARIANTS)[number];

/**
 * Mid-tone colours that stand out on light and dark toolbars alike (each has a contrast of at
 * least 3:1 with white marks on it, and with both a white and a near-black toolbar is avoided by
 * staying mid-tone).
 */
const COLOUR: Readonly<Record<IconVariant, Rgb>> = {
  normal: [37, 99, 235],
  offline: [100, 108, 120],
  restricted: [180, 100, 0],
  blocked: [200, 30, 40],
};
const WHITE: Rgb = [255, 255, 255];

function bubble(fill: Rgb): Shape[] {
  return [
    { kind: 'round-rect', x: 6, y: 12, width: 116, height: 84, r: 26, fill },
    // The tail, under the lower start corner.
    { kind: 'polygon', points: [[26, 84], [58, 84], [20, 122]], fill },
  ];
}

const MARKS: Readonly<Record<IconVariant, readonly Shape[]>> = {
  normal: [
    { kind: 'circle', cx: 36, cy: 54, r: 10, fill: WHITE },
    { kind: 'circle', cx: 64, cy: 54, r: 10, fill: WHITE },
    { kind: 'circle', cx: 92, cy: 54, r: 10, fill: WHITE },
  ],
  offline: [{ kind: 'stroke', from: [34, 54], to: [94, 54], width: 18, fill: WHITE }],
  restricted: [
    { kind: 'stroke', from: [34, 40], to: [94, 40], width: 14, fill: WHITE },
    { kind: 'stroke', from: [34, 68], to: [94, 68], width: 14, fill: WHITE },
  ],
  blocked: [
    { kind: 'stroke', from: [42, 32], to: [86, 76], width: 17, fill: WHITE },
    { kind: 'stroke', from: [86, 32], to: [42, 76], width: 17, fill: WHITE },
  ],
};

export function drawingOf(variant: IconVariant): Drawing {
  return [...bubble(COLOUR[variant]), ...MARKS[variant]];
}
