/**
 * Removing `Origin` from Blockwatch's own requests, and from nothing else (the Firefox listener's
 * decision; the Chrome rule's shape). Measured in the browsers by the wire tests.
 */
import { describe, expect, it } from 'vitest';
import { noOriginRule, removeOriginWithListener, withoutOrigin, type BeforeSendHeaders } from '../../extension/background/no-origin';

const OWN = 'moz-extension://0f2fc251-d26d-431c-949b-6a057622872c/';
const HEADERS = [
  { name: 'Host', value: '149.154.167.51:443' },
  { name: 'Origin', value: 'moz-extension://0f2fc251-d26d-431c-949b-6a057622872c' },
  { name: 'Content-Length', value: '0' },
];

describe('the Origin of its own requests', () => {
  it('is removed from a probe its background made, every other header kept in order', () => {
    expect(withoutOrigin({ tabId: -1, originUrl: `${OWN}background.html`, requestHeaders: HEADERS }, OWN)).toEqual({
      requestHeaders: [HEADERS[0], HEADERS[2]],
    });
  });

  it('is left alone on a page the person opened, and on another extension\u2019s request', () => {
    expect(withoutOrigin({ tabId: 4, originUrl: 'https://example.org/', requestHeaders: HEADERS }, OWN)).toBeUndefined();
    expect(withoutOrigin({ tabId: -1, originUrl: 'moz-extension://another-extension/bg.html', requestHeaders: HEADERS }, OWN)).toBeUndefined();
  });

  it('the Firefox listener is registered for the probed hosts, no tab, blocking; and again when they change', () => {
    const registered: { urls: string[]; tabId: number; extra: string[] }[] = [];
    let removed = 0;
    const event: BeforeSendHeaders = {
      addListener: (_listener, filter, extra) => void registered.push({ ...filter, extra }),
      removeListener: () => void (removed += 1),
    };
    const removal = removeOriginWithListener(event, OWN, ['http://149.154.167.51/*']);
    removal.watch(['http://149.154.167.51/*', 'https://example.org/*']);
    expect(registered).toEqual([
      { urls: ['http://149.154.167.51/*'], tabId: -1, extra: ['blocking', 'requestHeaders'] },
      { urls: ['http://149.154.167.51/*', 'https://example.org/*'], tabId: -1, extra: ['blocking', 'requestHeaders'] },
    ]);
    expect(removed).toBe(2);
  });

  it('Chrome: the session rule removes it only from requests its own id starts, outside any tab', () => {
    expect(noOriginRule('fagbaclmdalandbmghfmbcfblcnhcgmh').condition).toEqual({
      initiatorDomains: ['fagbaclmdalandbmghfmbcfblcnhcgmh'],
      tabIds: [-1],
      resourceTypes: ['xmlhttprequest'],
    });
  });
});
