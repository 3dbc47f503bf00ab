/**
 * The real monitor (schedule, confirmation, notifications) on a virtual clock against the Node
 * lab: alarms fire at once in virtual time, probes take their real time on loopback. Virtual time
 * runs at real speed between alarms and jumps to each alarm's time, so a probe times its transfer
 * in real milliseconds (a clock that stood still during a round read every throttled transfer as
 * instant, and the time-to-slow bench never saw YouTube slow). Lets the benchmark run a day's
 * schedule, or wait for a notification, in seconds.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { CATALOGUE } from '../../src/catalogue';
import { createNodeTransport } from '../../src/cli/node-transport';
import { formatDuration } from '../../src/format/duration';
import { createTranslate, type LocaleMessages } from '../../src/i18n/translate';
import { createMonitor, type AlarmName, type Monitor } from '../../src/runtime/monitor';
import { idbHistoryPort } from '../../src/runtime/idb-history-port';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/schema';
import { openHistory } from '../../src/store/open';
import type { Lab } from '../../tests/lab/lab';

const EN = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')) as LocaleMessages;

export interface Fired {
  readonly name: AlarmName;
  readonly at: number;
}

export interface VirtualMonitor {
  readonly monitor: Monitor;
  now(): number;
  /** Notifications shown so far, with the virtual time they were shown. */
  readonly shown: { readonly id: string; readonly title: string; readonly at: number }[];
  /** Fires the next due alarm (moving virtual time to it); returns what fired. */
  step(): Promise<Fired>;
  /** When the next alarm is due (virtual ms). */
  nextAlarm(): number;
  /** When the next regular round is due (virtual ms). */
  nextRound(): number;
}

export async function virtualMonitor(lab: Lab, start: number, settings: Partial<Settings> = {}): Promise<VirtualMonitor> {
  // Virtual time = the last alarm's time + the real time since it fired.
  let virtualBase = start;
  let realBase = performance.now();
  const now = (): number => virtualBase + (performance.now() - realBase);
  const alarms = new Map<AlarmName, number | null>();
  const shown: { id: string; title: string; at: number }[] = [];
  const db = await openHistory(new IDBFactory(), `bench-${Math.random()}`);
  let stored: unknown = { ...DEFAULT_SETTINGS, country: 'RU', ...settings };
  const monitor = createMonitor({
    catalogue: CATALOGUE,
    history: idbHistoryPort(db),
    settings: { load: async () => stored, save: async (value) => void (stored = value) },
    defaultSettings: { ...DEFAULT_SETTINGS, country: 'RU' },
    transport: createNodeTransport(lab.network()),
    clock: { now, utcOffsetMin: () => 180, random: Math.random },
    effects: {
      armAlarm: async (name, at) => void alarms.set(name, at),
      // The watchdog never finds anything to mend in a bench run: it is not played.
      armRepeating: async () => undefined,
      alarmAt: async (name) => alarms.get(name) ?? null,
      notify: async (id, text) => void shown.push({ id, title: text.title, at: now() }),
      showState: async () => undefined,
      publish: () => undefined,
      log: () => undefined,
      withheldHosts: async () => [],
    },
    text: { t: createTranslate(EN), time: (ms) => new Date(ms).toISOString().slice(11, 16), duration: (ms) => formatDuration(ms, 'en') },
  });
  const next = (): [AlarmName, number] | undefined =>
    [...alarms.entries()].filter((entry): entry is [AlarmName, number] => entry[1] !== null).sort((a, b) => a[1] - b[1])[0];
  return {
    monitor,
    now,
    shown,
    nextAlarm: () => next()?.[1] ?? Infinity,
    nextRound: () => alarms.get('round') ?? Infinity,
    async step() {
      const due = next();
      if (!due) throw new Error('nothing scheduled');
      const [name, at] = due;
      alarms.set(name, null);
      if (at > now()) {
        virtualBase = at;
        realBase = performance.now();
      }
      await monitor.onAlarm(name);
      return { name, at };
    },
  };
}
