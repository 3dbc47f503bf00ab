/**
 * Where each round of the strip is drawn: at its time within the last 24 hours, as wide as the
 * time until the next round. A round stands for at most MAX_CELL_MS, so hours when the computer
 * slept stay empty instead of being painted with the last state seen.
 */
import type { StripCell } from '../../src/snapshot/snapshot';
import type { State } from '../../src/states';
import { LONGEST_ROUND_INTERVAL_MIN } from '../../src/defaults';
import { MINUTE_MS } from '../../src/time-units';

/** The longest interval the settings allow plus a minute of jitter, ms. */
export const MAX_CELL_MS = (LONGEST_ROUND_INTERVAL_MIN + 1) * MINUTE_MS;
/** Width of the drawing, in its own units: one unit is 0.1 % of the strip. */
export const STRIP_WIDTH = 1000;
/** A lone round ("Check now" after a long pause) is still visible: at least this wide, units. */
const MIN_CELL_WIDTH = 3;

export interface StripRect {
  readonly x: number;
  readonly width: number;
  readonly state: State;
  readonly roundStart: number;
}

/** Rectangles in drawing units; `mirror` lays time out from right to left (Persian, Arabic). */
export function layoutStrip(cells: readonly StripCell[], from: number, to: number, mirror: boolean): StripRect[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const inside = cells.filter((cell) => cell.roundStart >= from && cell.roundStart <= to).sort((a, b) => a.roundStart - b.roundStart);
  return inside.map((cell, i) => {
    const next = inside[i + 1]?.roundStart ?? to;
    const end = Math.min(next, cell.roundStart + MAX_CELL_MS, to);
    const start = ((cell.roundStart - from) / span) * STRIP_WIDTH;
    const width = Math.max(MIN_CELL_WIDTH, ((end - cell.roundStart) / span) * STRIP_WIDTH);
    const x = Math.min(start, STRIP_WIDTH - width);
    return { x: mirror ? STRIP_WIDTH - x - width : x, width, state: cell.state, roundStart: cell.roundStart };
  });
}
