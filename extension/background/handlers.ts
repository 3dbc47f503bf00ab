/** The background's answer to each request of `src/protocol.ts`. */
import { CATALOGUE } from '../../src/catalogue';
import { parseCustomTarget } from '../../src/catalogue/custom-target';
import type { Monitor } from '../../src/runtime/monitor';
import { allServices } from '../../src/runtime/services-in-force';
import type { Settings } from '../../src/settings/schema';
import { loadSettings, updateSettings, type SettingsStore } from '../../src/settings/settings-store';
import { clearAll } from '../../src/store/clear-all';
import { exportFile } from '../../src/store/export-file';
import { importFile } from '../../src/store/import-file';
import { historyRange, incidentsBetween } from '../../src/store/queries';
import type { ReopeningConnection } from '../../src/runtime/reopening-history-port';
import type { Handlers } from '../shared/messaging';

export interface HandlerDeps {
  /** The history, shared with the monitor: reopened after it was closed under the background. */
  readonly history: ReopeningConnection;
  readonly monitor: Monitor;
  readonly settings: SettingsStore;
  readonly defaults: Settings;
  readonly now: () => number;
  readonly utcOffsetMin: () => number;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { history, monitor } = deps;
  const idForTarget = (input: string): string | null => {
    const parsed = parseCustomTarget(input, [], deps.now);
    return parsed.ok ? parsed.service.id : null;
  };

  return {
    getSnapshot: () => monitor.snapshot(),
    runNow: () => monitor.runNow(),
    measureSpeed: ({ serviceId }) => monitor.measureSpeed(serviceId),
    getHistory: ({ span }) => history.use((db) => historyRange(db, { span, now: deps.now(), utcOffsetMin: deps.utcOffsetMin() })),
    getIncidents: ({ from, to }) => history.use((db) => incidentsBetween(db, from, to)),

    async getSettings() {
      const settings = await loadSettings(deps.settings, deps.defaults);
      const services = allServices(CATALOGUE, settings, deps.now).map(({ service, enabled }) => ({
        id: service.id,
        name: service.name,
        custom: service.custom === true,
        enabled,
        components: service.components.map((component) => ({ id: component.id, role: component.role })),
      }));
      return { settings, services };
    },

    async updateSettings({ update }) {
      const result = await updateSettings(deps.settings, update, { idForTarget, defaults: deps.defaults });
      if (result.ok) await monitor.afterChange();
      return result;
    },

    exportData: (choice) => history.use((db) => exportFile(db, choice, deps.now())),

    async importData({ text }) {
      const outcome = await history.use((db) => importFile(db, text, deps.now()));
      if (outcome.ok) await monitor.afterChange();
      return outcome;
    },

    async pause({ choice }) {
      await monitor.pause(choice);
      return { ok: true };
    },

    async resume() {
      await monitor.resume();
      return { ok: true };
    },

    async clearData() {
      await history.use((db) => clearAll(db));
      await monitor.afterChange();
      return { ok: true };
    },
  };
}
