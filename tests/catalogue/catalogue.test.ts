import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { classifyAddress, isBogusAddress } from '../../src/address';
import { hostPermissions, isCoveredBy } from '../../src/catalogue/permissions';
import type { Endpoint, Service } from '../../src/catalogue/types';
import { validateCatalogue } from '../../src/catalogue/validate';
import { THROUGHPUT_MAX_BYTES, THROUGHPUT_MIN_BYTES } from '../../src/defaults';
import { allEndpointProbes } from '../../src/schedule/plan-round';

function service(id: string): Service {
  const found = CATALOGUE.services.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

function endpoints(id: string, role?: string): Endpoint[] {
  return service(id)
    .components.filter((component) => role === undefined || component.role === role)
    .flatMap((component) => [...component.endpoints]);
}

function allUrls(): string[] {
  return [
    ...CATALOGUE.services.flatMap((entry) => [
      ...entry.components.flatMap((component) => component.endpoints.map((endpoint) => endpoint.url)),
      ...(entry.throughput ? [entry.throughput.url] : []),
    ]),
    ...CATALOGUE.controls.map((control) => control.url),
    ...CATALOGUE.throughputControls.map((control) => control.url),
  ];
}

describe('the real catalogue', () => {
  it('passes validation with no problems', () => {
    expect(validateCatalogue(CATALOGUE)).toEqual([]);
  });

  it('tests the nine messengers and platforms users rely on, in the popup order', () => {
    expect(CATALOGUE.services.map((entry) => entry.id)).toEqual([
      'whatsapp',
      'telegram',
      'signal',
      'messenger',
      'instagram',
      'youtube',
      'x',
      'discord',
      'viber',
    ]);
    expect(CATALOGUE.services.every((entry) => entry.custom !== true)).toBe(true);
  });

  it('gives every service exactly one chat component, probed in light rounds', () => {
    for (const entry of CATALOGUE.services) {
      const chats = entry.components.filter((component) => component.role === 'chat');
      expect(chats, entry.id).toHaveLength(1);
      expect(chats[0]?.endpoints.some((endpoint) => endpoint.rotate !== false), entry.id).toBe(true);
    }
  });

  it('keeps each sweep lean: 2 to 10 probes per service (a pool counts as the hosts a round takes from it)', () => {
    for (const entry of CATALOGUE.services) {
      const count = allEndpointProbes(entry).length;
      expect(count, entry.id).toBeGreaterThanOrEqual(2);
      expect(count, entry.id).toBeLessThanOrEqual(10);
    }
  });

  it("probes Telegram's data centres as OONI does: an empty plain-HTTP POST to the IP on port 443", () => {
    const dcs = endpoints('telegram', 'chat');
    expect(dcs.map((endpoint) => endpoint.url)).toEqual(
      expect.arrayContaining([
        'http://149.154.167.51:443/',
        'http://149.154.167.91:443/',
        'http://149.154.175.50:443/',
        'http://149.154.171.5:443/',
        'http://149.154.175.100:443/',
        'http://95.161.76.100:443/',
      ]),
    );
    for (const endpoint of dcs) {
      expect(endpoint.method).toBe('POST');
      expect(endpoint.kind).toBe('http');
      expect(new URL(endpoint.url).hostname).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    // The two European DCs most Russian and Iranian accounts live on are probed in light rounds.
    expect(dcs.filter((endpoint) => endpoint.rotate !== false).map((endpoint) => endpoint.id)).toEqual(['telegram.chat.dc2', 'telegram.chat.dc4']);
  });

  it('never probes an HSTS-preloaded name over plain http (Chromium would rewrite it)', () => {
    for (const url of allUrls().filter((candidate) => candidate.startsWith('http:'))) {
      expect(new URL(url).hostname, url).not.toMatch(/(^|\.)(whatsapp\.com|whatsapp\.net|telegram\.org)$/);
    }
  });

  it("counts Signal's private-CA hosts as reached only on an unknown-authority error, and judges interception on signal.org", () => {
    const chat = endpoints('signal', 'chat');
    expect(chat.length).toBeGreaterThan(0);
    for (const endpoint of chat) {
      expect(endpoint.kind).toBe('reach');
      expect(endpoint.reachedOn).toEqual(['tls_cert_authority']);
    }
    const site = endpoints('signal', 'web').find((endpoint) => endpoint.url === 'https://signal.org/');
    expect(site?.kind).toBe('http');
  });

  it("probes WhatsApp's chat as OONI does, on e1…e16, as a pool never judged on one host", () => {
    const chat = CATALOGUE.services.find((entry) => entry.id === 'whatsapp')?.components.find((component) => component.id === 'chat');
    expect(chat?.endpoints.map((endpoint) => new URL(endpoint.url).hostname)).toEqual(
      Array.from({ length: 16 }, (_, index) => `e${index + 1}.whatsapp.net`),
    );
    expect(chat?.pool?.perRound).toBeGreaterThanOrEqual(2);
    for (const endpoint of chat?.endpoints ?? []) {
      expect(endpoint.kind).toBe('reach');
      expect(endpoint.reachedOn).toEqual(expect.arrayContaining(['tls_cert_authority', 'tls_cert_name', 'tls_cert_date']));
    }
  });

  it("probes Signal's backend hosts OONI tests (cdsi, chat, sfu.voip, storage) and cdn, all as private-CA hosts", () => {
    const hosts = [...endpoints('signal', 'chat'), ...endpoints('signal', 'media')].map((endpoint) => new URL(endpoint.url).hostname);
    expect(hosts).toEqual(expect.arrayContaining(['cdsi.signal.org', 'chat.signal.org', 'sfu.voip.signal.org', 'storage.signal.org', 'cdn.signal.org']));
  });

  it('gives every service a throughput object read to 64 KiB, and two unrelated controls read the same way', () => {
    for (const entry of CATALOGUE.services) {
      expect(entry.throughput?.bytes, entry.id).toBe(65_536);
    }
    expect(CATALOGUE.throughputControls.length).toBeGreaterThanOrEqual(2);
    for (const control of CATALOGUE.throughputControls) {
      expect(control.bytes).toBe(65_536);
      expect(control.bytes).toBeGreaterThanOrEqual(THROUGHPUT_MIN_BYTES);
      expect(control.bytes).toBeLessThanOrEqual(THROUGHPUT_MAX_BYTES);
    }
    expect(new Set(CATALOGUE.throughputControls.map((control) => new URL(control.url).hostname.split('.').slice(-2).join('.'))).size).toBe(
      CATALOGUE.throughputControls.length,
    );
  });

  it('has at least three international controls, each with a fixed expected answer that exposes a captive portal', () => {
    const international = CATALOGUE.controls.filter((control) => control.region === 'intl');
    expect(international.length).toBeGreaterThanOrEqual(3);
    for (const control of international) {
      expect(control.expect, control.id).toBeDefined();
      if (control.expect?.bodyIncludes !== undefined) expect(control.method, control.id).toBe('GET');
    }
    expect(international.map((control) => control.url)).toEqual(
      expect.arrayContaining(['http://connectivitycheck.gstatic.com/generate_204', 'http://detectportal.firefox.com/success.txt']),
    );
    expect(international.find((control) => control.id === 'intl.mozilla')?.expect?.bodyIncludes).toBe('success');
  });

  it('has domestic controls for Russia (the shutdown allowlist), Iran, China and Turkey', () => {
    const hostsFor = (region: string) =>
      CATALOGUE.controls.filter((control) => control.region === region).map((control) => new URL(control.url).hostname);
    expect(hostsFor('RU')).toEqual(expect.arrayContaining(['ya.ru', 'www.gosuslugi.ru', 'vk.com', 'max.ru']));
    for (const region of ['IR', 'CN', 'TR']) expect(hostsFor(region).length, region).toBeGreaterThan(0);
  });

  it('recognises the Russian, Iranian and Turkish blockpages', () => {
    const hosts = CATALOGUE.blockpages.map((fingerprint) => fingerprint.host);
    const markers = CATALOGUE.blockpages.map((fingerprint) => fingerprint.bodyIncludes);
    expect(hosts).toContain('warning.rt.ru');
    expect(markers).toContain('iframe src="http://10.10');
    expect(CATALOGUE.blockpages.some((fingerprint) => fingerprint.country === 'TR')).toBe(true);
  });

  it("treats Iran's and Russian ISPs' DNS blockpage addresses as lies, but never a lab address or a Telegram DC", () => {
    expect(isBogusAddress('10.10.34.34', CATALOGUE.bogusAddressPrefixes)).toBe(true);
    expect(isBogusAddress('95.167.13.50', CATALOGUE.bogusAddressPrefixes)).toBe(true);
    expect(isBogusAddress('45.67.0.7', CATALOGUE.bogusAddressPrefixes)).toBe(false);
    expect(isBogusAddress('149.154.167.51', CATALOGUE.bogusAddressPrefixes)).toBe(false);
    expect(classifyAddress('198.18.0.7', CATALOGUE.bogusAddressPrefixes)).toBe('proxy-fake-ip');
  });

  it('asks for exactly the hosts it probes, with no wildcard', () => {
    const patterns = hostPermissions(CATALOGUE);
    expect(patterns).toContain('http://149.154.167.51/*');
    expect(patterns).toContain('https://web.whatsapp.com/*');
    for (const pattern of patterns) expect(pattern).not.toMatch(/\*.*\/\*$|<all_urls>/);
    for (const url of allUrls()) expect(isCoveredBy(url, patterns), url).toBe(true);
  });
});
