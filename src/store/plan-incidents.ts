/**
 * Turns a round's confirmed changes into incident records to write. Pure.
 *
 * `started` opens an incident at the change's `to.since` (the first round of the run that
 * confirmed it); `ended` closes the open one at `to.since` (the first clean round); `changed`
 * closes the open one and opens the next. A change whose new state began no later than the open
 * incident is the same run judged again (e.g. blocked by `dns` re-read as `reset`): the open
 * incident takes the new state in place. An `ended` with nothing open changes nothing.
 */
import type { Change } from '../confirm/types';
import type { IncidentRecord } from './schema';

/**
 * One incident's identity as one string, `<subject>|<start>` (the store's key, subject and start,
 * as the history page's rows and address name it; the start, all digits, follows the last "|").
 */
export function incidentKey(incident: { readonly subject: string; readonly start: number }): string {
  return `${incident.subject}|${incident.start}`;
}

function closed(incident: IncidentRecord, end: number): IncidentRecord {
  const { open: _open, end: _end, ...rest } = incident;
  return { ...rest, end: Math.max(end, incident.start) };
}

function opened(change: Change): IncidentRecord {
  return {
    subject: change.subject,
    start: change.to.since,
    state: change.to.state,
    ...(change.to.how !== undefined ? { how: change.to.how } : {}),
    open: 1,
  };
}

/** Records to put, given the incidents open now and the round's changes in order. */
export function planIncidents(openNow: readonly IncidentRecord[], changes: readonly Change[]): IncidentRecord[] {
  const writes = new Map<string, IncidentRecord>();
  const open = new Map<string, IncidentRecord>();
  for (const incident of [...openNow].sort((a, b) => a.start - b.start)) {
    const earlier = open.get(incident.subject);
    // Two open incidents for one subject (left by an interrupted import): the earlier ends where the later began.
    if (earlier) writes.set(incidentKey(earlier), closed(earlier, incident.start));
    open.set(incident.subject, incident);
  }
  for (const change of changes) {
    const current = open.get(change.subject);
    if (change.kind === 'ended') {
      if (current) {
        writes.set(incidentKey(current), closed(current, change.to.since));
        open.delete(change.subject);
      }
      continue;
    }
    if (current && change.to.since <= current.start) {
      const { how: _how, ...rest } = current;
      const rejudged: IncidentRecord = { ...rest, state: change.to.state, ...(change.to.how !== undefined ? { how: change.to.how } : {}) };
      writes.set(incidentKey(rejudged), rejudged);
      open.set(change.subject, rejudged);
      continue;
    }
    if (current) writes.set(incidentKey(current), closed(current, change.to.since));
    const next = opened(change);
    writes.set(incidentKey(next), next);
    open.set(change.subject, next);
  }
  return [...writes.values()];
}
