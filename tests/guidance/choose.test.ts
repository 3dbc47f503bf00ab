import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { OWN_FEATURES } from '../../src/guidance/advice';
import { chooseAdvice } from '../../src/guidance/choose';
import { UI_LANGUAGES } from '../../src/guidance/languages';
import { createTranslate, type LocaleMessages } from '../../src/i18n/translate';
import { toolById } from '../../src/guidance/tools';
import type { Advice, AdviceRequest, AdviceStep } from '../../src/guidance/types';
import type { GuidanceMessageKey } from '../../src/guidance/message-keys';
import { HOWS, STATES, type How, type State } from '../../src/states';

function locale(lang: string): LocaleMessages {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../assets/_locales/${lang}/messages.json`, import.meta.url)), 'utf8')) as LocaleMessages;
}
const EN = locale('en');

function advise(request: Partial<AdviceRequest> & Pick<AdviceRequest, 'state'>): Advice {
  return chooseAdvice({ serviceId: 'whatsapp', serviceName: 'WhatsApp', country: null, ...request });
}
const keys = (advice: Advice) => advice.steps.map((step) => step.messageKey);
const actions = (advice: Advice) => advice.steps.filter((step) => step.kind === 'action').map((step) => step.messageKey);
const stepOf = (advice: Advice, key: GuidanceMessageKey) => advice.steps.find((step) => step.messageKey === key);
/** The keys that directly follow `key`. */
function after(advice: Advice, key: GuidanceMessageKey, count: number): GuidanceMessageKey[] {
  const at = keys(advice).indexOf(key);
  expect(at, `${key} is in the advice`).toBeGreaterThanOrEqual(0);
  return keys(advice).slice(at + 1, at + 1 + count);
}
const toolsOffered = (advice: Advice) => advice.steps.flatMap((step) => step.tools ?? []);

describe('chooseAdvice: the cases a user meets', () => {
  it('WhatsApp blocked by DNS in Russia: DNS advice first, then the WhatsApp proxy with its caveats', () => {
    const advice = advise({ state: 'blocked', how: 'dns', country: 'RU' });
    expect(advice.steps[0]).toEqual({ kind: 'summary', messageKey: 'guidance_state_blocked', substitutions: ['WhatsApp'] });
    expect(advice.steps[1]).toEqual({ kind: 'explain', messageKey: 'guidance_how_dns', substitutions: ['WhatsApp'] });
    expect(actions(advice)).toEqual([
      'guidance_dns_secure_browser',
      'guidance_dns_private_android',
      'guidance_whatsapp_proxy',
      'guidance_tools_after_dns',
    ]);
    expect(stepOf(advice, 'guidance_whatsapp_proxy')?.tools).toEqual(['whatsapp-proxy']);
    expect(after(advice, 'guidance_whatsapp_proxy', 3)).toEqual([
      'guidance_whatsapp_proxy_shutdown',
      'guidance_proxy_gets_blocked',
      'guidance_proxy_operator_sees_ip',
    ]);
    // Russia's own legal note replaces the general one; the store and mirror note is there.
    expect(keys(advice)).toContain('guidance_country_ru_law');
    expect(keys(advice)).not.toContain('guidance_safety_legal');
    expect(keys(advice)).toContain('guidance_country_ru_stores');
    expect(keys(advice)).toContain('guidance_safety_fake_apps');
    expect(keys(advice)).toContain('guidance_safety_operator');
  });

  it('Telegram reset in Iran: the MTProto proxy, then tools that disguise traffic and Tor bridges', () => {
    const advice = chooseAdvice({ serviceId: 'telegram', serviceName: 'Telegram', state: 'blocked', how: 'reset', country: 'IR' });
    expect(stepOf(advice, 'guidance_how_reset')?.substitutions).toEqual(['Telegram']);
    expect(actions(advice)).toEqual(['guidance_telegram_proxy', 'guidance_tools_obfuscated', 'guidance_tor_bridges']);
    expect(stepOf(advice, 'guidance_telegram_proxy')?.tools).toEqual(['telegram-proxy']);
    expect(stepOf(advice, 'guidance_tor_bridges')?.tools).toEqual(['tor-browser']);
    expect(stepOf(advice, 'guidance_tools_obfuscated')?.tools).toEqual(['amnezia', 'outline', 'tor-browser', 'psiphon']);
    // The warning about unofficial Telegram apps sits with the Telegram advice.
    expect(after(advice, 'guidance_telegram_proxy', 3)).toEqual([
      'guidance_proxy_gets_blocked',
      'guidance_proxy_operator_sees_ip',
      'guidance_country_ir_telegram_forks',
    ]);
    expect(keys(advice)).not.toContain('guidance_dns_secure_browser');
    expect(keys(advice)).toContain('guidance_safety_legal');
  });

  it('Telegram in Russia: FakeTLS detection is said next to the proxy, bridges advice next to Tor', () => {
    const advice = chooseAdvice({ serviceId: 'telegram', serviceName: 'Telegram', state: 'blocked', how: 'tls', country: 'ru' });
    expect(advice.country).toBe('RU');
    expect(after(advice, 'guidance_telegram_proxy', 3)[2]).toBe('guidance_country_ru_telegram_faketls');
    expect(after(advice, 'guidance_tor_bridges', 1)).toEqual(['guidance_country_ru_tor']);
    expect(stepOf(advice, 'guidance_country_ru_telegram_faketls')?.kind).toBe('caveat');
  });

  it('Signal blocked by address: its proxy and its censorship circumvention switch', () => {
    const advice = chooseAdvice({ serviceId: 'signal', serviceName: 'Signal', state: 'blocked', how: 'connect', country: null });
    expect(actions(advice).slice(0, 2)).toEqual(['guidance_signal_proxy', 'guidance_signal_circumvention']);
    expect(stepOf(advice, 'guidance_signal_proxy')?.tools).toEqual(['signal-proxy']);
  });

  it('a blockpage is treated like a DNS block, with its own explanation', () => {
    const advice = chooseAdvice({ serviceId: 'instagram', serviceName: 'Instagram', state: 'blocked', how: 'blockpage', country: 'TR' });
    expect(keys(advice).slice(0, 3)).toEqual(['guidance_state_blocked', 'guidance_how_blockpage', 'guidance_dns_secure_browser']);
    expect(keys(advice)).toContain('guidance_country_tr_throttling');
  });

  it('a service with no proxy of its own goes straight to separate tools', () => {
    const advice = chooseAdvice({ serviceId: 'youtube', serviceName: 'YouTube', state: 'blocked', how: 'reset', country: null });
    expect(actions(advice)).toEqual(['guidance_tools_obfuscated', 'guidance_tor_bridges']);
    expect(toolsOffered(advice)).not.toContain('whatsapp-proxy');
  });

  it('blocked without a known "how": tools that get past every kind of block', () => {
    const advice = advise({ state: 'blocked' });
    expect(advice.how).toBeUndefined();
    expect(actions(advice)).toEqual(['guidance_whatsapp_proxy', 'guidance_tools_obfuscated', 'guidance_tor_bridges']);
  });

  it('throttled: the messenger\'s own proxy, then a VPN or proxy that hides the name', () => {
    const advice = chooseAdvice({ serviceId: 'telegram', serviceName: 'Telegram', state: 'slow', how: 'stall', country: 'TR' });
    expect(keys(advice).slice(0, 2)).toEqual(['guidance_state_slow', 'guidance_how_stall']);
    expect(actions(advice)).toEqual(['guidance_telegram_proxy', 'guidance_tools_throttle']);
    expect(keys(advice)).toContain('guidance_country_tr_throttling');
  });

  it('partial: says what still works and what does not, and that the app may work', () => {
    const advice = advise({
      state: 'partial',
      how: 'dns',
      components: [
        { role: 'web', ok: false },
        { role: 'chat', ok: true },
        { role: 'media', ok: true },
      ],
    });
    expect(keys(advice).slice(0, 6)).toEqual([
      'guidance_state_partial',
      'guidance_how_dns',
      'guidance_part_works_chat',
      'guidance_part_works_media',
      'guidance_part_blocked_web',
      'guidance_partial_use_app',
    ]);
    // The same tools as for a block of that kind.
    expect(actions(advice)).toContain('guidance_whatsapp_proxy');
    expect(actions(advice)).toContain('guidance_tools_after_dns');
  });

  it('partial: a part that both worked and failed is not claimed either way', () => {
    const advice = advise({
      state: 'partial',
      components: [
        { role: 'chat', ok: true },
        { role: 'chat', ok: false },
        { role: 'media', ok: false },
      ],
    });
    const said = keys(advice).filter((key) => key.startsWith('guidance_part_'));
    expect(said).toEqual(['guidance_part_blocked_media']);
    expect(keys(advice)).not.toContain('guidance_partial_use_app');
  });

  it('restricted: says most tools fail, names the few that sometimes work, and that it is usually temporary', () => {
    const advice = advise({ state: 'restricted', country: 'RU' });
    expect(keys(advice).slice(0, 4)).toEqual([
      'guidance_state_restricted',
      'guidance_restricted_no_tools',
      'guidance_restricted_other_connection',
      'guidance_tools_restricted',
    ]);
    expect(stepOf(advice, 'guidance_state_restricted')?.substitutions).toEqual(['WhatsApp']);
    expect(toolsOffered(advice).filter((tool) => toolById(tool).kind !== 'help')).toEqual(['psiphon', 'tor-browser', 'amnezia']);
    expect(keys(advice)).toContain('guidance_country_ru_mobile_allowlist');
    // A WhatsApp proxy abroad cannot help when only domestic addresses work.
    expect(keys(advice)).not.toContain('guidance_whatsapp_proxy');
    expect(keys(advice)).toContain('guidance_safety_fake_apps');
  });

  it('offline: check the connection; no tool is offered, because none helps', () => {
    const advice = advise({ state: 'offline', how: 'dns', country: 'IR' });
    expect(keys(advice)).toEqual([
      'guidance_state_offline',
      'guidance_offline_check',
      'guidance_offline_no_tools',
      'guidance_offline_shutdown',
      'guidance_country_ir_shutdowns',
    ]);
    expect(toolsOffered(advice)).toEqual([]);
    expect(advice.how).toBeUndefined();
  });

  it('unknown: nothing to advise yet', () => {
    expect(keys(advise({ state: 'unknown', country: 'RU' }))).toEqual(['guidance_state_unknown']);
  });

  it('reachable: nothing to do, except preparing where blocks start without warning', () => {
    expect(keys(advise({ state: 'reachable', country: 'DE' }))).toEqual(['guidance_state_reachable']);
    expect(keys(advise({ state: 'reachable', country: null }))).toEqual(['guidance_state_reachable']);
    const prepared = advise({ state: 'reachable', country: 'TM' });
    expect(keys(prepared)).toEqual([
      'guidance_state_reachable',
      'guidance_prepare',
      'guidance_country_tm_vpn',
      'guidance_safety_fake_apps',
      'guidance_safety_operator',
    ]);
    expect(stepOf(prepared, 'guidance_prepare')?.tools?.length).toBeGreaterThan(0);
  });

  it('China: the App Store removals, and a pointer to Tor\'s page for China', () => {
    const advice = chooseAdvice({ serviceId: 'signal', serviceName: 'Signal', state: 'blocked', how: 'reset', country: 'CN' });
    expect(after(advice, 'guidance_tor_bridges', 1)).toEqual(['guidance_country_cn_tor']);
    expect(keys(advice)).toContain('guidance_country_cn_stores');
  });
});

describe('chooseAdvice: bad input is set aside, never thrown', () => {
  it('reads a state that is not a state as unknown', () => {
    const advice = advise({ state: 'exploded' as State });
    expect(advice.state).toBe('unknown');
    expect(keys(advice)).toEqual(['guidance_state_unknown']);
  });

  it('drops a "how" that is not one, or does not fit the state', () => {
    expect(advise({ state: 'blocked', how: 'weird' as How }).how).toBeUndefined();
    expect(advise({ state: 'slow', how: 'dns' }).how).toBeUndefined();
    expect(keys(advise({ state: 'slow', how: 'dns' }))).not.toContain('guidance_how_dns');
    expect(advise({ state: 'reachable', how: 'reset' }).how).toBeUndefined();
  });

  it('reads a country that is not two letters as none, and normalizes case and spaces', () => {
    expect(advise({ state: 'blocked', country: 'Russia' }).country).toBeNull();
    expect(keys(advise({ state: 'blocked', country: 'Russia' }))).toContain('guidance_safety_legal');
    expect(advise({ state: 'blocked', country: ' ir ' }).country).toBe('IR');
  });

  it('names the service by its id when no name is given, and finds its feature whatever the case', () => {
    const advice = chooseAdvice({ serviceId: 'Telegram', state: 'blocked', country: null });
    expect(advice.steps[0]?.substitutions).toEqual(['Telegram']);
    expect(keys(advice)).toContain('guidance_telegram_proxy');
  });

  it('handles a custom target with no catalogue entry', () => {
    const advice = chooseAdvice({ serviceId: 'custom:example.org', serviceName: 'example.org', state: 'blocked', how: 'dns', country: 'RU' });
    expect(advice.steps[0]?.substitutions).toEqual(['example.org']);
    expect(actions(advice)).toEqual(['guidance_dns_secure_browser', 'guidance_dns_private_android', 'guidance_tools_after_dns']);
  });
});

describe('chooseAdvice: every advice it can give', () => {
  const services = ['whatsapp', 'telegram', 'signal', 'youtube', 'custom:example.org'];
  const countries = [null, 'RU', 'IR', 'CN', 'TR', 'TM', 'DE'];
  const hows: (How | undefined)[] = [undefined, ...HOWS];
  const all: { request: AdviceRequest; advice: Advice }[] = [];
  for (const serviceId of services)
    for (const state of STATES)
      for (const how of hows)
        for (const country of countries) {
          const request: AdviceRequest = {
            serviceId,
            serviceName: serviceId,
            state,
            country,
            components: [
              { role: 'chat', ok: false },
              { role: 'web', ok: true },
            ],
            ...(how ? { how } : {}),
          };
          all.push({ request, advice: chooseAdvice(request) });
        }

  const describeRequest = ({ serviceId, state, how, country }: AdviceRequest) => `${serviceId} ${state} ${how ?? '-'} ${country ?? '-'}`;

  it('starts with the summary of its state', () => {
    for (const { request, advice } of all) {
      expect(advice.steps[0]?.kind, describeRequest(request)).toBe('summary');
      expect(advice.steps[0]?.messageKey, describeRequest(request)).toBe(`guidance_state_${advice.state}`);
    }
  });

  it('uses only texts that exist, each once, with every placeholder filled', () => {
    const problems: string[] = [];
    for (const { request, advice } of all) {
      const seen = new Set<string>();
      for (const step of advice.steps) {
        const where = `${describeRequest(request)}: ${step.messageKey}`;
        const entry = EN[step.messageKey];
        if (!entry) problems.push(`${where}: no such message`);
        if (seen.has(step.messageKey)) problems.push(`${where}: repeated`);
        seen.add(step.messageKey);
        const placeholders = Object.keys(entry?.placeholders ?? {}).length;
        const given = step.substitutions?.length ?? 0;
        if (given !== placeholders) problems.push(`${where}: ${given} substitutions for ${placeholders} placeholders`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('only suggests tools that exist', () => {
    for (const { advice } of all) for (const id of toolsOffered(advice)) expect(toolById(id).id).toBe(id);
  });

  it('never offers a tool when offline or unknown', () => {
    for (const { request, advice } of all) {
      if (advice.state === 'offline' || advice.state === 'unknown') expect(toolsOffered(advice), describeRequest(request)).toEqual([]);
    }
  });

  it('warns about fake apps and legal risk wherever it suggests a tool to install', () => {
    for (const { request, advice } of all) {
      const installs = advice.steps.some((step: AdviceStep) => (step.tools ?? []).some((id) => toolById(id).kind !== 'help'));
      if (!installs) continue;
      const said = keys(advice);
      expect(said, describeRequest(request)).toContain('guidance_safety_fake_apps');
      expect(said, describeRequest(request)).toContain('guidance_safety_operator');
      const legal = said.filter((key) => key === 'guidance_safety_legal' || key === 'guidance_country_ru_law' || key === 'guidance_country_tm_vpn');
      expect(legal.length, describeRequest(request)).toBe(1);
    }
  });

  it('suggests the messenger\'s own feature before any separate tool', () => {
    for (const { request, advice } of all) {
      const feature = advice.steps.findIndex((step) => (step.tools ?? []).some((id) => toolById(id).kind === 'messenger-feature'));
      const separate = advice.steps.findIndex((step) => (step.tools ?? []).some((id) => toolById(id).kind !== 'messenger-feature'));
      if (feature >= 0 && separate >= 0) expect(feature, describeRequest(request)).toBeLessThan(separate);
    }
  });
});

describe('chooseAdvice: as the user reads it', () => {
  it('offers the messengers\' own features for services the catalogue really has', () => {
    const ids = CATALOGUE.services.map((service) => service.id);
    for (const id of Object.keys(OWN_FEATURES)) expect(ids).toContain(id);
  });

  it('reads as whole sentences in every language, naming the service, with nothing left unfilled', () => {
    const problems: string[] = [];
    for (const lang of UI_LANGUAGES) {
      const t = createTranslate(locale(lang));
      for (const service of CATALOGUE.services) {
        for (const state of STATES) {
          const advice = chooseAdvice({ serviceId: service.id, serviceName: service.name, state, how: 'reset', country: 'RU' });
          const lines = advice.steps.map((step) => t(step.messageKey, step.substitutions ?? []));
          const where = `${lang} ${service.id} ${state}`;
          if (!lines[0]?.includes(service.name)) problems.push(`${where}: the first line does not name ${service.name}: "${lines[0]}"`);
          for (const line of lines) {
            if (line.trim() === '') problems.push(`${where}: an empty line`);
            if (line.includes('$')) problems.push(`${where}: unfilled placeholder in "${line}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
