import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { CUSTOM_TARGET_MAX_CHARS, parseCustomTarget, type CustomTargetResult } from '../../src/catalogue/custom-target';
import type { Service } from '../../src/catalogue/types';

/** A fixed clock: 2026-11-25 09:30 UTC. */
const clock = () => Date.UTC(2026, 10, 25, 9, 30);

function accepted(result: CustomTargetResult): { service: Service; permission: string } {
  if (!result.ok) throw new Error(`rejected: ${result.error}`);
  return result;
}

function parse(input: string, existing: readonly Service[] = []): CustomTargetResult {
  return parseCustomTarget(input, existing, clock);
}

function urlOf(service: Service): string {
  const url = service.components[0]?.endpoints[0]?.url;
  if (!url) throw new Error('no endpoint');
  return url;
}

describe('parseCustomTarget: accepted forms', () => {
  it('turns a bare host into an https target with one HEAD endpoint, dated by the clock', () => {
    const { service, permission } = accepted(parse('example.org'));
    expect(service).toEqual({
      id: 'custom:example.org',
      name: 'example.org',
      custom: true,
      components: [
        {
          id: 'web',
          role: 'web',
          endpoints: [
            {
              id: 'custom:example.org.web.target',
              kind: 'http',
              url: 'https://example.org/',
              method: 'HEAD',
              source: { ref: 'user', checked: '2026-11-25' },
            },
          ],
        },
      ],
    });
    expect(service.throughput).toBeUndefined();
    expect(permission).toBe('https://example.org/*');
  });

  it('keeps an explicit http scheme, the path and the query, and drops the fragment', () => {
    const { service, permission } = accepted(parse('http://example.org/status?probe=1#top'));
    expect(urlOf(service)).toBe('http://example.org/status?probe=1');
    expect(permission).toBe('http://example.org/*');
  });

  it('treats a scheme-relative address as https and trims surrounding spaces', () => {
    expect(urlOf(accepted(parse('  //example.org/x  ')).service)).toBe('https://example.org/x');
  });

  it('lower-cases scheme and host but keeps the letter case of the path', () => {
    const { service } = accepted(parse('HTTPS://Example.ORG/Path'));
    expect(service.id).toBe('custom:example.org');
    expect(urlOf(service)).toBe('https://example.org/Path');
  });

  it('gives the same target with or without a trailing slash or a trailing dot', () => {
    const ids = ['example.org', 'example.org/', 'example.org.', 'https://example.org./'].map((input) => accepted(parse(input)).service.id);
    expect(new Set(ids)).toEqual(new Set(['custom:example.org']));
  });

  it('probes an international name as punycode and shows it as written', () => {
    const { service, permission } = accepted(parse('Пример.рф/новости'));
    expect(service.name).toBe('пример.рф');
    expect(service.id).toBe('custom:xn--e1afmkfd.xn--p1ai');
    expect(urlOf(service)).toBe('https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8');
    expect(permission).toBe('https://xn--e1afmkfd.xn--p1ai/*');
  });

  it('keeps a non-default port in the target and its name, but not in the permission (match patterns have none)', () => {
    const { service, permission } = accepted(parse('example.org:8443'));
    expect(service.id).toBe('custom:example.org:8443');
    expect(service.name).toBe('example.org:8443');
    expect(urlOf(service)).toBe('https://example.org:8443/');
    expect(permission).toBe('https://example.org/*');
  });

  it("drops the scheme's default port", () => {
    expect(accepted(parse('https://example.org:443/')).service.id).toBe('custom:example.org');
    expect(accepted(parse('http://example.org:80/')).service.id).toBe('custom:example.org');
  });

  it('accepts IP addresses and localhost (how the lab and curious users test)', () => {
    expect(urlOf(accepted(parse('192.0.2.10')).service)).toBe('https://192.0.2.10/');
    const v6 = accepted(parse('http://[2001:db8::1]:8080/'));
    expect(v6.service.id).toBe('custom:[2001:db8::1]:8080');
    expect(v6.permission).toBe('http://[2001:db8::1]/*');
    expect(accepted(parse('http://localhost:3000')).service.id).toBe('custom:localhost:3000');
  });
});

describe('parseCustomTarget: rejections', () => {
  const cases: [string, string][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['exa mple.org', 'not_url'],
    ['example.org:99999', 'not_url'],
    ['example.org:0', 'not_url'],
    ['ftp://example.org/', 'not_http'],
    ['file:///etc/passwd', 'not_http'],
    ['javascript:alert(1)', 'not_http'],
    ['mailto:someone@example.org', 'not_http'],
    ['chrome://settings', 'not_http'],
    ['https://user:secret@example.org/', 'credentials'],
    ['user@example.org', 'credentials'],
    ['https://', 'empty_host'],
    ['https:///example.org', 'empty_host'],
    ['https://?q=1', 'empty_host'],
    ['whatsapp', 'bad_host'],
    ['https://*.example.org/', 'bad_host'],
    ['https://*/', 'bad_host'],
    ['example..org', 'bad_host'],
    ['exa_mple!.org', 'bad_host'],
    [`${'a'.repeat(64)}.org`, 'too_long'],
    [`https://example.org/${'x'.repeat(CUSTOM_TARGET_MAX_CHARS)}`, 'too_long'],
  ];

  it.each(cases)('refuses %j with %s', (input, error) => {
    const result = parse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(error);
  });

  it('accepts an input of exactly the maximum length', () => {
    const input = `https://example.org/${'x'.repeat(CUSTOM_TARGET_MAX_CHARS - 'https://example.org/'.length)}`;
    expect(input).toHaveLength(CUSTOM_TARGET_MAX_CHARS);
    expect(parse(input).ok).toBe(true);
  });
});

describe('parseCustomTarget: duplicates', () => {
  it("refuses a host a catalogue service already probes, naming that service, whatever the case, scheme or path", () => {
    for (const input of ['web.whatsapp.com', 'HTTP://Web.WhatsApp.com/some/page', 'https://t.me/durov']) {
      const result = parse(input, CATALOGUE.services);
      expect(result, input).toEqual({ ok: false, error: 'duplicate', duplicateOf: input.includes('t.me') ? 'telegram' : 'whatsapp' });
    }
  });

  it("refuses a second target on the same host as one of the user's own, case-insensitively", () => {
    const first = accepted(parse('https://example.org/')).service;
    expect(parse('http://EXAMPLE.org/other', [...CATALOGUE.services, first])).toEqual({
      ok: false,
      error: 'duplicate',
      duplicateOf: 'custom:example.org',
    });
  });

  it('accepts the same host on another port, which is another target', () => {
    const first = accepted(parse('https://example.org/')).service;
    expect(parse('example.org:8443', [first]).ok).toBe(true);
  });

  it('does not change the services it is given', () => {
    const existing = [...CATALOGUE.services];
    const snapshot = JSON.stringify(existing);
    parse('example.org', existing);
    expect(JSON.stringify(existing)).toBe(snapshot);
    expect(existing).toHaveLength(CATALOGUE.services.length);
  });
});
