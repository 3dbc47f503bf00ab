/**
 * Which endpoint, control and throughput object comes next. A light round probes one endpoint
 * per service in turn, so every component is sampled over a few rounds while a round stays
 * small on the wire (≤ 60 KB aim); a suspicious round sweeps everything.
 */
export interface Rotation {
  /** Per service id: the index of the next rotating endpoint. */
  readonly endpoints: Readonly<Record<string, number>>;
  /** Index of the next international control (two are taken per round). */
  readonly intlControl: number;
  /** Index of the next domestic control. */
  readonly domesticControl: number;
  /** Index of the next throughput control. */
  readonly throughputControl: number;
  /** Per service id: when its throughput was last measured (ms since the epoch). */
  readonly throughputAt: Readonly<Record<string, number>>;
}

export const INITIAL_ROTATION: Rotation = {
  endpoints: {},
  intlControl: 0,
  domesticControl: 0,
  throughputControl: 0,
  throughputAt: {},
};

/** `count` items from `items` starting at `index`, wrapping around, without repeats. */
export function takeRotating<T>(items: readonly T[], index: number, count: number): T[] {
  if (items.length === 0) return [];
  const taken: T[] = [];
  for (let i = 0; i < Math.min(count, items.length); i += 1) taken.push(items[(index + i) % items.length]!);
  return taken;
}
