/**
 * A monitor wired to the Node lab, fake-indexeddb and recording effects: the background's job
 * without a browser. `restart()` builds a new monitor over the same database, as a new service
 * worker would after the old one was killed.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { CATALOGUE } from '../../src/catalogue';
import { createNodeTransport } from '../../src/cli/node-transport';
import { formatDuration } from '../../src/format/duration';
import { createTranslate, type LocaleMessages } from '../../src/i18n/translate';
import type { ProbeTunables } from '../../src/probe/probe';
import type { Transport } from '../../src/probe/transport';
import { createMonitor, type AlarmName, type Monitor, type MonitorEffects } from '../../src/runtime/monitor';
import type { HistoryPort } from '../../src/runtime/history-port';
import { idbHistoryPort } from '../../src/runtime/idb-history-port';
import type { NotificationText } from '../../src/runtime/notification-text';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import type { SettingsStore } from '../../src/settings/settings-store';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { openHistory } from '../../src/store/open';
import type { HistoryDb } from '../../src/store/schema';
import type { Lab } from '../lab/lab';

export const EN = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')) as LocaleMessages;
export const t = createTranslate(EN);

/**
 * Shorter timers than production's 15 s, so silent behaviours end sooner; still long enough that a
 * whole round's handshakes at once (client and lab servers share this process) all finish on a busy
 * 2-core machine.
 */
export const TUNABLES: Partial<ProbeTunables> = { headersTimeoutMs: 6_000, bodyTimeoutMs: 2_500, stallGapMs: 1_000 };

export interface Shown {
  readonly id: string;
  readonly text: NotificationText;
}

export class RecordingEffects implements MonitorEffects {
  readonly alarms = new Map<AlarmName, number | null>();
  /** Repeating alarms and their period, minutes (tests fire them by hand). */
  readonly repeating = new Map<AlarmName, number>();
  readonly shown: Shown[] = [];
  readonly states: Snapshot[] = [];
  readonly published: Snapshot[] = [];
  readonly logs: string[] = [];
  /** When set, notify() never returns (the worker dies while showing). */
  hangNotify = false;
  /** Host match patterns the person withheld (site access "on click", a revoked grant). */
  readonly withheld = new Set<string>();

  /** What a new worker finds: the browser's alarms, nothing else. */
  survivors(): RecordingEffects {
    const next = new RecordingEffects();
    for (const [name, at] of this.alarms) next.alarms.set(name, at);
    for (const [name, period] of this.repeating) next.repeating.set(name, period);
    for (const pattern of this.withheld) next.withheld.add(pattern);
    return next;
  }

  async armAlarm(name: AlarmName, at: number | null): Promise<void> {
    this.alarms.set(name, at);
  }
  async armRepeating(name: 'watchdog', periodMin: number): Promise<void> {
    this.repeating.set(name, periodMin);
  }
  async alarmAt(name: AlarmName): Promise<number | null> {
    // A repeating alarm is always armed; its next time does not matter to these tests.
    return this.alarms.get(name) ?? (this.repeating.has(name) ? Number.MAX_SAFE_INTEGER : null);
  }
  async notify(id: string, text: NotificationText): Promise<void> {
    if (this.hangNotify) return new Promise(() => undefined);
    this.shown.push({ id, text });
  }
  async showState(snapshot: Snapshot): Promise<void> {
    this.states.push(snapshot);
  }
  publish(snapshot: Snapshot): void {
    this.published.push(snapshot);
  }
  log(message: string): void {
    this.logs.push(message);
  }
  withheldHosts = async (patterns: readonly string[]): Promise<readonly string[]> => patterns.filter((pattern) => this.withheld.has(pattern));
}

export class MemorySettings implements SettingsStore {
  value: unknown;
  constructor(initial: Partial<Settings> = {}) {
    this.value = { ...DEFAULT_SETTINGS, country: 'RU', ...initial };
  }
  async load(): Promise<unknown> {
    return this.value;
  }
  async save(settings: Settings): Promise<void> {
    this.value = settings;
  }
}

/** A clock that is the real one plus an offset the test moves forward (the lab needs real time). */
export class SteppingClock {
  offset = 0;
  now = (): number => Date.now() + this.offset;
  utcOffsetMin = (): number => 0;
  random = (): number => 0.5;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface Harness {
  readonly monitor: Monitor;
  readonly effects: RecordingEffects;
  readonly clock: SteppingClock;
  readonly settings: MemorySettings;
  readonly db: HistoryDb;
  readonly history: HistoryPort;
  /** A new monitor over the same database and settings, as a restarted worker. */
  restart(options?: { history?: HistoryPort }): Harness;
}

export interface HarnessOptions {
  readonly settings?: Partial<Settings>;
  readonly history?: (db: HistoryDb) => HistoryPort;
  /** Wraps the lab's transport (a transport that throws). */
  readonly transport?: (lab: Transport) => Transport;
}

export async function createHarness(lab: Lab, options: HarnessOptions = {}): Promise<Harness> {
  const db = await openHistory(new IDBFactory(), `test-${Math.random()}`);
  const clock = new SteppingClock();
  const settings = new MemorySettings(options.settings);
  const build = (history: HistoryPort, effects: RecordingEffects): Harness => {
    const monitor = createMonitor({
      catalogue: CATALOGUE,
      history,
      settings,
      defaultSettings: { ...DEFAULT_SETTINGS, country: 'RU' },
      transport: options.transport ? options.transport(createNodeTransport(lab.network())) : createNodeTransport(lab.network()),
      clock,
      effects,
      text: { t, time: (ms) => new Date(ms).toISOString().slice(11, 16), duration: (ms) => formatDuration(ms, 'en') },
      probeTunables: TUNABLES,
    });
    return {
      monitor,
      effects,
      clock,
      settings,
      db,
      history,
      // Alarms belong to the browser, not the worker: a restarted worker finds them armed.
      restart: (again = {}) => build(again.history ?? history, effects.survivors()),
    };
  };
  return build(options.history ? options.history(db) : idbHistoryPort(db), new RecordingEffects());
}

/** The state each service shows, by id. */
export function states(snapshot: Snapshot | undefined): Record<string, string> {
  return Object.fromEntries((snapshot?.services ?? []).map((service) => [service.id, service.how ? `${service.state}:${service.how}` : service.state]));
}
