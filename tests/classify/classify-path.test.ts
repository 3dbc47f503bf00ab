import { describe, expect, it } from 'vitest';
import { classifyPath } from '../../src/classify/classify-path';
import { classifyAddress } from '../../src/address';
import type { Control } from '../../src/catalogue/types';
import { countryFromTrace } from '../../src/probe/client-country';
import { answer, CONTROLS, controlDown, controlUp } from './fixtures';

const SOURCE = { ref: 'test fixture', checked: '2026-11-01' };
const TRACE: Control = { id: 'intl-trace', url: 'https://trace.test/cdn-cgi/trace', method: 'GET', region: 'intl', expect: { status: 200, bodyIncludes: 'loc=' }, tellsCountry: true, source: SOURCE };
const IR_REFUSING: Control = { id: 'ir-refusing', url: 'https://ir-only.test/', method: 'HEAD', region: 'IR', refusesForeign: true, source: SOURCE };
const ALL = [...CONTROLS, TRACE, IR_REFUSING];

const trace = (country: string) => ({ ...controlUp('intl-trace'), clientCountry: country });

describe('the fake-IP range of proxy apps, as the path sees it', () => {
  it.each([
    ['198.18.0.1', true],
    ['198.19.255.254', true],
    ['198.17.255.255', false],
    ['198.20.0.0', false],
    ['::ffff:198.18.3.4', true],
    ['[::ffff:198.19.0.9]', true],
    ['198.180.0.1', false],
    ['10.10.34.36', false],
    ['2001:db8::1', false],
    ['198.18.0.256', false],
  ])('%s → %s', (address, expected) => {
    expect(classifyAddress(address) === 'proxy-fake-ip').toBe(expected);
  });
});

describe('the client country in a trace answer', () => {
  it('reads the loc= line, and nothing that is not a country', () => {
    expect(countryFromTrace('fl=1\nh=www.cloudflare.com\nip=203.0.113.9\nloc=NL\ntls=TLSv1.3\n')).toBe('NL');
    expect(countryFromTrace('ip=1.2.3.4\nloc=XX\n')).toBeUndefined();
    expect(countryFromTrace('<html>Wi-Fi login</html>')).toBeUndefined();
    expect(countryFromTrace('colo=AMS\nflocation=NL\n')).toBeUndefined();
  });
});

describe('which path a round measured', () => {
  it('is direct with no sign, and with the country the user lives in', () => {
    expect(classifyPath([controlUp('intl-a'), trace('RU'), answer('x.web.main', 'web', { ip: '203.0.113.5' })], ALL, 'RU')).toEqual({ path: 'direct', signs: [], exitCountry: 'RU' });
  });

  it('is proxy when any address connected to is a fake-IP answer (IPv4 or IPv6 pool)', () => {
    const path = classifyPath([controlUp('intl-a'), answer('x.web.main', 'web', { ip: '198.18.0.17' })], ALL, 'RU');
    expect(path).toEqual({ path: 'proxy', signs: ['fake-ip'] });
    expect(classifyPath([controlUp('intl-a'), answer('x.web.main', 'web', { ip: 'fc00::12' })], ALL, 'RU').path).toBe('proxy');
    // A filter's address is a DNS lie, not a proxy.
    expect(classifyPath([controlUp('intl-a'), answer('x.web.main', 'web', { ip: '10.10.34.36' })], ALL, 'RU').path).toBe('direct');
  });

  it('is proxy when the country control places the client in another country', () => {
    expect(classifyPath([controlUp('intl-a'), trace('NL')], ALL, 'RU')).toEqual({ path: 'proxy', signs: ['exit-country'], exitCountry: 'NL' });
  });

  it('cannot compare countries without the user’s', () => {
    expect(classifyPath([controlUp('intl-a'), trace('NL')], ALL, null)).toEqual({ path: 'direct', signs: [], exitCountry: 'NL' });
  });

  it('is proxy when the domestic sites that refuse foreign addresses fail while international ones answer', () => {
    expect(classifyPath([controlUp('intl-a'), controlDown('ir-refusing', 'connect_refused')], ALL, 'IR')).toEqual({ path: 'proxy', signs: ['domestic-refused'] });
    // Everything down is the connection, not a VPN.
    expect(classifyPath([controlDown('intl-a'), controlDown('ir-refusing')], ALL, 'IR').path).toBe('direct');
    // A domestic control that takes any address says nothing about the path.
    expect(classifyPath([controlUp('intl-a'), controlDown('ru-a')], ALL, 'RU').path).toBe('direct');
  });
});
