/**
 * Addresses a DNS answer for a public host never contains. When a catalogue host resolves to one
 * of these, the resolver lied (a DNS block that sends you nowhere, or to a blockpage server).
 *
 * Format (matched by `isBogusAddress` in `is-bogus-address.ts`, which callers should use rather
 * than `startsWith`): an entry that is a whole address ("5.3.3.17", "::1") matches that address
 * only; any other entry is a prefix of the address text ("10.", "172.16.", and for IPv6 a prefix
 * of the first group written with four hex digits: "fc", "fe8").
 *
 * Deliberately absent: 198.18.0.0/15 (RFC 2544 benchmarking). It is the fake-IP answer of proxy
 * apps (Clash/Mihomo, sing-box, v2rayN): an answer there says the round went through a proxy, not
 * that a resolver lied. The test labs put their hosts in `LAB_ADDRESS_RANGE` (`lab-range.ts`), an
 * ordinary public block; `validate.ts` rejects any entry here that covers part of it.
 */

/** Special-purpose IPv4 ranges (RFC 6890) that no public name resolves to. */
const IPV4_SPECIAL: readonly string[] = [
  '0.', // 0.0.0.0/8 "this network"
  '10.', // 10.0.0.0/8 private; also holds Iran's blockpage IPs 10.10.34.34–36 (OONI ir_4, ir_5)
  '127.', // loopback
  '169.254.', // link-local
  '192.168.', // private
  // 172.16.0.0/12 is 172.16.–172.31.
  ...Array.from({ length: 16 }, (_, i) => `172.${16 + i}.`),
  // 100.64.0.0/10 (carrier-grade NAT) is 100.64.–100.127.
  ...Array.from({ length: 64 }, (_, i) => `100.${64 + i}.`),
];

/** Special-purpose IPv6 addresses and ranges. */
const IPV6_SPECIAL: readonly string[] = [
  '::', // unspecified
  '::1', // loopback
  'fc', // fc00::/7 unique local: first group fcxx or fdxx
  'fd',
  'fe8', // fe80::/10 link-local: first group fe80–febf
  'fe9',
  'fea',
  'feb',
];

/**
 * DNS answers that OONI found injected by filters: addresses of blockpage servers (RU ISPs, TR,
 * BY) and the GFW's published poison replies (CN). Source: ooni/blocking-fingerprints
 * fingerprints_dns.csv @171641e (2024-10-20), read 2026-11-25; rows named in the comments.
 */
const KNOWN_DNS_BLOCKPAGES: readonly string[] = [
  // Russia
  '159.255.26.69', // ru_83 NetPolice filter
  '193.58.251.1', // ru_84 SkyDNS
  '193.58.251.11', // ru_85 SkyDNS
  '95.217.66.240', // ru_86 SkyDNS
  '93.158.134.250', // ru_87 Yandex security check
  '217.148.54.171', // ru_88 Rostelecom block system
  '185.37.129.10', // ru_89 Skynet
  '46.175.31.250', // ru_90 Nauka-Svyaz
  '83.69.208.124', // ru_92 Mastertel
  '212.1.226.59', // ru_93 NetByNet
  '37.44.40.254', // ru_94 Smoltelecom
  '87.241.223.133', // ru_95 Enforta
  '5.3.3.17', // ru_96 Ertelecom
  '62.33.207.196', // ru_97
  '62.33.207.197', // ru_98
  '188.186.146.208', // ru_dns_ert_1
  '188.186.154.79', // ru_dns_ert_2
  '188.186.146.207', // ru_dns_ert_3
  '188.186.154.88', // ru_dns_ert_4
  '81.200.2.238', // ru_dns_sevensky_1
  '171.25.175.70', // ru_dns_trk_1
  '195.128.72.3', // ru_dns_macomnet_1
  '95.167.13.50', // ru_dns_1 Rostelecom
  '95.167.13.51', // ru_dns_2 Rostelecom
  '188.19.132.154', // ru_dns_3 Rostelecom sinkhole
  '188.19.132.155', // ru_dns_4 Rostelecom sinkhole
  '85.142.29.248', // ru_dns_5 local ISP sinkhole
  // Iran (10.10.34.34–36 are covered by "10." above)
  'd0::11', // ir_ipv6_1
  // Turkey
  '195.175.254.2', // tr_6 national poison reply since 2014
  '193.192.98.41', // tr_7..tr_14 Turk Net opt-in family DNS
  '193.192.98.42',
  '193.192.98.43',
  '193.192.98.45',
  '193.192.98.46',
  '193.192.98.47',
  '193.192.98.48',
  '193.192.98.49',
  // Belarus
  '134.17.0.7', // by_4 MTS
  // China (historic GFW poison replies)
  '8.7.198.45', // cn_0
  '37.61.54.158', // cn_1
  '46.82.174.68', // cn_2
  '78.16.49.15', // cn_3
  '93.46.8.89', // cn_4
  '159.106.121.75', // cn_5
  '203.98.7.65', // cn_6
  '59.24.3.173', // cn_7
  '243.185.187.39', // cn_9
];

export const BOGUS_ADDRESS_PREFIXES: readonly string[] = [
  ...IPV4_SPECIAL,
  ...IPV6_SPECIAL,
  ...KNOWN_DNS_BLOCKPAGES,
];
