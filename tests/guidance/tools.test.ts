import { describe, expect, it } from 'vitest';
import { isOnOfficialPlace } from '../../src/guidance/links';
import { COST_MESSAGE, OPENNESS_MESSAGE, TOOLS, toolById } from '../../src/guidance/tools';
import { TOOL_IDS, type Tool, type ToolLink } from '../../src/guidance/types';
import { validateTools } from '../../src/guidance/validate-tools';
import { isGuidanceMessageKey } from '../../src/guidance/message-keys';

/** Today, for "no source is dated in the future". */
const TODAY = new Date().toISOString().slice(0, 10);

function allUrls(tool: Tool): { where: string; url: string }[] {
  return tool.links.flatMap((link) => [
    { where: `${tool.id}.${link.id}`, url: link.url },
    ...Object.entries(link.localized ?? {}).map(([language, url]) => ({ where: `${tool.id}.${link.id} (${language})`, url: url ?? '' })),
  ]);
}

/** A copy of the tools with one tool changed. */
function withTool(id: string, change: (tool: Tool) => Tool): Tool[] {
  return TOOLS.map((tool) => (tool.id === id ? change(tool) : tool));
}
function withLink(toolId: string, linkId: string, change: (link: ToolLink) => ToolLink): Tool[] {
  return withTool(toolId, (tool) => ({ ...tool, links: tool.links.map((link) => (link.id === linkId ? change(link) : link)) }));
}

describe('the tools data', () => {
  it('passes every check', () => {
    expect(validateTools(TOOLS, TODAY)).toEqual([]);
  });

  it('has one tool for every tool id, found by id', () => {
    expect(TOOLS.map((tool) => tool.id).sort()).toEqual([...TOOL_IDS].sort());
    for (const id of TOOL_IDS) expect(toolById(id).id).toBe(id);
  });

  it('links only over https, and only to the tool\'s official sites', () => {
    for (const tool of TOOLS) {
      for (const { where, url } of allUrls(tool)) {
        expect(new URL(url).protocol, where).toBe('https:');
        expect(isOnOfficialPlace(url, tool.official), `${where}: ${url}`).toBe(true);
      }
    }
  });

  it('names a source with a real, past date for every tool, link and contact', () => {
    for (const tool of TOOLS) {
      for (const [where, source] of [
        [tool.id, tool.source],
        ...tool.links.map((link) => [`${tool.id}.${link.id}`, link.source] as const),
        ...tool.contacts.map((contact) => [`${tool.id}.${contact.id}`, contact.source] as const),
      ] as const) {
        expect(source.ref.trim(), where).not.toBe('');
        expect(source.checked, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(source.checked <= TODAY, `${where}: ${source.checked}`).toBe(true);
      }
    }
  });

  it('has text for every cost and openness, and for every link and tool', () => {
    for (const key of [...Object.values(COST_MESSAGE), ...Object.values(OPENNESS_MESSAGE)]) expect(isGuidanceMessageKey(key)).toBe(true);
    for (const tool of TOOLS) {
      expect(isGuidanceMessageKey(tool.aboutKey)).toBe(true);
      for (const link of tool.links) expect(isGuidanceMessageKey(link.labelKey), `${tool.id}.${link.id}`).toBe(true);
    }
  });

  it('offers the ways to get Tor that work when its site is blocked', () => {
    const tor = toolById('tor-browser');
    const urls = tor.links.map((link) => link.url);
    expect(urls).toContain('https://t.me/GetBridgesBot');
    expect(urls).toContain('https://t.me/gettor_bot');
    expect(tor.contacts.map((contact) => contact.address).sort()).toEqual(['bridges@torproject.org', 'gettor@torproject.org']);
  });

  it('points Amnezia users in Russia to the project\'s mirror', () => {
    expect(toolById('amnezia').links.find((link) => link.purpose === 'mirror')?.url).toBe('https://storage.googleapis.com/amnezia/amnezia.org');
  });
});

describe('validateTools', () => {
  const problems = (tools: readonly Tool[]) => validateTools(tools, TODAY);

  it('names a link that is not https', () => {
    expect(problems(withLink('psiphon', 'website', (link) => ({ ...link, url: 'http://psiphon.ca/' })))).toEqual([
      'psiphon.website: "http://psiphon.ca/" is not https',
    ]);
  });

  it('names a link that leaves the official site', () => {
    expect(problems(withLink('proton-vpn', 'website', (link) => ({ ...link, url: 'https://protonvpn.example.com/' })))).toEqual([
      'proton-vpn.website: "https://protonvpn.example.com/" is not on an official site of Proton VPN',
    ]);
  });

  it('names a translated page that leaves the official site', () => {
    const broken = withLink('signal-proxy', 'support', (link) => ({ ...link, localized: { ru: 'https://support-signal.example/hc/ru/' } }));
    expect(problems(broken)).toEqual([
      'signal-proxy.support (ru): "https://support-signal.example/hc/ru/" is not on an official site of Signal Proxy',
    ]);
  });

  it('names a "translation" that is the English page', () => {
    const broken = withLink('proton-vpn', 'website', (link) => ({ ...link, localized: { ar: link.url } }));
    expect(problems(broken)).toEqual(['proton-vpn.website: the ar URL is the English one']);
  });

  it('names a translation for a language Blockwatch does not have', () => {
    const broken = withLink('proton-vpn', 'website', (link) => ({ ...link, localized: { de: 'https://protonvpn.com/de/' } as ToolLink['localized'] }));
    expect(problems(broken)).toEqual(['proton-vpn.website: localized language "de" is not a UI language other than en']);
  });

  it('names sources without a date, with an impossible date, or from the future', () => {
    const broken = withTool('lantern', (tool) => ({
      ...tool,
      source: { ref: 'x', checked: 'August 2026' },
      links: tool.links.map((link, index) =>
        index === 0 ? { ...link, source: { ref: 'x', checked: '2026-02-30' } } : index === 1 ? { ...link, source: { ref: 'x', checked: '2999-01-01' } } : link,
      ),
    }));
    expect(problems(broken)).toEqual([
      'lantern: source date "August 2026" is not YYYY-MM-DD',
      'lantern.website: source date "2026-02-30" is not a real day',
      'lantern.download: source date 2999-01-01 is in the future',
    ]);
  });

  it('names a source without a reference', () => {
    expect(problems(withLink('outline', 'support', (link) => ({ ...link, source: { ...link.source, ref: ' ' } })))).toEqual([
      'outline.support: source has no ref',
    ]);
  });

  it('names an email address off the tool\'s domain', () => {
    const broken = withTool('tor-browser', (tool) => ({
      ...tool,
      contacts: tool.contacts.map((contact, index) => (index === 0 ? { ...contact, address: 'bridges@torproject.example' } : contact)),
    }));
    expect(problems(broken)).toEqual(['tor-browser.bridges-email: bridges@torproject.example is not on an official domain of Tor Browser']);
  });

  it('names duplicate ids and a missing tool', () => {
    const duplicated = [...TOOLS, toolById('psiphon')];
    expect(problems(duplicated)).toEqual(['psiphon: duplicate tool id']);
    expect(problems(TOOLS.filter((tool) => tool.id !== 'lantern'))).toEqual(['lantern: no tool for this id']);
    const twoLinks = withTool('proton-vpn', (tool) => ({ ...tool, links: [...tool.links, ...tool.links] }));
    expect(problems(twoLinks)).toEqual(['proton-vpn.website: duplicate link id']);
  });

  it('names a country code that is not upper-case alpha-2', () => {
    expect(problems(withLink('tor-browser', 'china', (link) => ({ ...link, countries: ['cn'] })))).toEqual([
      'tor-browser.china: country "cn" is not an upper-case ISO alpha-2 code',
    ]);
  });

  it('names a tool (not a help resource) without platforms', () => {
    expect(problems(withTool('outline', (tool) => ({ ...tool, platforms: [] })))).toEqual(['outline: no platforms']);
  });
});
