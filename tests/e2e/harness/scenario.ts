/**
 * What every scenario file shares: a fresh lab and the build in a fresh profile, the settings
 * country set to Russia (so the domestic controls are ya.ru, gosuslugi.ru, vk.com and max.ru),
 * and the words the product shows, read from the build's own locale files.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { dirname, join, resolve } from 'node:path';
import { CATALOGUE } from '../../../src/catalogue';
import type { Snapshot } from '../../../src/snapshot/snapshot';
import { startBrowserLab, type BrowserLab } from '../../lab/netns/browser-lab';
import { EXTENSION_DIR, startBlockwatch, type Blockwatch, type StartOptions } from './blockwatch';

/** The country the scenarios live in: Russia, whose 2026 blocks the scenarios replay. */
export const SCENARIO_COUNTRY = 'RU';

/** Every catalogue service id, in catalogue order: what the popup lists on a fresh install. */
export const SERVICE_IDS: readonly string[] = CATALOGUE.services.map((service) => service.id);

export interface Scenario {
  readonly lab: BrowserLab;
  app: Blockwatch;
}

/** Starts the lab and the build; the install round has run when this resolves. */
export async function openScenario(options: StartOptions = {}): Promise<Scenario> {
  const lab = await startBrowserLab();
  try {
    const app = await startBlockwatch({ trustCaPem: lab.node.ca.certificatePem, ...options });
    await app.setCountry(SCENARIO_COUNTRY);
    return { lab, app };
  } catch (error) {
    await lab.close();
    throw error;
  }
}

export async function closeScenario(scenario: Scenario | undefined): Promise<void> {
  if (!scenario) return;
  try {
    await scenario.app.close();
  } finally {
    await scenario.lab.close();
  }
}

/** Applies a change to the lab and makes the browser forget what it cached about the old network. */
export async function networkBecomes(scenario: Scenario, change: (lab: BrowserLab) => Promise<void>): Promise<void> {
  await change(scenario.lab);
  await scenario.app.networkChanged();
}

/** `{ id: state }` for every service: `base` everywhere, except as `overrides` say. */
export function statesOf(base: string, overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(SERVICE_IDS.map((id) => [id, overrides[id] ?? base]));
}

/** `{ id: state }` as a snapshot shows it. */
export function snapshotStates(snapshot: Snapshot): Record<string, string> {
  return Object.fromEntries(snapshot.services.map((service) => [service.id, service.state]));
}

export function serviceIn(snapshot: Snapshot, id: string): Snapshot['services'][number] {
  const service = snapshot.services.find((candidate) => candidate.id === id);
  if (!service) throw new Error(`the snapshot has no service "${id}" (it has ${snapshot.services.map((s) => s.id).join(', ')})`);
  return service;
}

/**
 * What the last stored round observed for one service, as the export stores it (endpoint, failure
 * code, the browser's raw words, duration): the evidence to print when a scenario's expectation
 * about that service fails.
 */
export async function lastRoundEvidence(app: Blockwatch, serviceId: string): Promise<string> {
  // The round that last probed the service: its id (`r`, the round's start) is the service's lastCheckedAt.
  const roundStart = serviceIn(await app.snapshot(), serviceId).lastCheckedAt;
  const exported = JSON.parse((await app.send('exportData', { format: 'json', full: true })).text) as { observations?: readonly Record<string, unknown>[] };
  const rows = (exported.observations ?? []).filter((row) => row.r === roundStart && (String(row.t).includes(`${serviceId}.`) || String(row.t).endsWith(`:${serviceId}`)));
  return rows.map((row) => `${String(row.t)}: ${row.f === undefined ? 'answered' : String(row.f)}${row.x === undefined ? '' : ` (${String(row.x)})`} in ${String(row.d)} ms`).join('; ');
}

/**
 * Asserts fields of one service in a snapshot (and `pendingState`, the state being confirmed); on a
 * mismatch the message carries the last round's evidence for it, so a failure in CI says what the
 * browser saw.
 */
export async function expectService(
  app: Blockwatch,
  snapshot: Snapshot,
  serviceId: string,
  expected: Readonly<Record<string, unknown>>,
  label: string,
): Promise<void> {
  const found = serviceIn(snapshot, serviceId);
  // `pendingState`: the state being confirmed right now, whatever its `how`.
  const service = { ...found, pendingState: found.pending?.state } as unknown as Record<string, unknown>;
  const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, service[key]]));
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual, `${label}; last round saw: ${await lastRoundEvidence(app, serviceId)}`).toEqual(expected);
}

type Messages = Record<string, { readonly message: string; readonly placeholders?: Record<string, { readonly content: string }> }>;
const messageFiles = new Map<string, Messages>();

/**
 * A message of the build's locale file, with `$1`… filled in: what the product shows. Reading the
 * build's own file keeps the scenarios true when the wording changes.
 */
export async function localeMessage(key: string, substitutions: readonly string[] = [], lang = 'en'): Promise<string> {
  let messages = messageFiles.get(lang);
  if (!messages) {
    messages = JSON.parse(await readFile(join(EXTENSION_DIR, '_locales', lang, 'messages.json'), 'utf8')) as Messages;
    messageFiles.set(lang, messages);
  }
  const entry = messages[key];
  if (!entry) throw new Error(`the build's ${lang} locale has no message "${key}"`);
  // Named placeholders ($SERVICE$) stand for their content ($1), which stands for a substitution.
  const positional = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole);
  return positional.replace(/\$([1-9])/g, (_whole, digit: string) => substitutions[Number(digit) - 1] ?? '');
}

/**
 * Where figures measured during a run go (one JSON object a line), for tests/e2e/README.md and the
 * report. BLOCKWATCH_FIGURES_FILE: another file, so the Firefox run beside the Chromium one keeps its own.
 */
export const FIGURES_FILE = resolve(process.env.BLOCKWATCH_FIGURES_FILE ?? 'test-results/e2e-figures.jsonl');

/** Records a measured figure; never asserted on (machines are noisy), only reported. */
export async function recordFigure(name: string, value: number, unit: string, note?: string): Promise<void> {
  await mkdir(dirname(FIGURES_FILE), { recursive: true });
  await appendFile(FIGURES_FILE, `${JSON.stringify({ at: new Date().toISOString(), name, value, unit, ...(note ? { note } : {}) })}\n`);
}
