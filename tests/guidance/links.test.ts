import { describe, expect, it } from 'vitest';
import { isOnOfficialPlace, linksFor } from '../../src/guidance/links';
import { toolById } from '../../src/guidance/tools';
import type { UiLanguage } from '../../src/guidance/languages';

describe('linksFor', () => {
  it('gives the page in the UI language where one exists', () => {
    const support = linksFor(toolById('signal-proxy'), 'fa').find((link) => link.id === 'support');
    expect(support).toMatchObject({
      url: 'https://support.signal.org/hc/fa/articles/360056052052',
      language: 'fa',
      inUiLanguage: true,
    });
  });

  it('falls back to the English page, and says so, where the language has none', () => {
    for (const language of ['ru', 'zh_CN', 'tr', 'ar'] as const) {
      const support = linksFor(toolById('signal-proxy'), language).find((link) => link.id === 'support');
      expect(support, language).toMatchObject({
        url: 'https://support.signal.org/hc/en-us/articles/360056052052',
        language: 'en',
        inUiLanguage: false,
      });
    }
    const proton = linksFor(toolById('proton-vpn'), 'fa');
    expect(proton.map((link) => [link.url, link.inUiLanguage])).toEqual([['https://protonvpn.com/', false]]);
  });

  it('counts English pages as in the UI language for English readers', () => {
    for (const link of linksFor(toolById('tor-browser'), 'en')) expect(link.inUiLanguage).toBe(true);
  });

  it('gives each language its own Telegram channel where the project has one', () => {
    const telegram = (language: UiLanguage) =>
      linksFor(toolById('amnezia'), language).find((link) => link.id === 'telegram')?.url;
    expect(telegram('ru')).toBe('https://t.me/amnezia_vpn');
    expect(telegram('fa')).toBe('https://t.me/amnezia_vpn_ir');
    expect(telegram('en')).toBe('https://t.me/amnezia_vpn_en');
    expect(telegram('tr')).toBe('https://t.me/amnezia_vpn_en');
  });

  it('shows a country-only link only in that country, whatever the case of the code', () => {
    const ids = (country: string | null) => linksFor(toolById('tor-browser'), 'zh_CN', country).map((link) => link.id);
    expect(ids('CN')).toContain('china');
    expect(ids('cn')).toContain('china');
    expect(ids('RU')).not.toContain('china');
    expect(ids(null)).not.toContain('china');
  });

  it('keeps the order of the data and the label of each link', () => {
    const links = linksFor(toolById('tor-browser'), 'ru', 'RU');
    expect(links.map((link) => link.id)).toEqual(['download', 'bridges-manual', 'bridges', 'bridges-bot', 'gettor-bot']);
    expect(links[1]).toMatchObject({ url: 'https://tb-manual.torproject.org/ru/bridges/', labelKey: 'guidance_link_guide' });
  });

  it('reads a stray language value as its closest UI language instead of failing', () => {
    const links = linksFor(toolById('signal-proxy'), 'fa-IR' as UiLanguage);
    expect(links.find((link) => link.id === 'support')?.language).toBe('fa');
  });
});

describe('isOnOfficialPlace', () => {
  const tor = [{ host: 'torproject.org', subdomains: true }];
  const amnezia = [{ host: 't.me', pathPrefix: '/amnezia_vpn' }];

  it('accepts the host and, where allowed, its subdomains', () => {
    expect(isOnOfficialPlace('https://torproject.org/', tor)).toBe(true);
    expect(isOnOfficialPlace('https://tb-manual.torproject.org/ru/bridges/', tor)).toBe(true);
    expect(isOnOfficialPlace('https://www.torproject.org/', [{ host: 'torproject.org' }])).toBe(false);
  });

  it('rejects look-alike hosts', () => {
    expect(isOnOfficialPlace('https://torproject.org.example.com/', tor)).toBe(false);
    expect(isOnOfficialPlace('https://evil-torproject.org/', tor)).toBe(false);
    expect(isOnOfficialPlace('https://torproject.org@example.com/', tor)).toBe(false);
  });

  it('treats a path prefix without a trailing slash as a whole segment', () => {
    expect(isOnOfficialPlace('https://t.me/amnezia_vpn', amnezia)).toBe(true);
    expect(isOnOfficialPlace('https://t.me/Amnezia_VPN', amnezia)).toBe(true);
    expect(isOnOfficialPlace('https://t.me/amnezia_vpn_fake', amnezia)).toBe(false);
    expect(isOnOfficialPlace('https://t.me/someone_else', amnezia)).toBe(false);
  });

  it('treats a path prefix with a trailing slash as a folder', () => {
    const github = [{ host: 'github.com', pathPrefix: '/WhatsApp/' }];
    expect(isOnOfficialPlace('https://github.com/WhatsApp/proxy', github)).toBe(true);
    expect(isOnOfficialPlace('https://github.com/WhatsAppFake/proxy', github)).toBe(false);
  });

  it('rejects what is not a URL', () => {
    expect(isOnOfficialPlace('torproject.org', tor)).toBe(false);
  });
});
