/**
 * The background glue in WXT's fake browser: install runs a round and arms the schedule, alarms run
 * rounds and confirmation rounds, a confirmed block becomes one notification and a badge, a click
 * opens the history page at the incident, and pages are the only ones heard. `fetch` is replaced by
 * an in-memory network (no test may reach a real host); webRequest, which the fake lacks, is inert.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { createTranslate, type LocaleMessages } from '../../src/i18n/translate';
import { openHistory } from '../../src/store/open';
import { latestRecords } from '../../src/store/queries';
import { HISTORY_DB_NAME } from '../../src/store/schema';

const EN = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')) as LocaleMessages;
const t = createTranslate(EN);

/** Host names that fail like a blocked host in a browser (fetch says only "TypeError"). */
const blocked = new Set<string>();
/** While set, every fetch waits for it (a round held mid-probe). */
let hold: Promise<void> | null = null;
let fetches = 0;
/** The IndexedDB of the current test (the background's database lives there). */
let factory = new IDBFactory();
/** Filters the background registered its webRequest listeners with, latest last. */
let filters: { event: string; filter: { urls: string[]; tabId?: number } }[] = [];
let sessionRules: unknown[] = [];
/** How many fetches had gone out when the session rule was set. */
let fetchesBeforeRule: number | null = null;

async function fakeFetch(url: string): Promise<Response> {
  fetches += 1;
  if (hold) await hold;
  const host = new URL(url).hostname;
  if (blocked.has(host)) throw new TypeError('Failed to fetch');
  const control = CATALOGUE.controls.find((entry) => entry.url === url);
  const status = control?.expect?.status ?? 200;
  // A 204 has no body (the Response constructor refuses one).
  if (control?.expect) return new Response(status === 204 ? null : (control.expect.bodyIncludes ?? ''), { status });
  return new Response('', { status: 200 });
}

const MINUTE = 60_000;

async function startBackground(): Promise<void> {
  const { default: background } = await import('../../extension/background/index');
  background.main();
}

async function waitForRound(previousRoundAlarm?: number): Promise<number> {
  let at = 0;
  await vi.waitFor(
    async () => {
      const alarm = await fakeBrowser.alarms.get('round');
      // A round armed an interval ahead means a round just ended (a woken worker arms a first one sooner).
      if (!alarm || alarm.scheduledTime === previousRoundAlarm || alarm.scheduledTime - Date.now() < 4 * MINUTE) throw new Error('no new round yet');
      at = alarm.scheduledTime;
    },
    { timeout: 20_000, interval: 50 },
  );
  return at;
}

beforeEach(() => {
  fakeBrowser.reset();
  blocked.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 1, 12, 11, 0));
  hold = null;
  fetches = 0;
  filters = [];
  sessionRules = [];
  fetchesBeforeRule = null;
  for (const event of ['onBeforeRequest', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted', 'onErrorOccurred'] as const) {
    vi.spyOn(fakeBrowser.webRequest[event], 'addListener').mockImplementation(((_listener: unknown, filter: { urls: string[]; tabId?: number }) => {
      filters.push({ event, filter });
    }) as never);
    vi.spyOn(fakeBrowser.webRequest[event], 'removeListener').mockImplementation(() => undefined);
  }
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockImplementation((async (options: unknown) => {
    sessionRules.push(options);
    fetchesBeforeRule ??= fetches;
  }) as never);
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => t(key, substitutions));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.stubGlobal('fetch', fakeFetch);
  // A database of its own per test: a worker from the test before must not share its history.
  factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  vi.stubGlobal('navigator', { languages: ['ru-RU'] });
  vi.resetModules();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the background in a (fake) browser', () => {
  it('on install: runs a round, arms the next one, shows no badge', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const at = await waitForRound();
    expect(at - Date.now()).toBeGreaterThanOrEqual(5 * MINUTE - 30_000);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getTitle({})).toBe('Blockwatch: every service is reachable'), { timeout: 10_000, interval: 50 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // The country was guessed (ru-RU) and saved with the first settings.
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ version: 2, country: 'RU' });
  });

  it('a block confirmed over the scheduled rounds: one notification, a badge, and a click opens the incident', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    let roundAt = await waitForRound();

    // Every WhatsApp host, the sixteen chat hosts included (the chat pool is never judged on one).
    const chatHosts = Array.from({ length: 16 }, (_, index) => `e${index + 1}.whatsapp.net`);
    for (const host of ['web.whatsapp.com', 'www.whatsapp.com', ...chatHosts, 'v.whatsapp.net', 'mmg.whatsapp.net']) blocked.add(host);
    vi.setSystemTime(roundAt);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'round', scheduledTime: roundAt });
    roundAt = await waitForRound(roundAt);
    for (let i = 0; i < 2; i += 1) {
      const confirm = await fakeBrowser.alarms.get('confirm');
      expect(confirm).toBeDefined();
      vi.setSystemTime(confirm!.scheduledTime);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'confirm', scheduledTime: confirm!.scheduledTime });
      await vi.waitFor(async () => {
        const next = await fakeBrowser.alarms.get('confirm');
        if (next?.scheduledTime === confirm!.scheduledTime) throw new Error('confirmation round still running');
      }, { timeout: 20_000, interval: 50 });
    }

    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toHaveLength(1);
    const [id, notification] = Object.entries(shown)[0] as [string, { title: string; message: string }];
    expect(notification.title).toBe('WhatsApp is blocked');
    expect(notification.message).toMatch(/^WhatsApp is blocked on your network \(connections blocked\) since /);
    // The toolbar is drawn once the round's snapshot is built, just after the alarms are armed.
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'), { timeout: 10_000, interval: 50 });
    expect(await fakeBrowser.action.getTitle({})).toBe('Blockwatch: WhatsApp — Blocked');

    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(id);
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/history-page\.html#incident=whatsapp\|\d+$/) });
  });

  it('site access withheld for WhatsApp (Chrome\'s "on click", permission answered no): not probed, "no access", never blocked, never notified', async () => {
    const whatsappHosts = ['web.whatsapp.com', 'www.whatsapp.com', 'e1.whatsapp.net', 'g.whatsapp.net', 'v.whatsapp.net', 'mmg.whatsapp.net'];
    // Without access the browser fails the request like a block (fetch: "TypeError", webRequest: nothing).
    for (const host of whatsappHosts) blocked.add(host);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (permissions) =>
      !(permissions.origins ?? []).some((origin) => whatsappHosts.some((host) => origin.includes(`//${host}/`))),
    );
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(new URL(url).hostname);
      return fakeFetch(url);
    });
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    let roundAt = await waitForRound();
    for (let i = 0; i < 3; i += 1) {
      vi.setSystemTime(roundAt);
      await fakeBrowser.alarms.onAlarm.trigger({ name: 'round', scheduledTime: roundAt });
      roundAt = await waitForRound(roundAt);
    }
    expect(fetched.filter((host) => whatsappHosts.includes(host))).toEqual([]);
    expect(fetched.length).toBeGreaterThan(0);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''), { timeout: 10_000, interval: 50 });
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getSnapshot' }, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
    const reply = (await answer) as { ok: boolean; value?: { services: { id: string; state: string; access?: string }[] } };
    const rows = reply.value?.services ?? [];
    expect(rows.find((row) => row.id === 'whatsapp')).toMatchObject({ state: 'unknown', access: 'withheld' });
    expect(rows.filter((row) => row.id !== 'whatsapp').every((row) => row.state === 'reachable' && row.access === undefined)).toBe(true);
  });

  it('answers only the extension\'s own pages', async () => {
    await startBackground();
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'clearData' }, { id: 'someone-else', url: 'https://evil.example/' });
    expect(await answer).toEqual({ ok: false, error: 'not allowed' });
  });

  it('listens only to its own requests (no tab) to the probed hosts, and to a custom target once it is added', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await waitForRound();
    expect(filters.length).toBeGreaterThan(0);
    for (const { filter } of filters) {
      expect(filter.tabId).toBe(-1);
      expect(filter.urls).not.toContain('http://*/*');
      expect(filter.urls).not.toContain('https://*/*');
      expect(filter.urls).not.toContain('<all_urls>');
      expect(filter.urls).toContain('http://149.154.167.51/*');
    }
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: Record<string, unknown> };
    filters = [];
    await fakeBrowser.storage.local.set({ settings: { ...settings, customTargets: [{ input: 'example.org', id: 'custom:example.org' }] } });
    await vi.waitFor(() => expect(filters.map(({ filter }) => filter.urls.includes('https://example.org/*'))).toEqual([true, true, true, true, true]), { timeout: 10_000, interval: 50 });
  });

  it('Chrome: the rule that removes Origin from its own requests is set before the first probe', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await waitForRound();
    expect(sessionRules[0]).toEqual({
      removeRuleIds: [1],
      addRules: [
        {
          id: 1,
          priority: 1,
          action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
          condition: { initiatorDomains: [fakeBrowser.runtime.id], tabIds: [-1], resourceTypes: ['xmlhttprequest'] },
        },
      ],
    });
    expect(fetches).toBeGreaterThan(0);
    expect(fetchesBeforeRule).toBe(0);
  });

  it('the database deleted from outside mid-round: that round is lost, the next scheduled round runs and is stored', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    const roundAt = await waitForRound();

    let release!: () => void;
    hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const probed = fetches;
    vi.setSystemTime(roundAt);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'round', scheduledTime: roundAt });
    await vi.waitFor(() => expect(fetches).toBeGreaterThan(probed), { timeout: 10_000, interval: 20 });
    // As a person clearing site data, or a broken profile: the background's connection closes.
    await new Promise<void>((resolve, reject) => {
      const deletion = factory.deleteDatabase(HISTORY_DB_NAME);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error);
    });
    hold = null;
    release();

    const nextAt = await waitForRound(roundAt);
    expect(nextAt).toBeGreaterThanOrEqual(roundAt + 5 * MINUTE);
    vi.setSystemTime(nextAt);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'round', scheduledTime: nextAt });
    const afterAt = await waitForRound(nextAt);
    expect(afterAt).toBeGreaterThan(nextAt);
    const db = await openHistory(factory);
    expect((await latestRecords(db, ['whatsapp'])).lastRound?.roundStart).toBeGreaterThanOrEqual(nextAt);
    db.close();
    // The pages read the same reopened history: the history page and an export work again too.
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/history.html') };
    const [history] = await fakeBrowser.runtime.onMessage.trigger({ type: 'getHistory', span: '24h' }, page);
    expect(await history).toMatchObject({ ok: true });
    const [exported] = await fakeBrowser.runtime.onMessage.trigger({ type: 'exportData', format: 'json', full: false }, page);
    const envelope = (await exported) as { ok: boolean; value?: { text: string } };
    expect(envelope.ok).toBe(true);
    expect(JSON.parse(envelope.value!.text).rounds.length).toBeGreaterThan(0);
  });

  it('a malformed request from its own page is refused with the field named, and changes nothing', async () => {
    await startBackground();
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    // Once the background has answered a good request, its first settings are stored.
    await (await fakeBrowser.runtime.onMessage.trigger({ type: 'getSettings' }, page))[0];
    const before = await fakeBrowser.storage.local.get('settings');
    expect(before.settings).toMatchObject({ pause: null });
    for (const [message, error] of [
      [{ type: 'pause', choice: 'forever' }, /"choice" must be 1h, 8h or resume/],
      [{ type: 'pause', choice: '1h', until: 0 }, /unknown field "until"/],
      [{ type: 'updateSettings' }, /"update" is missing/],
      [{ type: 'exportData', format: 'json' }, /"full" is missing/],
      [{ type: 'clearData', all: true }, /unknown field "all"/],
    ] as const) {
      const [answer] = await fakeBrowser.runtime.onMessage.trigger(message, page);
      const envelope = (await answer) as { ok: boolean; error?: string };
      expect(envelope.ok).toBe(false);
      expect(envelope.error).toMatch(error);
    }
    expect(await fakeBrowser.storage.local.get('settings')).toEqual(before);
  });

  it('opens the welcome page on install, and a pause shows on the badge and tooltip', async () => {
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(opened).toHaveBeenCalledWith({ url: expect.stringMatching(/\/welcome\.html$/) });
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'pause', choice: 'resume' }, page);
    expect(await answer).toEqual({ ok: true, value: { ok: true } });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(t('toolbar_paused_badge')), { timeout: 10_000, interval: 50 });
    expect(await fakeBrowser.action.getTitle({})).toBe(`Blockwatch: ${t('toolbar_paused_until_resumed')}`);
  });
});
