/**
 * The lead of the guidance, as a table: service × how × country → the steps (in order, each with
 * its tool and link) and the safety notes. Every row is what a person in that place would read first.
 */
import { describe, expect, it } from 'vitest';
import { chooseLead, MAX_LEAD_STEPS } from '../../src/guidance/lead';
import { toolById } from '../../src/guidance/tools';
import { linksFor } from '../../src/guidance/links';
import { UI_LANGUAGES } from '../../src/guidance/languages';
import type { AdviceRequest } from '../../src/guidance/types';

/** A step as the table writes it: the line's key, and "tool/link" when it carries a link. */
function lines(request: AdviceRequest): string[] {
  return chooseLead(request).steps.map((step) => (step.tool ? `${step.messageKey} ${step.tool}/${step.linkId}` : step.messageKey));
}

const OWN = {
  whatsapp: 'guidance_lead_whatsapp_proxy whatsapp-proxy/faq',
  telegram: 'guidance_lead_telegram_proxy telegram-proxy/about',
  signal: 'guidance_lead_signal_proxy signal-proxy/support',
};
const DNS = 'guidance_lead_dns';

describe('the lead: service × how × country', () => {
  it.each([
    // A DNS block: change DNS first, then the messenger's own proxy, then a VPN for the country.
    ['whatsapp', 'blocked', 'dns', 'RU', [DNS, OWN.whatsapp, 'guidance_lead_tool_dns amnezia/mirror']],
    ['whatsapp', 'blocked', 'dns', 'IR', [DNS, OWN.whatsapp, 'guidance_lead_tool_dns psiphon/download']],
    ['whatsapp', 'blocked', 'dns', 'DE', [DNS, OWN.whatsapp, 'guidance_lead_tool_dns proton-vpn/website']],
    ['whatsapp', 'blocked', 'blockpage', null, [DNS, OWN.whatsapp, 'guidance_lead_tool_dns proton-vpn/website']],
    ['youtube', 'blocked', 'dns', 'CN', [DNS, 'guidance_lead_tool_dns tor-browser/china']],
    // A filter: own proxy, then a tool that disguises its traffic, then a second one.
    ['whatsapp', 'blocked', 'reset', 'RU', [OWN.whatsapp, 'guidance_lead_tool_filter amnezia/mirror', 'guidance_lead_tool_filter tor-browser/download']],
    ['signal', 'blocked', 'tls', 'IR', [OWN.signal, 'guidance_lead_tool_filter psiphon/download', 'guidance_lead_tool_filter tor-browser/download']],
    ['signal', 'blocked', 'connect', 'CN', [OWN.signal, 'guidance_lead_tool_filter tor-browser/china', 'guidance_lead_tool_filter outline/get-started']],
    ['x', 'blocked', 'connect', 'TR', ['guidance_lead_tool_filter psiphon/download', 'guidance_lead_tool_filter tor-browser/download']],
    // Russia detects Telegram's MTProto proxies: the tool comes first there, the own proxy second.
    ['telegram', 'blocked', 'reset', 'RU', ['guidance_lead_tool_filter amnezia/mirror', OWN.telegram, 'guidance_lead_tool_filter tor-browser/download']],
    ['telegram', 'blocked', 'reset', 'IR', [OWN.telegram, 'guidance_lead_tool_filter psiphon/download', 'guidance_lead_tool_filter tor-browser/download']],
    ['telegram', 'blocked', 'dns', 'RU', [DNS, 'guidance_lead_tool_dns amnezia/mirror', OWN.telegram]],
    // Blocked without a known how: as a filter.
    ['whatsapp', 'blocked', undefined, 'DE', [OWN.whatsapp, 'guidance_lead_tool_filter psiphon/download', 'guidance_lead_tool_filter tor-browser/download']],
    // Throttling.
    ['youtube', 'slow', undefined, 'RU', ['guidance_lead_tool_throttle amnezia/mirror', 'guidance_lead_tool_throttle outline/get-started']],
    ['telegram', 'slow', 'stall', 'TR', [OWN.telegram, 'guidance_lead_tool_throttle outline/get-started', 'guidance_lead_tool_throttle psiphon/download']],
    // Allowlist mode: another connection, then the tool that sometimes gets through.
    ['whatsapp', 'restricted', undefined, 'RU', ['guidance_lead_other_connection', 'guidance_lead_tool_restricted psiphon/download']],
    // Nothing to lead with when nothing is blocked.
    ['whatsapp', 'reachable', undefined, 'RU', []],
    ['whatsapp', 'offline', undefined, 'IR', []],
    ['whatsapp', 'unknown', undefined, null, []],
  ] as const)('%s %s by %s in %s', (serviceId, state, how, country, expected) => {
    expect(lines({ serviceId, state, ...(how ? { how } : {}), country })).toEqual(expected);
  });

  it('partial with only the web client blocked leads with the app', () => {
    const request: AdviceRequest = {
      serviceId: 'whatsapp',
      state: 'partial',
      how: 'reset',
      country: 'RU',
      components: [
        { role: 'web', ok: false },
        { role: 'chat', ok: true },
      ],
    };
    expect(lines(request)).toEqual(['guidance_lead_use_app', OWN.whatsapp, 'guidance_lead_tool_filter amnezia/mirror']);
  });

  it('partial with the chat blocked does not send the reader to the app', () => {
    const request: AdviceRequest = { serviceId: 'whatsapp', state: 'partial', how: 'reset', country: 'IR', components: [{ role: 'web', ok: true }, { role: 'chat', ok: false }] };
    expect(lines(request)[0]).toBe(OWN.whatsapp);
  });
});

describe('the safety notes', () => {
  it.each([
    // Where the law punishes this, that comes first; two notes at most.
    ['whatsapp', 'blocked', 'dns', 'RU', ['guidance_lead_safety_law', 'guidance_lead_safety_official']],
    ['whatsapp', 'blocked', 'dns', 'TM', ['guidance_lead_safety_law', 'guidance_lead_safety_official']],
    ['whatsapp', 'restricted', undefined, 'RU', ['guidance_lead_safety_law', 'guidance_lead_safety_official']],
    ['whatsapp', 'blocked', 'dns', 'IR', ['guidance_lead_safety_official', 'guidance_lead_safety_proxy']],
    ['youtube', 'slow', undefined, 'TR', ['guidance_lead_safety_official']],
    ['whatsapp', 'reachable', undefined, 'RU', []],
  ] as const)('%s %s by %s in %s', (serviceId, state, how, country, expected) => {
    expect(chooseLead({ serviceId, state, ...(how ? { how } : {}), country }).safety).toEqual(expected);
  });
});

describe('every lead', () => {
  const SERVICES = ['whatsapp', 'telegram', 'signal', 'youtube', 'x', 'custom:example.org'];
  const HOWS = [undefined, 'dns', 'connect', 'reset', 'tls', 'blockpage', 'stall'] as const;
  const COUNTRIES = [null, 'RU', 'IR', 'CN', 'TR', 'TM', 'BY', 'DE'];
  const STATES = ['blocked', 'partial', 'slow', 'restricted'] as const;

  it(`has one to ${MAX_LEAD_STEPS} steps, each tool's link exists in every language, none twice`, () => {
    for (const serviceId of SERVICES) {
      for (const state of STATES) {
        for (const how of HOWS) {
          for (const country of COUNTRIES) {
            const { steps } = chooseLead({ serviceId, state, ...(how ? { how } : {}), country });
            const where = `${serviceId} ${state} ${how} ${country}`;
            expect(steps.length, where).toBeGreaterThanOrEqual(1);
            expect(steps.length, where).toBeLessThanOrEqual(MAX_LEAD_STEPS);
            expect(new Set(steps.map((step) => `${step.messageKey}${step.tool}`)).size, where).toBe(steps.length);
            for (const step of steps) {
              if (!step.tool) continue;
              for (const language of UI_LANGUAGES) {
                expect(linksFor(toolById(step.tool), language, country).map((link) => link.id), `${where} ${step.tool} ${language}`).toContain(step.linkId);
              }
            }
          }
        }
      }
    }
  });

  it('never throws on input that cannot be right, and leads with nothing for it', () => {
    expect(chooseLead({ serviceId: 'whatsapp', state: 'no-such-state' as never, country: 'xx-bad' })).toEqual({ steps: [], safety: [] });
  });
});
