/**
 * Controls: hosts unrelated to any tested service. International ones tell "my connection is
 * down" from a block; domestic ones tell "only domestic sites work" (an allowlist, as in Russia's
 * regional mobile shutdowns and Iran's 2026 blackout) from "offline".
 *
 * The international ones are the operating systems' own captive-portal checks: each has a fixed,
 * published answer, so a portal or an interceptor that answers instead is caught (`expect`), and
 * they are plain HTTP where the host allows, which costs no TLS handshake. cp.cloudflare.com is
 * HSTS-preloaded, so it is probed over https.
 *
 * Domestic ones are big sites of that country's own network, probed with HEAD: any HTTP answer
 * counts, since their pages change.
 */
import { BROWSER_LAB_HSTS, readSource } from './sources';
import type { Control } from './types';

const CAPTIVE_CHECKS = readSource(
  'LGiki/no-internet-secured-fixer servers.json (Windows NCSI: www.msftconnecttest.com/connecttest.txt → "Microsoft Connect Test"); Un1Gfn/jangaehwepi ex1_httping/connectivitycheck.h; public captive-portal checkers (Apple hotspot-detect → "Success", Firefox success.txt → "success")',
);
const GENERATE_204_LIST = readSource(
  'xlc520/xlc520.github.io src/other/generate_204服务汇总.md @895b039 (each answers 204 over plain http; mainland-China rating per host)',
);

const INTERNATIONAL: readonly Control[] = [
  {
    id: 'intl.google',
    url: 'http://connectivitycheck.gstatic.com/generate_204',
    method: 'GET',
    region: 'intl',
    expect: { status: 204 },
    source: GENERATE_204_LIST,
  },
  {
    id: 'intl.mozilla',
    url: 'http://detectportal.firefox.com/success.txt',
    method: 'GET',
    region: 'intl',
    expect: { status: 200, bodyIncludes: 'success' },
    source: CAPTIVE_CHECKS,
  },
  {
    id: 'intl.microsoft',
    url: 'http://www.msftconnecttest.com/connecttest.txt',
    method: 'GET',
    region: 'intl',
    expect: { status: 200, bodyIncludes: 'Microsoft Connect Test' },
    source: CAPTIVE_CHECKS,
  },
  {
    id: 'intl.apple',
    url: 'http://captive.apple.com/hotspot-detect.html',
    method: 'GET',
    region: 'intl',
    expect: { status: 200, bodyIncludes: 'Success' },
    source: CAPTIVE_CHECKS,
  },
  {
    // In Russia, Cloudflare flows freeze after ~16 KB (2025); an empty 204 still passes.
    id: 'intl.cloudflare',
    url: 'https://cp.cloudflare.com/generate_204',
    method: 'GET',
    region: 'intl',
    expect: { status: 204 },
    source: readSource(`${GENERATE_204_LIST.ref}; https because ${BROWSER_LAB_HSTS.ref}`),
  },
  {
    // Tells the country of the address the request came from (`loc=NL`): through a VPN, the exit's.
    id: 'intl.cloudflare-trace',
    url: 'https://www.cloudflare.com/cdn-cgi/trace',
    method: 'GET',
    region: 'intl',
    expect: { status: 200, bodyIncludes: 'loc=' },
    tellsCountry: true,
    source: {
      ref:
        'https://developers.cloudflare.com/fundamentals/reference/cdn-cgi-endpoint/ ("Identify the Cloudflare data center serving your request … https://<YOUR_DOMAIN>/cdn-cgi/trace"); ' +
        'the answer is key=value lines with the client country as loc=XX (gist.github.com/cnjax/2e9b4039429a4f7fba0c9436af56307e: "loc=IN")',
      checked: '2026-12-07',
    },
  },
];

const RUSSIA_ALLOWLIST = readSource(
  'carnegieendowment.org/russia-eurasia/politika/2025/12/russia-internet-restrictions [CARNEGIE] (on the mobile-shutdown allowlist: Gosuslugi, Yandex, VK, Max); hosts from v2fly/domain-list-community @c975ccef data/yandex, category-gov-ru, vk, mailru-group',
);

const DOMESTIC: readonly Control[] = [
  // Russia: sites on the official allowlist during regional mobile shutdowns.
  { id: 'ru.yandex', url: 'https://ya.ru/', method: 'HEAD', region: 'RU', source: RUSSIA_ALLOWLIST },
  { id: 'ru.gosuslugi', url: 'https://www.gosuslugi.ru/', method: 'HEAD', region: 'RU', source: RUSSIA_ALLOWLIST },
  { id: 'ru.vk', url: 'https://vk.com/', method: 'HEAD', region: 'RU', source: RUSSIA_ALLOWLIST },
  { id: 'ru.max', url: 'https://max.ru/', method: 'HEAD', region: 'RU', source: RUSSIA_ALLOWLIST },
  // Iran: sites listed as working only from Iranian addresses (hosted on the national network).
  {
    id: 'ir.aparat',
    url: 'https://www.aparat.com/',
    method: 'HEAD',
    region: 'IR',
    refusesForeign: true,
    source: readSource('v2fly/domain-list-community data/category-media-ir @0b45756 (include:aparat; category-ir: "will not open without an Iranian IP")'),
  },
  {
    id: 'ir.digikala',
    url: 'https://www.digikala.com/',
    method: 'HEAD',
    region: 'IR',
    source: readSource('v2fly/domain-list-community data/category-shopping-ir @0b45756 (digikala.com)'),
  },
  // China: the phone makers' own connectivity checks, rated 10/10 from the mainland.
  {
    id: 'cn.xiaomi',
    url: 'http://connect.rom.miui.com/generate_204',
    method: 'GET',
    region: 'CN',
    expect: { status: 204 },
    source: GENERATE_204_LIST,
  },
  {
    id: 'cn.huawei',
    url: 'http://connectivitycheck.platform.hicloud.com/generate_204',
    method: 'GET',
    region: 'CN',
    expect: { status: 204 },
    source: GENERATE_204_LIST,
  },
  {
    id: 'cn.vivo',
    url: 'http://wifi.vivo.com.cn/generate_204',
    method: 'GET',
    region: 'CN',
    expect: { status: 204 },
    source: GENERATE_204_LIST,
  },
  // Turkey: the e-Government gateway, run by the state-owned Türksat.
  {
    id: 'tr.edevlet',
    url: 'https://www.turkiye.gov.tr/',
    method: 'HEAD',
    region: 'TR',
    source: readSource('www.turkiye.gov.tr/bilgilendirme?konu=sikcaSorulanlar; epractice.eu eGovernment Factsheet Turkey (gateway run by Türksat)'),
  },
  // Belarus: the two largest mobile operators' own sites.
  {
    id: 'by.mts',
    url: 'https://www.mts.by/',
    method: 'HEAD',
    region: 'BY',
    source: readSource('ooni/blocking-fingerprints fingerprints_http.csv @171641e rows ooni.by_2, cl.isp_by_mts_block (mts.by is Belarusian ISP MTS)'),
  },
  {
    id: 'by.a1',
    url: 'https://www.a1.by/',
    method: 'HEAD',
    region: 'BY',
    source: readSource('ooni/blocking-fingerprints fingerprints_http.csv @171641e rows ooni.by_0, cl.isp_by_a1_forward (a1.by is Belarusian ISP A1)'),
  },
];

export const CONTROLS: readonly Control[] = [...INTERNATIONAL, ...DOMESTIC];
