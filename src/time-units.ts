/** Lengths of time in milliseconds, the unit of every timestamp in the engine (`Date.now()`). */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
/** A day of 24 hours (local days come from a fixed UTC offset: `store/local-day.ts`). */
export const DAY_MS = 24 * HOUR_MS;
