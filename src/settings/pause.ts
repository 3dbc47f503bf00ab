/**
 * Pause: the person stops every probe and every notification for a while, or until they resume
 * (the welcome page and the popup offer it). Kept in the settings (storage.local), so it survives
 * a worker or browser restart; an alarm ends a timed pause.
 */
import { HOUR_MS } from '../time-units';

/** The lengths a person can choose; `resume` means "until I resume". */
export const PAUSE_CHOICES = ['1h', '8h', 'resume'] as const;
export type PauseChoice = (typeof PAUSE_CHOICES)[number];

/** One hour and eight hours, ms: a meeting or a border crossing, and a night or a working day. */
export const PAUSE_LENGTH_MS: Readonly<Record<Exclude<PauseChoice, 'resume'>, number>> = {
  '1h': HOUR_MS,
  '8h': 8 * HOUR_MS,
};

export interface Pause {
  /** When the pause began, ms since the epoch. */
  readonly since: number;
  /** When checks resume by themselves, ms; null: only when the person resumes. */
  readonly until: number | null;
}

export function isPauseChoice(value: unknown): value is PauseChoice {
  return (PAUSE_CHOICES as readonly unknown[]).includes(value);
}

export function pauseFor(choice: PauseChoice, now: number): Pause {
  return { since: now, until: choice === 'resume' ? null : now + PAUSE_LENGTH_MS[choice] };
}

/** Whether a stored pause is in force at `now` (a timed pause that has run out is not). */
export function isPaused(pause: Pause | null, now: number): boolean {
  return pause !== null && (pause.until === null || pause.until > now);
}

/** A stored pause as written by this code, or null for anything else (a damaged value resumes checks). */
export function parsePause(value: unknown): Pause | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { since, until } = value as { since?: unknown; until?: unknown };
  if (!Number.isSafeInteger(since) || (since as number) < 0) return null;
  if (until !== null && (!Number.isSafeInteger(until) || (until as number) < (since as number))) return null;
  return { since: since as number, until: until as number | null };
}
