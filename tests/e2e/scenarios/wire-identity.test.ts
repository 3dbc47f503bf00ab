/**
 * Nothing on the wire names the install (issue 8, item 1): two fresh installs (two profiles) run
 * their install round and a "Check now" in the same lab; the lab records every request header of
 * every probe (plain HTTP and HTTPS through the lab CA, so a state that intercepts TLS sees the same).
 * No probe may carry an `Origin`, an extension scheme, the extension's id, or a header whose value
 * differs between the two installs where a plain page load of the same URLs in the same profiles
 * differs in nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserLab, type BrowserLab } from '../../lab/netns/browser-lab';
import type { LabRequest } from '../../lab/lab';
import { startBlockwatch } from '../harness/blockwatch';
import { recordFigure } from '../harness/scenario';
import { headerNamesByShape, sharedKinds, wireFindings, type InstallCapture, type WireRequest } from '../harness/wire-markers';

/** Probed URLs a person could also open in a tab: a Telegram data centre (plain HTTP on 443) and a web client (HTTPS). */
const PAGE_URLS: readonly string[] = ['http://149.154.167.51:443/', 'https://web.telegram.org/'];

function wire(requests: readonly LabRequest[]): WireRequest[] {
  return requests.map(({ method, tls, host, path, headers }) => ({ method, tls, host, path, headers }));
}

/** What each install's "Check now" found for Telegram's data centres (the POST probes): still an answer. */
const telegramChat = new Map<string, string>();

async function captureInstall(lab: BrowserLab, label: string): Promise<InstallCapture> {
  await lab.reset();
  const app = await startBlockwatch();
  try {
    const snapshot = await app.checkNow();
    const telegram = snapshot.services.find((service) => service.id === 'telegram');
    telegramChat.set(label, `${telegram?.state ?? 'absent'}; chat ${telegram?.components.find((component) => component.id === 'chat')?.failure ?? 'answered'}`);
    const probes = wire(lab.node.requests());
    await lab.reset();
    const page = await app.browser.context.newPage();
    for (const url of PAGE_URLS) await page.goto(url);
    await page.close();
    const pageLoads = wire(lab.node.requests()).filter((request) => request.path === '/');
    return { label, identifiers: [app.browser.extensionId], probes, pageLoads };
  } finally {
    await app.close();
  }
}

describe('nothing on the wire names the install', () => {
  let lab: BrowserLab | undefined;
  let a: InstallCapture | undefined;
  let b: InstallCapture | undefined;
  const both = (): [InstallCapture, InstallCapture] => {
    if (!a || !b) throw new Error('the installs did not run');
    return [a, b];
  };

  beforeAll(async () => {
    lab = await startBrowserLab();
    a = await captureInstall(lab, 'install A');
    b = await captureInstall(lab, 'install B');
  });
  afterAll(async () => {
    await lab?.close();
  });

  it('both installs sent every kind of probe: POST over plain HTTP, HEAD and GET over HTTPS', () => {
    const [first, second] = both();
    const shapes = new Set(sharedKinds(first, second).map((kind) => kind.split('/').slice(0, 1).join('')));
    expect([...shapes].sort()).toEqual(expect.arrayContaining(['GET https:', 'HEAD http:', 'HEAD https:', 'POST http:']));
    expect(first.pageLoads.map((load) => load.method)).toEqual(['GET', 'GET']);
  });

  it('the data centres still answer the probes without Origin: Telegram reachable, its chat component answered', () => {
    expect(Object.fromEntries(telegramChat)).toEqual({ 'install A': 'reachable; chat answered', 'install B': 'reachable; chat answered' });
  });

  it('no probe carries an Origin, an extension scheme or id, or a value that differs between installs', async () => {
    const [first, second] = both();
    for (const [shape, names] of Object.entries(headerNamesByShape(first.probes))) await recordFigure(`Chromium probe headers, ${shape}`, names.split(', ').length, 'headers', names);
    await recordFigure('Chromium probe kinds compared between two installs', sharedKinds(first, second).length, 'kinds');
    expect(wireFindings(first, second)).toEqual([]);
  });
});
