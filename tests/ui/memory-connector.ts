/**
 * A Connector with no extension behind it, for the pages' component tests (tests/ui): it answers
 * from memory, checks settings changes and imports with the same validators the background uses,
 * records every call, and pushes snapshots on demand.
 */
import { CATALOGUE } from '../../src/catalogue';
import { parseCustomTarget } from '../../src/catalogue/custom-target';
import type { Service } from '../../src/catalogue/types';
import type { ExportFile, ExportFormat, PushMessage, RequestName, RequestOf, Requests, ResponseOf, ServiceInfo } from '../../src/protocol';
import { pauseFor } from '../../src/settings/pause';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { validateSettingsUpdate } from '../../src/settings/validate';
import type { Snapshot } from '../../src/snapshot/snapshot';
import type { HistoryRange, Incident, Span } from '../../src/store/queries';
import { validateExport } from '../../src/store/validate-export';
import type { Connector } from '../../extension/shared/ui/connector';

export interface MemoryCall {
  readonly type: RequestName;
  readonly request: unknown;
}

export interface MemoryConnectorOptions {
  readonly snapshot?: Snapshot;
  readonly settings?: Settings;
  readonly history?: Partial<Record<Span, HistoryRange>>;
  readonly incidents?: readonly Incident[];
  /** Whether the person allows a site when asked (default: yes). */
  readonly grantOrigins?: boolean;
  /** Requests that fail as if the background did not answer. */
  readonly failing?: readonly RequestName[];
  /** What `measureSpeed` answers (default: ok for any service in the settings). */
  readonly speedAnswer?: ResponseOf<'measureSpeed'>;
  readonly now?: () => number;
}

type Handlers = { readonly [K in RequestName]: (request: RequestOf<K>) => ResponseOf<K> };

/** Custom targets as services, the way the background turns settings into what it probes. */
function customServices(settings: Settings, now: () => number): Service[] {
  const services: Service[] = [];
  for (const target of settings.customTargets) {
    const parsed = parseCustomTarget(target.input, [], now);
    if (parsed.ok) services.push(parsed.service);
  }
  return services;
}

export class MemoryConnector implements Connector {
  readonly calls: MemoryCall[] = [];
  readonly granted = new Set<string>();
  readonly removed: string[] = [];
  readonly saved: ExportFile[] = [];
  snapshot: Snapshot | undefined;
  settings: Settings;
  history: Partial<Record<Span, HistoryRange>>;
  incidents: Incident[];
  grantOrigins: boolean;
  failing: Set<RequestName>;
  speedAnswer: ResponseOf<'measureSpeed'> | undefined;
  /** When set, `runNow` answers only at `completeRound()`, as the background answers when its round ends. */
  holdRounds = false;
  private pendingRounds: (() => void)[] = [];
  private readonly listeners = new Set<(message: PushMessage) => void>();
  private readonly now: () => number;

  constructor(options: MemoryConnectorOptions = {}) {
    this.snapshot = options.snapshot;
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.history = options.history ?? {};
    this.incidents = [...(options.incidents ?? [])];
    this.grantOrigins = options.grantOrigins ?? true;
    this.failing = new Set(options.failing ?? []);
    this.speedAnswer = options.speedAnswer;
    this.now = options.now ?? Date.now;
  }

  /** The calls of one kind, in order. */
  callsOf<K extends RequestName>(type: K): RequestOf<K>[] {
    return this.calls.filter((call) => call.type === type).map((call) => call.request as RequestOf<K>);
  }

  /** Ends the rounds `runNow` is waiting for (with `holdRounds`). */
  completeRound(): void {
    const waiting = this.pendingRounds;
    this.pendingRounds = [];
    for (const resolve of waiting) resolve();
  }

  /** Pushes a snapshot to the page, as the background does after every change. */
  push(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener({ type: 'snapshot', snapshot });
  }

  services(): ServiceInfo[] {
    const info = (service: Service, custom: boolean): ServiceInfo => ({
      id: service.id,
      name: service.name,
      custom,
      enabled: !this.settings.disabledServices.includes(service.id),
      components: service.components.map((component) => ({ id: component.id, role: component.role })),
    });
    return [...CATALOGUE.services.map((service) => info(service, false)), ...customServices(this.settings, this.now).map((service) => info(service, true))];
  }

  private readonly handlers: Handlers = {
    getSnapshot: () => {
      if (!this.snapshot) throw new Error('no snapshot');
      return this.snapshot;
    },
    runNow: () => (this.snapshot?.paused ? { joined: false, paused: true } : { joined: this.snapshot?.activity.running === true }),
    measureSpeed: ({ serviceId }) =>
      this.speedAnswer ?? (this.services().some((service) => service.id === serviceId) ? { ok: true } : { ok: false, reason: 'unknown_service' }),
    getHistory: ({ span }) => {
      const range = this.history[span];
      if (!range) throw new Error(`no history for ${span}`);
      return range;
    },
    getIncidents: ({ from, to }) => this.incidents.filter((incident) => incident.start <= to && (incident.end === null || incident.end >= from)),
    getSettings: () => ({ settings: this.settings, services: this.services() }),
    updateSettings: ({ update }) => {
      const idForTarget = (input: string): string | null => {
        const parsed = parseCustomTarget(input, CATALOGUE.services, this.now);
        return parsed.ok ? parsed.service.id : null;
      };
      const result = validateSettingsUpdate(update, this.settings, { idForTarget });
      if (!result.ok) return result;
      this.settings = result.settings;
      return { ok: true, settings: result.settings };
    },
    exportData: ({ format, full }) => exportFile(format, full, this.incidents),
    importData: ({ text }) => {
      const result = validateExport(text);
      if (!result.ok) return result;
      const { data } = result;
      return {
        ok: true,
        report: { rounds: data.rounds.length, verdicts: data.verdicts.length, observations: data.observations.length, rollups: data.rollups.length, incidents: data.incidents.length },
      };
    },
    clearData: () => {
      this.incidents = [];
      this.history = {};
      return { ok: true };
    },
    pause: ({ choice }) => {
      const pause = pauseFor(choice, this.now());
      this.settings = { ...this.settings, pause };
      if (this.snapshot) this.push({ ...this.snapshot, paused: pause });
      return { ok: true };
    },
    resume: () => {
      this.settings = { ...this.settings, pause: null };
      if (this.snapshot) this.push({ ...this.snapshot, paused: null });
      return { ok: true };
    },
  };

  async send<K extends RequestName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    this.calls.push({ type, request });
    // Answer on a later tick, as the real background does.
    await Promise.resolve();
    if (type === 'runNow' && this.holdRounds) await new Promise<void>((resolve) => this.pendingRounds.push(resolve));
    if (this.failing.has(type)) throw new Error('The background did not answer');
    const handler = this.handlers[type] as (request: Requests[K]['request']) => ResponseOf<K>;
    return handler(request);
  }

  onPush(listener: (message: PushMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requestOrigins(origins: readonly string[]): Promise<boolean> {
    if (this.grantOrigins) for (const origin of origins) this.granted.add(origin);
    return Promise.resolve(this.grantOrigins);
  }

  removeOrigins(origins: readonly string[]): Promise<boolean> {
    for (const origin of origins) {
      this.granted.delete(origin);
      this.removed.push(origin);
    }
    return Promise.resolve(true);
  }

  saveFile(file: ExportFile): void {
    this.saved.push(file);
  }
}

function exportFile(format: ExportFormat, full: boolean, incidents: readonly Incident[]): ExportFile {
  if (format === 'incidents-csv') {
    const rows = incidents.map((incident) => [incident.subject, incident.state, incident.how ?? '', incident.start, incident.end ?? ''].join(','));
    return { filename: 'blockwatch-incidents.csv', mime: 'text/csv', text: ['subject,state,how,start,end', ...rows].join('\n') };
  }
  if (format === 'observations-csv') return { filename: 'blockwatch-observations.csv', mime: 'text/csv', text: 'round,target,ok\n' };
  return {
    filename: full ? 'blockwatch-history-full.json' : 'blockwatch-history.json',
    mime: 'application/json',
    text: JSON.stringify({ format: 'blockwatch-history', version: 1, scope: full ? 'full' : 'shareable' }),
  };
}
