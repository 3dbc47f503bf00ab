import { describe, expect, it } from 'vitest';
import { decodeBody, hostMatches, isTextual, matchBlockpage, urlStartsWith } from '../../src/probe/blockpage';
import { CATALOGUE } from '../../src/catalogue';
import { isBogusAddress } from '../../src/address';
import { FINGERPRINTS, BOGUS_PREFIXES } from './context';

describe('blockpage matching', () => {
  it('matches exact hosts and dotted suffixes, case-insensitively', () => {
    expect(hostMatches('warning.rt.ru', 'warning.rt.ru')).toBe(true);
    expect(hostMatches('WARNING.RT.RU.', 'warning.rt.ru')).toBe(true);
    expect(hostMatches('notwarning.rt.ru', 'warning.rt.ru')).toBe(false);
    expect(hostMatches('a.b.blocked.example', '.blocked.example')).toBe(true);
    expect(hostMatches('blocked.example', '.blocked.example')).toBe(true);
    expect(hostMatches('unblocked.example', '.blocked.example')).toBe(false);
  });

  it('names the first fingerprint that matches, by host or by marker', () => {
    expect(matchBlockpage({ finalUrl: 'http://warning.rt.ru/?x' }, FINGERPRINTS)).toBe('ru-rtk-redirect');
    expect(matchBlockpage({ finalUrl: 'https://a.example/', body: '… peyvandha.ir …' }, FINGERPRINTS)).toBe('ir-marker');
    expect(matchBlockpage({ finalUrl: 'https://a.example/', body: 'hello' }, FINGERPRINTS)).toBeUndefined();
    expect(matchBlockpage({ finalUrl: 'not a url', body: 'hello' }, FINGERPRINTS)).toBeUndefined();
  });

  it('compares a URL prefix as OONI compares a Location header: origin without case, path exactly', () => {
    expect(urlStartsWith('http://homeline.kg/access/blockpage.html', 'http://homeline.kg/access/blockpage.html')).toBe(true);
    expect(urlStartsWith('HTTP://Homeline.KG/access/blockpage.html?u=x', 'http://homeline.kg/access/blockpage.html')).toBe(true);
    expect(urlStartsWith('http://homeline.kg/', 'http://homeline.kg/access/blockpage.html')).toBe(false);
    expect(urlStartsWith('http://homeline.kg.evil.example/access/blockpage.html', 'http://homeline.kg/access/blockpage.html')).toBe(false);
    expect(urlStartsWith('https://internet.mts.by/blocked/?site=x', 'https://internet.mts.by/blocked/')).toBe(true);
    expect(urlStartsWith('https://internet.mts.by/tariffs/', 'https://internet.mts.by/blocked/')).toBe(false);
  });

  // The real catalogue: each ISP's ordinary site is not a blockpage; OONI's path on it is.
  it.each([
    ['http://homeline.kg/', undefined],
    ['http://homeline.kg/access/blockpage.html', 'kg.homeline'],
    ['http://bilgi.turktelekom.com.tr/', undefined],
    ['http://bilgi.turktelekom.com.tr/guvenli_internet_uyari?url=x', 'tr.ttnet.safe'],
    ['https://internet.mts.by/', undefined],
    ['https://internet.mts.by/blocked/', 'by.mts'],
    ['http://109.197.24.2/', 'ru.formulasvyaz.ip'],
    ['http://185.36.60.2/blocked.html', 'ru.tcentr.ip'],
    ['http://185.36.60.2/', undefined],
  ])('a redirect to %s matches %s', (finalUrl, id) => {
    expect(matchBlockpage({ finalUrl }, CATALOGUE.blockpages)).toBe(id);
  });

  it("matches Link-Region's Federal block page by its title", () => {
    const body = '<html><head><title>Federal block</title></head><body>…</body></html>';
    expect(matchBlockpage({ finalUrl: 'http://t.me/', body }, CATALOGUE.blockpages)).toBe('ru.title.federal-block');
  });

  it('reads text-like or untyped bodies only', () => {
    expect(isTextual(null)).toBe(true);
    expect(isTextual('text/html; charset=windows-1251')).toBe(true);
    expect(isTextual('application/xhtml+xml')).toBe(true);
    expect(isTextual('image/png')).toBe(false);
    expect(isTextual('application/octet-stream')).toBe(false);
  });

  it('decodes by the declared charset, and as UTF-8 when the label is unknown', () => {
    const cp1251 = Uint8Array.from([0xc4, 0xee, 0xf1, 0xf2, 0xf3, 0xef]);
    expect(decodeBody(cp1251, 'text/html; charset=windows-1251')).toBe('Доступ');
    expect(decodeBody(new TextEncoder().encode('Доступ'), 'text/html; charset=no-such-charset')).toBe('Доступ');
  });
});

describe('bogus addresses', () => {
  it.each([
    ['10.10.34.34', true],
    ['127.0.0.1', true],
    ['::ffff:192.168.0.1', true],
    ['[::1]', true],
    ['FD00::1', true],
    ['157.240.0.53', false],
    ['2a03:2880::1', false],
  ])('%s bogus: %s', (address, bogus) => {
    expect(isBogusAddress(address, BOGUS_PREFIXES)).toBe(bogus);
  });
});

describe('bogus addresses as the probe reads them', () => {
  it('an exact blockpage address does not also flag longer addresses that start with it', () => {
    const exact = [{ cidr: '193.58.251.1/32', what: 'ru_84 SkyDNS', source: { ref: 'test', checked: '2026-01-01' } }];
    expect(isBogusAddress('193.58.251.1', exact)).toBe(true);
    expect(isBogusAddress('193.58.251.11', exact)).toBe(false);
    expect(isBogusAddress('::ffff:10.10.34.34', BOGUS_PREFIXES)).toBe(true);
  });
});
