/**
 * CSV for people who want their history in a spreadsheet: RFC 4180 quoting, CRLF line ends, a
 * header row, ISO 8601 UTC times. Text that starts like a formula (`=`, `+`, `-`, `@`) gets a
 * leading apostrophe, because some cells hold text from the network (error strings, redirect
 * targets) and spreadsheets would otherwise run them (OWASP "CSV injection").
 */
import { MINUTE_MS } from '../time-units';
import { decodeIncident } from './queries';
import { decodeObservation } from './round-records';
import type { IncidentRecord, ObservationRecord } from './schema';

export type CsvCell = string | number | boolean | null | undefined;
export type CsvRow = readonly CsvCell[];

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly CsvRow[]): string {
  return rows.map((row) => row.map((cell) => quoted(cellText(cell))).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

export const OBSERVATION_COLUMNS = [
  'round', 'time', 'target_type', 'service', 'component', 'target_id', 'kind', 'ok', 'status', 'failure', 'raw_error',
  'ip', 'url', 'method', 'final_url', 'ms', 'wire_bytes', 'headers_reached', 'body_bytes', 'blockpage', 'content_ok',
  'goodput_kbps', 'stalled',
] as const;

/** One row per probe, oldest first, with the header first. */
export function observationRows(records: readonly ObservationRecord[]): CsvRow[] {
  const rows: CsvRow[] = [OBSERVATION_COLUMNS];
  for (const record of [...records].sort((a, b) => a.r - b.r || a.n - b.n)) {
    const o = decodeObservation(record);
    const target = o.target;
    const service = target.type === 'endpoint' || target.type === 'throughput' ? target.serviceId : '';
    const component = target.type === 'endpoint' ? target.componentId : '';
    const id = target.type === 'endpoint' ? target.endpointId : target.type === 'throughput' ? target.serviceId : target.controlId;
    rows.push([
      iso(o.roundStart), iso(o.at), target.type, service, component, id, o.kind, o.ok, o.status, o.failure, o.raw,
      o.ip, o.url, o.method, o.finalUrl, o.ms, o.wireBytes, o.reached?.headers, o.reached?.bytes, o.blockpage, o.contentOk,
      o.transfer?.goodputKbps, o.transfer?.stalled,
    ]);
  }
  return rows;
}

export const INCIDENT_COLUMNS = ['subject', 'state', 'how', 'start', 'end', 'minutes'] as const;

/** One row per incident, oldest first; an open incident has no end and no duration. */
export function incidentRows(records: readonly IncidentRecord[]): CsvRow[] {
  const rows: CsvRow[] = [INCIDENT_COLUMNS];
  for (const incident of records.map(decodeIncident).sort((a, b) => a.start - b.start)) {
    rows.push([
      incident.subject,
      incident.state,
      incident.how,
      iso(incident.start),
      incident.end === null ? '' : iso(incident.end),
      incident.end === null ? null : Math.round((incident.end - incident.start) / MINUTE_MS),
    ]);
  }
  return rows;
}
