/**
 * Address ranges a DNS answer for a public host never holds. When a catalogue host resolves into
 * one of these, the resolver lied (a DNS block that sends you nowhere, or to a blockpage server).
 * Every range is CIDR exactly as its source writes it, with the source beside it; match with
 * `classifyAddress` / `isBogusAddress` in `src/address.ts`. Order matters only for which range
 * `matchingRange` names: a filter's own address before the special-purpose block that holds it.
 *
 * 198.18.0.0/15 is in OONI's list and stays here as written, but `classifyAddress` reads it as a
 * proxy app's fake-IP answer first (`proxy-fake-ip.ts`): the round went through a proxy, nobody
 * lied. The test labs put their hosts in `LAB_ADDRESS_RANGE` (`lab-range.ts`), an ordinary public
 * block; `validate.ts` rejects any entry here that covers part of it.
 */
import type { AddressRange, Source } from './types';

/** The day the sources below were read. */
const READ = '2026-12-07';

const OONI_BOGON_SOURCE: Source = {
  ref: 'ooni/probe-cli internal/netxlite/bogon.go @7cb22410c98db6dbc801887d93b65c8a5318ad07 (master; the lists last changed in 5ebdeb56, 2022-07-01; "extracted from https://ipinfo.io/bogon")',
  checked: READ,
};

const GFW_IPV6_SOURCE: Source = {
  ref: 'Hoang et al., "How Great is the Great Firewall? Measuring China\'s DNS Censorship", USENIX Security 2021, §5.2: every forged IPv6 answer is in the Teredo prefix 2001::/32 (https://www.usenix.org/conference/usenixsecurity21/presentation/hoang)',
  checked: READ,
};

const FINGERPRINTS_SOURCE: Source = {
  ref: 'ooni/blocking-fingerprints fingerprints_dns.csv @171641e60b54231cad18753a72145da87b0d3e07 (2024-10-20), the row named in each entry',
  checked: READ,
};

const ooni = (cidr: string, what: string): AddressRange => ({ cidr, what, source: OONI_BOGON_SOURCE });
const fingerprint = (cidr: string, what: string): AddressRange => ({ cidr, what, source: FINGERPRINTS_SOURCE });

/** OONI's whole bogon list, IPv4 then IPv6, in its order and words. */
export const OONI_BOGONS: readonly AddressRange[] = [
  ooni('0.0.0.0/8', '"This" network'),
  ooni('10.0.0.0/8', 'Private-use networks'),
  ooni('100.64.0.0/10', 'Carrier-grade NAT'),
  ooni('127.0.0.0/8', 'Loopback'),
  ooni('127.0.53.53/32', 'Name collision occurrence'),
  ooni('169.254.0.0/16', 'Link local'),
  ooni('172.16.0.0/12', 'Private-use networks'),
  ooni('192.0.0.0/24', 'IETF protocol assignments'),
  ooni('192.0.2.0/24', 'TEST-NET-1'),
  ooni('192.168.0.0/16', 'Private-use networks'),
  ooni('198.18.0.0/15', 'Network interconnect device benchmark testing'),
  ooni('198.51.100.0/24', 'TEST-NET-2'),
  ooni('203.0.113.0/24', 'TEST-NET-3'),
  ooni('224.0.0.0/4', 'Multicast'),
  ooni('240.0.0.0/4', 'Reserved for future use'),
  ooni('255.255.255.255/32', 'Limited broadcast'),
  ooni('::/128', 'Node-scope unicast unspecified address'),
  ooni('::1/128', 'Node-scope unicast loopback address'),
  // Never matches: `parseAddress` reads an IPv4-mapped address as the IPv4 address it carries.
  ooni('::ffff:0:0/96', 'IPv4-mapped addresses'),
  ooni('::/96', 'IPv4-compatible addresses'),
  ooni('100::/64', 'Remotely triggered black hole addresses'),
  ooni('2001:10::/28', 'Overlay routable cryptographic hash identifiers (ORCHID)'),
  ooni('2001:db8::/32', 'Documentation prefix'),
  ooni('fc00::/7', 'Unique local addresses (ULA)'),
  ooni('fe80::/10', 'Link-local unicast'),
  ooni('fec0::/10', 'Site-local unicast (deprecated)'),
  ooni('ff00::/8', 'Multicast (Note: ff0e:/16 is global scope and may appear on the global internet.)'),
  ooni('2002::/24', '6to4 bogon (0.0.0.0/8)'),
  ooni('2002:a00::/24', '6to4 bogon (10.0.0.0/8)'),
  ooni('2002:7f00::/24', '6to4 bogon (127.0.0.0/8)'),
  ooni('2002:a9fe::/32', '6to4 bogon (169.254.0.0/16)'),
  ooni('2002:ac10::/28', '6to4 bogon (172.16.0.0/12)'),
  ooni('2002:c000::/40', '6to4 bogon (192.0.0.0/24)'),
  ooni('2002:c000:200::/40', '6to4 bogon (192.0.2.0/24)'),
  ooni('2002:c0a8::/32', '6to4 bogon (192.168.0.0/16)'),
  ooni('2002:c612::/31', '6to4 bogon (198.18.0.0/15)'),
  ooni('2002:c633:6400::/40', '6to4 bogon (198.51.100.0/24)'),
  ooni('2002:cb00:7100::/40', '6to4 bogon (203.0.113.0/24)'),
  ooni('2002:e000::/20', '6to4 bogon (224.0.0.0/4)'),
  ooni('2002:f000::/20', '6to4 bogon (240.0.0.0/4)'),
  ooni('2002:ffff:ffff::/48', '6to4 bogon (255.255.255.255/32)'),
  ooni('2001::/40', 'Teredo bogon (0.0.0.0/8)'),
  ooni('2001:0:a00::/40', 'Teredo bogon (10.0.0.0/8)'),
  ooni('2001:0:7f00::/40', 'Teredo bogon (127.0.0.0/8)'),
  ooni('2001:0:a9fe::/48', 'Teredo bogon (169.254.0.0/16)'),
  ooni('2001:0:ac10::/44', 'Teredo bogon (172.16.0.0/12)'),
  ooni('2001:0:c000::/56', 'Teredo bogon (192.0.0.0/24)'),
  ooni('2001:0:c000:200::/56', 'Teredo bogon (192.0.2.0/24)'),
  ooni('2001:0:c0a8::/48', 'Teredo bogon (192.168.0.0/16)'),
  ooni('2001:0:c612::/47', 'Teredo bogon (198.18.0.0/15)'),
  ooni('2001:0:c633:6400::/56', 'Teredo bogon (198.51.100.0/24)'),
  ooni('2001:0:cb00:7100::/56', 'Teredo bogon (203.0.113.0/24)'),
  ooni('2001:0:e000::/36', 'Teredo bogon (224.0.0.0/4)'),
  ooni('2001:0:f000::/36', 'Teredo bogon (240.0.0.0/4)'),
  ooni('2001:0:ffff:ffff::/64', 'Teredo bogon (255.255.255.255/32)'),
];

/** China's firewall answers AAAA queries with forged addresses, all in the Teredo prefix (OONI lists only parts of it). */
export const GFW_FORGED_IPV6: readonly AddressRange[] = [{ cidr: '2001::/32', what: 'Teredo prefix: every forged IPv6 answer of the GFW', source: GFW_IPV6_SOURCE }];

/**
 * DNS answers that OONI found injected by filters: addresses of blockpage servers (IR, RU ISPs,
 * TR, BY) and the GFW's published poison replies (CN).
 */
export const KNOWN_DNS_BLOCKPAGES: readonly AddressRange[] = [
  // Iran: the national blockpage (10.10.34.34–36 are also in 10.0.0.0/8; named here for what they are)
  fingerprint('10.10.34.34/32', 'ir_4 injection to the Iranian national blockpage'),
  fingerprint('10.10.34.35/32', 'ir_5 injection to the Iranian national blockpage'),
  fingerprint('10.10.34.36/32', 'ir_10dot10_ipv4_1'),
  fingerprint('d0::11/128', 'ir_ipv6_1'),
  // Russia
  fingerprint('159.255.26.69/32', 'ru_83 NetPolice filter'),
  fingerprint('193.58.251.1/32', 'ru_84 SkyDNS'),
  fingerprint('193.58.251.11/32', 'ru_85 SkyDNS'),
  fingerprint('95.217.66.240/32', 'ru_86 SkyDNS'),
  fingerprint('93.158.134.250/32', 'ru_87 Yandex security check'),
  fingerprint('217.148.54.171/32', 'ru_88 Rostelecom block system'),
  fingerprint('185.37.129.10/32', 'ru_89 Skynet'),
  fingerprint('46.175.31.250/32', 'ru_90 Nauka-Svyaz'),
  fingerprint('83.69.208.124/32', 'ru_92 Mastertel'),
  fingerprint('212.1.226.59/32', 'ru_93 NetByNet'),
  fingerprint('37.44.40.254/32', 'ru_94 Smoltelecom'),
  fingerprint('87.241.223.133/32', 'ru_95 Enforta'),
  fingerprint('5.3.3.17/32', 'ru_96 Ertelecom'),
  fingerprint('62.33.207.196/32', 'ru_97'),
  fingerprint('62.33.207.197/32', 'ru_98'),
  fingerprint('188.186.146.208/32', 'ru_dns_ert_1'),
  fingerprint('188.186.154.79/32', 'ru_dns_ert_2'),
  fingerprint('188.186.146.207/32', 'ru_dns_ert_3'),
  fingerprint('188.186.154.88/32', 'ru_dns_ert_4'),
  fingerprint('81.200.2.238/32', 'ru_dns_sevensky_1'),
  fingerprint('171.25.175.70/32', 'ru_dns_trk_1'),
  fingerprint('195.128.72.3/32', 'ru_dns_macomnet_1'),
  fingerprint('95.167.13.50/32', 'ru_dns_1 Rostelecom'),
  fingerprint('95.167.13.51/32', 'ru_dns_2 Rostelecom'),
  fingerprint('188.19.132.154/32', 'ru_dns_3 Rostelecom sinkhole'),
  fingerprint('188.19.132.155/32', 'ru_dns_4 Rostelecom sinkhole'),
  fingerprint('85.142.29.248/32', 'ru_dns_5 local ISP sinkhole'),
  // Turkey
  fingerprint('195.175.254.2/32', 'tr_6 a poisoned DNS reply used in Turkey since 2014'),
  fingerprint('193.192.98.41/32', 'tr_7 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.42/32', 'tr_8 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.43/32', 'tr_9 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.45/32', 'tr_10 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.46/32', 'tr_11 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.47/32', 'tr_12 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.48/32', 'tr_13 Turk Net opt-in family DNS'),
  fingerprint('193.192.98.49/32', 'tr_14 Turk Net opt-in family DNS'),
  // Belarus
  fingerprint('134.17.0.7/32', 'by_4 MTS'),
  // China (historic GFW poison replies)
  fingerprint('8.7.198.45/32', 'cn_0 published GFW poison reply'),
  fingerprint('37.61.54.158/32', 'cn_1 published GFW poison reply'),
  fingerprint('46.82.174.68/32', 'cn_2 published GFW poison reply'),
  fingerprint('78.16.49.15/32', 'cn_3 published GFW poison reply'),
  fingerprint('93.46.8.89/32', 'cn_4 published GFW poison reply'),
  fingerprint('159.106.121.75/32', 'cn_5 published GFW poison reply'),
  fingerprint('203.98.7.65/32', 'cn_6'),
  fingerprint('59.24.3.173/32', 'cn_7 published GFW poison reply'),
  fingerprint('243.185.187.39/32', 'cn_9 published GFW poison reply'),
];

export const BOGUS_ADDRESS_RANGES: readonly AddressRange[] = [...KNOWN_DNS_BLOCKPAGES, ...GFW_FORGED_IPV6, ...OONI_BOGONS];
