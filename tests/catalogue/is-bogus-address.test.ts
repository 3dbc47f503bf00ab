import { describe, expect, it } from 'vitest';
import { BOGUS_ADDRESS_PREFIXES } from '../../src/catalogue/bogus-addresses';
import { addressEntryKind, isBogusAddress } from '../../src/catalogue/is-bogus-address';

describe('isBogusAddress', () => {
  it.each([
    '0.0.0.0',
    '10.10.34.34',
    '127.0.0.1',
    '169.254.10.20',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
  ])('flags the special-purpose address %s', (address) => {
    expect(isBogusAddress(address)).toBe(true);
  });

  it.each(['172.15.255.255', '172.32.0.1', '100.63.255.255', '100.128.0.1', '11.0.0.1', '8.8.8.8', '149.154.167.51'])(
    'passes the public address %s',
    (address) => {
      expect(isBogusAddress(address)).toBe(false);
    },
  );

  it('matches a known blockpage address exactly, never as a prefix of a longer one', () => {
    expect(isBogusAddress('5.3.3.17')).toBe(true);
    expect(isBogusAddress('5.3.3.170')).toBe(false);
    expect(isBogusAddress('95.167.13.51')).toBe(true);
  });

  it('leaves the labs\' range 45.67.0.0/16 alone', () => {
    expect(isBogusAddress('45.67.0.1')).toBe(false);
    expect(isBogusAddress('45.67.255.254')).toBe(false);
  });

  it('does not read a proxy app\'s fake-IP answer (198.18.0.0/15) as a DNS lie', () => {
    expect(isBogusAddress('198.18.0.1')).toBe(false);
    expect(isBogusAddress('198.19.200.3')).toBe(false);
  });

  it.each(['::', '::1', '[::1]', 'fd12:3456::1', 'fc00::', 'FE80::1%eth0', 'febf::1', 'd0::11', '::ffff:10.0.0.1', '::ffff:a00:1'])(
    'flags the IPv6 address %s',
    (address) => {
      expect(isBogusAddress(address)).toBe(true);
    },
  );

  it.each(['2a03:2880:f1ff:83:face:b00c:0:25de', 'fec0::1', 'fc0::1', '::ffff:8.8.8.8', '2001:b28:f23d:f001::a'])(
    'passes the IPv6 address %s',
    (address) => {
      expect(isBogusAddress(address)).toBe(false);
    },
  );

  it('says no to text that is not an address', () => {
    for (const text of ['', 'web.whatsapp.com', '10.0.0', '1.2.3.4.5', '300.1.1.1', '1::2::3']) expect(isBogusAddress(text), text).toBe(false);
  });

  it('uses only the entries it is given', () => {
    expect(isBogusAddress('8.8.8.8', ['8.8.'])).toBe(true);
    expect(isBogusAddress('10.0.0.1', [])).toBe(false);
  });
});

describe('addressEntryKind', () => {
  it('tells whole addresses from prefixes and refuses malformed entries', () => {
    expect(addressEntryKind('10.')).toBe('ipv4-prefix');
    expect(addressEntryKind('172.16.')).toBe('ipv4-prefix');
    expect(addressEntryKind('5.3.3.17')).toBe('ipv4');
    expect(addressEntryKind('::1')).toBe('ipv6');
    expect(addressEntryKind('fe8')).toBe('ipv6-prefix');
    for (const bad of ['banana', '300.', '1.2.3.4.', '', 'fe80::1::2']) expect(addressEntryKind(bad), bad).toBeUndefined();
  });

  it('finds every shipped entry well formed', () => {
    for (const entry of BOGUS_ADDRESS_PREFIXES) expect(addressEntryKind(entry), entry).toBeDefined();
  });
});
