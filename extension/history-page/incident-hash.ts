/**
 * The address a notification opens: `history-page.html#incident=<subject>|<start>` (page-paths.ts) (subject a service
 * id or `@network`, start in ms). The subject may itself contain ":" (custom targets with a port),
 * so the start is what follows the last "|". Percent-encoding is accepted and undone.
 */
export interface IncidentRef {
  readonly subject: string;
  readonly start: number;
}

const PREFIX = 'incident=';

export function parseIncidentHash(hash: string): IncidentRef | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw.startsWith(PREFIX)) return null;
  let value = raw.slice(PREFIX.length);
  try {
    value = decodeURIComponent(value);
  } catch {
    // A stray "%" is not an encoding: read the text as it is.
  }
  const bar = value.lastIndexOf('|');
  if (bar <= 0) return null;
  const subject = value.slice(0, bar);
  const startText = value.slice(bar + 1);
  if (!/^\d+$/.test(startText)) return null;
  const start = Number(startText);
  return Number.isSafeInteger(start) ? { subject, start } : null;
}
