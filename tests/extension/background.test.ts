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

const EN = JSON.parse(readFileSync(new URL('../../assets/_locales/en/messages.json', import.meta.url), 'utf8')) as LocaleMessages;
const t = createTranslate(EN);

/** Host names that fail like a blocked host in a browser (fetch says only "TypeError"). */
const blocked = new Set<string>();

async function fakeFetch(url: string): Promise<Response> {
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
  for (const event of ['onBeforeRequest', 'onBeforeRedirect', 'onResponseStarted', 'onCompleted', 'onErrorOccurred'] as const) {
    vi.spyOn(fakeBrowser.webRequest[event], 'addListener').mockImplementation(() => undefined);
  }
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => t(key, substitutions));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.stubGlobal('fetch', fakeFetch);
  // A database of its own per test: a worker from the test before must not share its history.
  vi.stubGlobal('indexedDB', new IDBFactory());
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
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ version: 1, country: 'RU' });
  });

  it('a block confirmed over the scheduled rounds: one notification, a badge, and a click opens the incident', async () => {
    await startBackground();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    let roundAt = await waitForRound();

    for (const host of ['web.whatsapp.com', 'www.whatsapp.com', 'e1.whatsapp.net', 'g.whatsapp.net', 'v.whatsapp.net', 'mmg.whatsapp.net']) blocked.add(host);
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
});
