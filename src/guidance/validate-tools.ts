/**
 * Checks the tools data: one problem message per fault, naming the tool and the link. A link
 * that leads off a tool's official site, or that nobody can trace to a source, is worse than no
 * link for someone looking for a safe download.
 */
import type { Source } from '../catalogue/types';
import { UI_LANGUAGES } from './languages';
import { isOnOfficialPlace } from './links';
import { isGuidanceMessageKey } from './message-keys';
import { TOOL_IDS, type Tool } from './types';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY = /^[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;

/** `today` is YYYY-MM-DD, passed in so the check stays pure: no source may be checked after it. */
export function validateTools(tools: readonly Tool[], today: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const tool of tools) {
    const at = tool.id;
    if (seen.has(tool.id)) problems.push(`${at}: duplicate tool id`);
    seen.add(tool.id);
    if (!(TOOL_IDS as readonly string[]).includes(tool.id)) problems.push(`${at}: not a known tool id`);
    if (!tool.name.trim()) problems.push(`${at}: empty name`);
    if (!isGuidanceMessageKey(tool.aboutKey)) problems.push(`${at}: aboutKey "${tool.aboutKey}" is not a guidance message key`);
    if (tool.kind !== 'help' && tool.platforms.length === 0) problems.push(`${at}: no platforms`);
    if (tool.kind !== 'help' && tool.openness === undefined) problems.push(`${at}: openness missing`);
    if (tool.official.length === 0) problems.push(`${at}: no official places`);
    if (tool.links.length === 0) problems.push(`${at}: no links`);
    problems.push(...checkSource(tool.source, at, today));

    const linkIds = new Set<string>();
    for (const link of tool.links) {
      const where = `${at}.${link.id}`;
      if (linkIds.has(link.id)) problems.push(`${where}: duplicate link id`);
      linkIds.add(link.id);
      if (!isGuidanceMessageKey(link.labelKey)) problems.push(`${where}: labelKey "${link.labelKey}" is not a guidance message key`);
      problems.push(...checkUrl(link.url, tool, where));
      for (const [language, url] of Object.entries(link.localized ?? {})) {
        if (!(UI_LANGUAGES as readonly string[]).includes(language) || language === 'en') {
          problems.push(`${where}: localized language "${language}" is not a UI language other than en`);
        }
        if (url === link.url) problems.push(`${where}: the ${language} URL is the English one`);
        problems.push(...checkUrl(url ?? '', tool, `${where} (${language})`));
      }
      for (const country of link.countries ?? []) {
        if (!COUNTRY.test(country)) problems.push(`${where}: country "${country}" is not an upper-case ISO alpha-2 code`);
      }
      if (link.countries && link.countries.length === 0) problems.push(`${where}: empty country list (omit it instead)`);
      problems.push(...checkSource(link.source, where, today));
    }

    const contactIds = new Set<string>();
    for (const contact of tool.contacts) {
      const where = `${at}.${contact.id}`;
      if (contactIds.has(contact.id) || linkIds.has(contact.id)) problems.push(`${where}: duplicate id`);
      contactIds.add(contact.id);
      const domain = EMAIL.exec(contact.address)?.[1];
      if (!domain) problems.push(`${where}: "${contact.address}" is not an email address`);
      else if (!isOnOfficialPlace(`https://${domain}/`, tool.official.filter((place) => !place.pathPrefix))) {
        problems.push(`${where}: ${contact.address} is not on an official domain of ${tool.name}`);
      }
      if (!isGuidanceMessageKey(contact.labelKey)) problems.push(`${where}: labelKey "${contact.labelKey}" is not a guidance message key`);
      problems.push(...checkSource(contact.source, where, today));
    }
  }
  for (const id of TOOL_IDS) if (!seen.has(id)) problems.push(`${id}: no tool for this id`);
  return problems;
}

function checkUrl(url: string, tool: Tool, where: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [`${where}: "${url}" is not a URL`];
  }
  const problems: string[] = [];
  if (parsed.protocol !== 'https:') problems.push(`${where}: "${url}" is not https`);
  if (parsed.username || parsed.password) problems.push(`${where}: "${url}" carries credentials`);
  if (!isOnOfficialPlace(url, tool.official)) problems.push(`${where}: "${url}" is not on an official site of ${tool.name}`);
  return problems;
}

function checkSource(source: Source, where: string, today: string): string[] {
  const problems: string[] = [];
  if (!source.ref.trim()) problems.push(`${where}: source has no ref`);
  const day = DAY.exec(source.checked);
  if (!day) return [...problems, `${where}: source date "${source.checked}" is not YYYY-MM-DD`];
  const [, year, month, date] = day;
  const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  if (parsed.toISOString().slice(0, 10) !== source.checked) problems.push(`${where}: source date "${source.checked}" is not a real day`);
  else if (source.checked > today) problems.push(`${where}: source date ${source.checked} is in the future`);
  return problems;
}
