/**
 * Blockpage fingerprints: hosts that filters redirect to, and text found in the pages they serve.
 * A match confirms a block at once (OONI's practice), so every entry here comes from OONI's
 * curated list, written out by hand from its CSV rows (row names in the source notes).
 *
 * Choices:
 * - A redirect host matches on its own only when it serves nothing but blockpages. Where OONI's
 *   row names a path on an ISP's ordinary site (homeline.kg/access/blockpage.html,
 *   bilgi.turktelekom.com.tr/guvenli_internet_uyari, internet.mts.by/blocked/), the fingerprint is
 *   that URL prefix (`urlPrefix`), as OONI matches it; a few such rows (kaspnet.ru/sites/…,
 *   vk.com/blank.php?rkn=) are still left out.
 * - Body markers are compared against decoded text of the first KiBs, case-sensitively. Several
 *   Russian ISPs serve windows-1251 pages, which a UTF-8 decoder garbles, so ASCII markers (URLs,
 *   analytics ids) are preferred; a few Cyrillic ones are kept for ISPs that serve UTF-8.
 * - The source's HEAD is from 2024-10-20 and may lag the newest TSPU behaviour (docs/sources.md#fingerprints-age).
 */
import { ooniSource, readSource } from './sources';
import type { BlockpageFingerprint, CountryCode, Source } from './types';

function ooni(row: string): Source {
  return readSource(`ooni/blocking-fingerprints fingerprints_http.csv @171641e (2024-10-20), row ${row}`);
}

/** Rows read again on 2026-12-07 at the repository's default branch (`main`), whose head is still 171641e. */
function ooniMain(row: string): Source {
  return ooniSource(`ooni/blocking-fingerprints fingerprints_http.csv @171641e (main, 2024-10-20), row ${row}`);
}

function redirectAddress(id: string, country: CountryCode, host: string, row: string): BlockpageFingerprint {
  return { id, country, host, source: ooniMain(row) };
}

function markerMain(id: string, country: CountryCode, bodyIncludes: string, row: string): BlockpageFingerprint {
  return { id, country, bodyIncludes, source: ooniMain(row) };
}

function redirect(id: string, country: CountryCode, host: string, row: string): BlockpageFingerprint {
  return { id, country, host, source: ooni(row) };
}

/** A redirect to one path of a host that also serves ordinary pages: matched on OONI's URL prefix, never the bare host. */
function redirectTo(id: string, country: CountryCode, urlPrefix: string, row: string): BlockpageFingerprint {
  return { id, country, urlPrefix, source: ooniMain(row) };
}

function marker(id: string, country: CountryCode, bodyIncludes: string, row: string): BlockpageFingerprint {
  return { id, country, bodyIncludes, source: ooni(row) };
}

const RUSSIA: readonly BlockpageFingerprint[] = [
  // Redirect targets
  redirect('ru.rostelecom.warning', 'RU', 'warning.rt.ru', 'ooni.ru_6'),
  redirect('ru.rostelecom.block', 'RU', 'block.rt.ru', 'ooni.ru_25'),
  redirect('ru.rostelecom.center', 'RU', 'block.ip.center.rt.ru', 'ooni.ru_52'),
  redirect('ru.crelcom', 'RU', 'erblock.crimea.com', 'ooni.ru_2'),
  redirect('ru.orionnet', 'RU', 'block.orionnet.ru', 'ooni.ru_7'),
  redirect('ru.elight', 'RU', 'site-blocked.ru', 'ooni.ru_9'),
  redirect('ru.intersat', 'RU', 'block.intersat.ru', 'ooni.ru_10'),
  redirect('ru.novotelecom', 'RU', 'zapret.2090000.ru', 'ooni.ru_11'),
  redirect('ru.relline', 'RU', '195.146.65.20', 'ooni.ru_12'),
  redirect('ru.profintel', 'RU', 'stat.profintel.ru', 'ooni.ru_13'),
  redirect('ru.postltd', 'RU', 'blockpage.kmv.ru', 'ooni.ru_14'),
  redirect('ru.planeta', 'RU', 'blacklist.planeta.tc', 'ooni.ru_15'),
  redirect('ru.megamax', 'RU', '89.185.75.227', 'ooni.ru_16'),
  redirect('ru.megamax.alt', 'RU', '81.163.39.153', 'cl.isp_ru_megamax_rkn_forward_2'),
  redirect('ru.mgts.blocked', 'RU', 'blocked.mgts.ru', 'ooni.ru_17'),
  redirect('ru.mgts.block', 'RU', 'block.mgts.ru', 'ooni.ru_18'),
  redirect('ru.mgts.ip', 'RU', '62.112.121.68', 'ooni.ru_19'),
  redirect('ru.mgts.kf', 'RU', 'block.kf.mgts.ru', 'ooni.ru_20'),
  redirect('ru.naukanet', 'RU', 'block.naukanet.ru', 'ooni.ru_23'),
  redirect('ru.tisdialog', 'RU', 'zapret-info.tis-dialog.ru', 'ooni.ru_24'),
  redirect('ru.tele2', 'RU', 't2blocked.com', 'ooni.ru_26'),
  redirect('ru.tele2.ip', 'RU', '217.169.82.130', 'ooni.ru_27'),
  redirect('ru.ttk', 'RU', 'fz139.ttk.ru', 'ooni.ru_29'),
  redirect('ru.westcall.ip', 'RU', '195.94.233.66', 'ooni.ru_33'),
  redirect('ru.westcall', 'RU', 'zapret.westcall.net', 'ooni.ru_34'),
  redirect('ru.rascom', 'RU', 'blocked.as20764.net', 'ooni.ru_40'),
  redirect('ru.ecotelecom', 'RU', 'block.ecotelecom.ru', 'ooni.ru_42'),
  redirect('ru.akado', 'RU', 'blocked.akado.ru', 'ooni.ru_43'),
  redirect('ru.pakt', 'RU', 'rkn.pakt.ru', 'ooni.ru_46'),
  redirect('ru.ktelecom', 'RU', 'block.k-telecom.org', 'ooni.ru_53'),
  redirect('ru.podryad', 'RU', 'forbidden.podryad.tv', 'ooni.ru_54'),
  redirect('ru.netbynet', 'RU', 'blocked.netbynet.ru', 'ooni.ru_55'),
  redirect('ru.netbynet.ti', 'RU', 'blocked.ti.ru', 'ooni.ru_56'),
  redirect('ru.tinkoff', 'RU', 'blocked.tinkoff.ru', 'ooni.ru_57'),
  redirect('ru.ugmk', 'RU', 'blocked.ugmk-telecom.ru', 'ooni.ru_58'),
  redirect('ru.yaltanet', 'RU', 'block.yaltanet.ru', 'ooni.ru_59'),
  redirect('ru.almatel', 'RU', 'deny.cifra1.ru', 'ooni.ru_60'),
  redirect('ru.yota', 'RU', 'forbidden.yota.ru', 'ooni.ru_64'),
  redirect('ru.telincom', 'RU', 'cacti.telincom.ru', 'ooni.ru_67'),
  redirect('ru.intersvyaz', 'RU', 'you-shall-not-pass.is74.ru', 'ooni.ru_69'),
  redirect('ru.ufanet.ip', 'RU', '95.213.254.253', 'ooni.ru_81'),
  redirect('ru.runnet', 'RU', 'block.runnet.ru', 'ooni.ru_82'),
  redirect('ru.2kom', 'RU', 'forbidden.2kom.ru', 'cl.isp_ru_2kom_forward'),
  redirect('ru.alliance', 'RU', 'blocked.inetvl.ru', 'cl.isp_ru_alliancetelecom_forward'),
  redirect('ru.avantel', 'RU', 'block.msk.avantel.ru', 'cl.isp_ru_avantel_forward'),
  redirect('ru.beeline', 'RU', 'blackhole.beeline.ru', 'cl.isp_ru_beeline_blackhole_forward'),
  redirect('ru.comfortel', 'RU', 'law.filter.comfortel.pro', 'cl.isp_ru_comfortel_forward'),
  redirect('ru.convex', 'RU', 'ban.convex.ru', 'cl.isp_ru_convex_rkn_foward'),
  redirect('ru.ertelecom', 'RU', 'lawfilter.ertelecom.ru', 'cl.isp_ru_ertelecom_rkn_forward'),
  redirect('ru.feonet', 'RU', 'erblock.feonet.net', 'cl.isp_ru_feonet_forward'),
  redirect('ru.kmtn', 'RU', 'block.kmtn.ru', 'cl.isp_ru_kmtn_forward'),
  redirect('ru.linkregion', 'RU', 'error.link-region.ru', 'cl.isp_ru_linkregion_forward'),
  redirect('ru.megafon', 'RU', 'm.megafonpro.ru', 'cl.isp_ru_megafon_forward'),
  redirect('ru.mts', 'RU', 'blocked.mts.ru', 'cl.isp_ru_mts_forward'),
  redirect('ru.obit', 'RU', 'notice.obit.ru', 'cl.isp_ru_obit_forward'),
  redirect('ru.sochionline', 'RU', 'denied.sochi-online.com', 'cl.isp_ru_sochionline_forward'),
  redirect('ru.stacktelecom', 'RU', 'zapret.stacktelecom.ru', 'cl.isp_ru_stacktelecom_forward'),
  redirect('ru.wiland', 'RU', 'blocked.wiland.ru', 'cl.isp_ru_wiland_forward'),
  // Filter servers that ISPs redirect to by address (OONI's "contains <address>" rows): the
  // address serves nothing else, so any URL on it is the blockpage.
  redirectAddress('ru.formulasvyaz.ip', 'RU', '109.197.24.2', 'cl.isp_ru_formulasvyaz_forward'),
  redirectAddress('ru.infolink.ip', 'RU', '85.234.0.61', 'cl.isp_ru_infolink_forward'),
  redirectAddress('ru.lantanet.ip', 'RU', '193.203.61.234', 'cl.isp_ru_lantanet_forward'),
  redirectAddress('ru.maximatelecom.ip', 'RU', '81.200.123.101', 'cl.isp_ru_maximatelecom_forward'),
  redirectAddress('ru.nevalink.ip', 'RU', '89.223.47.135', 'cl.isp_ru_nevalink_forward'),
  redirectAddress('ru.primelink.ip', 'RU', '95.131.176.27', 'cl.isp_ru_primelink_forward'),
  redirectAddress('ru.rialink.ip', 'RU', '91.215.188.193', 'cl.isp_ru_rialink_forward'),
  // T-Centr's row names a path on the address (185.36.60.2/blocked.html): matched on that path.
  redirectTo('ru.tcentr.ip', 'RU', 'http://185.36.60.2/blocked.html', 'cl.isp_ru_tcentr_forward'),
  // Body markers (ASCII first: they survive any page encoding)
  marker('ru.rkn.registry-link', 'RU', 'eais.rkn.gov.ru', 'ooni.ru_5'),
  marker('ru.mts.iframe', 'RU', 'subblock.mts.ru', 'cl.isp_ru_mts_block'),
  marker('ru.tele2.domain', 'RU', '//t2rkn.com/', 'ooni.ru_28'),
  marker('ru.ucanet', 'RU', 'rkn.ucanet.ru', 'ooni.ru_49'),
  marker('ru.lantanet', 'RU', 'www.lanta-net.ru/zapret/', 'ooni.ru_50'),
  marker('ru.prometey', 'RU', 'zapret-info.prometey.me', 'ooni.ru_78'),
  marker('ru.almatel.ajax', 'RU', 'almatel.ru/ajax/all.php?e=ott_forbidden_reg', 'ooni.ru_61'),
  marker('ru.cityline', 'RU', 'rkn.clkon.net/images/', 'ooni.ru_68'),
  marker('ru.akado.ural', 'RU', '.akado-ural.ru/web/rkn/site_blocked.css', 'ooni.ru_45'),
  marker('ru.beeline.safe', 'RU', 'www.beeline.ru/customers/help/safe-beeline/', 'ooni.ru_41'),
  marker('ru.infolink', 'RU', 'missing.info-link.ru/', 'cl.isp_ru_infolink_block'),
  marker('ru.rinet', 'RU', 'rinet.ru/blocked/blocked_bg.png', 'cl.isp_ru_rinet_block'),
  marker('ru.rostelecom.metrika1', 'RU', '://mc.yandex.ru/watch/38740850', 'cl.isp_ru_rostelcom_warning_block_1'),
  marker('ru.rostelecom.metrika2', 'RU', '://mc.yandex.ru/watch/25730126', 'cl.isp_ru_rostelcom_warning_block_2'),
  marker('ru.ertelecom.analytics', 'RU', 'UA-42895529-7', 'cl.isp_ru_ertelecom_rkn_blockpage'),
  marker('ru.megafon.gtm', 'RU', 'GTM-WBQ8X7M', 'ooni.ru_73'),
  marker('ru.yota.analytics', 'RU', 'UA-16019436-1', 'ooni.ru_66'),
  marker('ru.netbynet.analytics', 'RU', 'UA-23688716-21', 'cl.isp_ru_netbynet_block'),
  marker('ru.vasexperts', 'RU', 'mc.yandex.ru/watch/21144079', 'cl.prod_vasexperts_blockpage_2'),
  marker('ru.title.block-system', 'RU', '<title>block-system</title>', 'ooni.ru_38'),
  // Link-Region's page; OONI notes the title may be broad, but only a filter serves it in place of a messenger.
  markerMain('ru.title.federal-block', 'RU', '<title>Federal block</title>', 'ooni.ru_39'),
  // Cyrillic markers from UTF-8 pages
  marker('ru.federal-laws', 'RU', 'Доступ к сайту ограничен в соответствии с Федеральными законами', 'ooni.ru_0'),
  marker('ru.resource-closed', 'RU', '<h1>Доступ к запрашиваемому ресурсу закрыт.', 'ooni.ru_4'),
  marker('ru.ttk.title', 'RU', 'TTK :: Доступ к ресурсу ограничен', 'ooni.ru_30'),
  marker('ru.court-decision', 'RU', 'Доступ ограничен  по решению суда или по иным основаниям', 'cl.isp_ru_megamax_rkn_block'),
];

const IRAN: readonly BlockpageFingerprint[] = [
  // The national blockpage is an iframe to 10.10.34.34 (reached by a DNS lie or an injected answer).
  marker('ir.iframe', 'IR', 'iframe src="http://10.10', 'ooni.ir_0'),
  marker('ir.iframe.ipv6', 'IR', 'iframe src="http://[d0:0:0:0:0:0:0:11:80]"', 'ooni.ir_1'),
  marker('ir.peyvandha', 'IR', 'peyvandha.ir/1-2', 'ooni.ir_3'),
  marker('ir.internet-ir', 'IR', 'internet.ir/1-2', 'ooni.ir_2'),
  redirect('ir.peyvandha.host', 'IR', 'peyvandha.ir', 'ooni.ir_3'),
];

const TURKEY: readonly BlockpageFingerprint[] = [
  marker('tr.tib.title', 'TR', '<title>Telekomünikasyon İletişim Başkanlığı</title>', 'ooni.tr_0'),
  marker('tr.law-5651', 'TR', 'administration measure has b', 'ooni.tr_2'),
  // TTNet's opt-in "safe internet" filter: a block the subscriber chose, still not the service's fault.
  redirectTo('tr.ttnet.safe', 'TR', 'http://bilgi.turktelekom.com.tr/guvenli_internet_uyari', 'ooni.tr_3'),
  marker('tr.ttnet.safe.title', 'TR', '<title>Güvenli İnternet Uyarı</title>', 'ooni.tr_5'),
];

const BELARUS: readonly BlockpageFingerprint[] = [
  redirect('by.beltelecom', 'BY', '82.209.230.23', 'ooni.by_1'),
  redirectTo('by.mts', 'BY', 'https://internet.mts.by/blocked/', 'ooni.by_2'),
  marker('by.a1', 'BY', '://www.velcom.by/mininfo/css/main.css', 'cl.isp_by_a1_block'),
  marker('by.beltelecom.text', 'BY', 'О средствах массовой информации"</div>', 'cl.isp_by_beltelecom_block'),
];

const OTHERS: readonly BlockpageFingerprint[] = [
  redirect('uz.mitc', 'UZ', 'reestr.mitc.uz', 'ooni.uz_0'),
  redirectTo('kg.homeline', 'KG', 'http://homeline.kg/access/blockpage.html', 'ooni.kg_0'),
  redirect('ua.triolan', 'UA', 'blocked.triolan.com.ua', 'ooni.ua_1'),
  marker('sa.isu', 'SA', '://blocking-web-server.isu.net.sa/', 'ooni.sa_2'),
  redirect('eg.etisalat', 'EG', 'notification.etisalat.com.eg', 'ooni.eg_0'),
  redirect('ae.du', 'AE', 'lighthouse.du.ae', 'ooni.ae_2'),
  marker('pk.mobilink', 'PK', 'http://119.73.65.87:8080/redirect.html?accessurl=', 'ooni.pk_1'),
];

export const BLOCKPAGES: readonly BlockpageFingerprint[] = [...RUSSIA, ...IRAN, ...TURKEY, ...BELARUS, ...OTHERS];
