/**
 * Messages between pages and the background: a closed set. Each request name maps to the shape
 * a page sends and the shape the background answers; the background pushes the snapshot to open
 * pages whenever it changes. `extension/shared/messaging.ts` types `send()` and `handle()` with
 * these, so a missing handler or a wrong field is a compile error.
 */
import type { ComponentRole } from './catalogue/types';
import type { Snapshot } from './snapshot/snapshot';
import type { PauseChoice } from './settings/pause';
import type { Settings } from './settings/schema';
import type { SettingsFieldError } from './settings/validate';
import type { ExportFile, ExportFormat } from './store/export-file';
import type { ImportReport } from './store/import';
import type { HistoryRange, Incident, Span } from './store/queries';
import type { ImportError } from './store/validate-export';

/** A service as pages list it (the catalogue's and the user's own). */
export interface ServiceInfo {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly enabled: boolean;
  readonly components: readonly { readonly id: string; readonly role: ComponentRole }[];
}

export type { ExportFile, ExportFormat } from './store/export-file';

export interface Requests {
  /** The current snapshot (the popup's first render). */
  readonly getSnapshot: { readonly request: Record<string, never>; readonly response: Snapshot };
  /** "Check now": a full round; joins a round already running instead of starting a second. Paused: nothing runs. */
  readonly runNow: { readonly request: Record<string, never>; readonly response: { readonly joined: boolean; readonly paused?: true } };
  /** Measure one service's throughput now (on demand). */
  readonly measureSpeed: {
    readonly request: { readonly serviceId: string };
    readonly response: { readonly ok: true } | { readonly ok: false; readonly reason: 'unknown_service' | 'no_object' | 'budget_spent' | 'paused' };
  };
  /** Availability, latency and goodput over a span, for the history page. */
  readonly getHistory: { readonly request: { readonly span: Span }; readonly response: HistoryRange };
  readonly getIncidents: { readonly request: { readonly from: number; readonly to: number }; readonly response: readonly Incident[] };
  readonly getSettings: { readonly request: Record<string, never>; readonly response: { readonly settings: Settings; readonly services: readonly ServiceInfo[] } };
  /** A partial change; nothing changes unless all of it is valid. */
  readonly updateSettings: {
    readonly request: { readonly update: unknown };
    readonly response: { readonly ok: true; readonly settings: Settings } | { readonly ok: false; readonly errors: readonly SettingsFieldError[] };
  };
  /**
   * `full: false` (the default choice) leaves out what could identify the person's network or
   * targets (src/store/redact.ts); `full: true` is everything as stored.
   */
  readonly exportData: { readonly request: { readonly format: ExportFormat; readonly full: boolean }; readonly response: ExportFile };
  /** Imports a JSON export; a bad file changes nothing. */
  readonly importData: {
    readonly request: { readonly text: string };
    readonly response: { readonly ok: true; readonly report: ImportReport } | { readonly ok: false; readonly error: ImportError };
  };
  /** Deletes all history (the page asks the person first). */
  readonly clearData: { readonly request: Record<string, never>; readonly response: { readonly ok: true } };
  /** Stops every probe and notification for the chosen time (src/settings/pause.ts). */
  readonly pause: { readonly request: { readonly choice: PauseChoice }; readonly response: { readonly ok: true } };
  /** Ends a pause; answers when the round it starts at once has ended. */
  readonly resume: { readonly request: Record<string, never>; readonly response: { readonly ok: true } };
}

export type RequestName = keyof Requests;
export type RequestOf<K extends RequestName> = Requests[K]['request'];
export type ResponseOf<K extends RequestName> = Requests[K]['response'];

/** What travels: the name and the request's fields. */
export type RequestMessage = { readonly [K in RequestName]: { readonly type: K } & RequestOf<K> }[RequestName];

/** What the background answers: the response, or an error it could not turn into one. */
export type ResponseEnvelope<K extends RequestName> =
  | { readonly ok: true; readonly value: ResponseOf<K> }
  | { readonly ok: false; readonly error: string };

/** Pushed from the background to open pages. */
export type PushMessage = { readonly type: 'snapshot'; readonly snapshot: Snapshot };

export const REQUEST_NAMES: readonly RequestName[] = [
  'getSnapshot',
  'runNow',
  'measureSpeed',
  'getHistory',
  'getIncidents',
  'getSettings',
  'updateSettings',
  'exportData',
  'importData',
  'clearData',
  'pause',
  'resume',
];

export const EXPORT_FORMATS: readonly ExportFormat[] = ['json', 'observations-csv', 'incidents-csv'];

export function isRequestMessage(value: unknown): value is RequestMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.hasOwn(value, 'type') &&
    (REQUEST_NAMES as readonly unknown[]).includes((value as { type?: unknown }).type)
  );
}
