import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import type { Catalogue } from '../../src/catalogue/types';
import { validateCatalogue } from '../../src/catalogue/validate';

/** The catalogue with its readonly markers removed, so a test can break one thing in a copy. */
type Mutable<T> = T extends readonly (infer Item)[] ? Mutable<Item>[] : T extends object ? { -readonly [Key in keyof T]: Mutable<T[Key]> } : T;
type Draft = Mutable<Catalogue>;

/** A fixed clock: 2026-12-31, after every date in the catalogue. */
const NOW = Date.UTC(2026, 11, 31, 12);

function problemsAfter(breakIt: (draft: Draft) => void): string[] {
  const draft = structuredClone(CATALOGUE) as Draft;
  breakIt(draft);
  return validateCatalogue(draft as Catalogue, NOW);
}

function serviceOf(draft: Draft, id: string) {
  const found = draft.services.find((entry) => entry.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

function componentOf(draft: Draft, serviceId: string, componentId: string) {
  const found = serviceOf(draft, serviceId).components.find((component) => component.id === componentId);
  if (!found) throw new Error(`no component ${serviceId}.${componentId}`);
  return found;
}

function endpointOf(draft: Draft, id: string) {
  const [serviceId = '', componentId = ''] = id.split('.');
  const found = componentOf(draft, serviceId, componentId).endpoints.find((endpoint) => endpoint.id === id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
}

function controlOf(draft: Draft, id: string) {
  const found = draft.controls.find((control) => control.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}

/** Exactly one problem, naming `entry` and saying `what`. */
function expectOneProblem(problems: string[], entry: string, what: RegExp): void {
  expect(problems).toHaveLength(1);
  expect(problems[0]?.startsWith(`${entry}: `), problems[0]).toBe(true);
  expect(problems[0]).toMatch(what);
}

describe('validateCatalogue', () => {
  it('finds nothing wrong in an unbroken copy', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  describe('URLs', () => {
    it('rejects a scheme other than http(s)', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'telegram.chat.dc2').url = 'ftp://149.154.167.51/';
      });
      expectOneProblem(problems, 'telegram.chat.dc2', /url "ftp:\/\/149\.154\.167\.51\/" is not http\(s\)/);
    });

    it('rejects text that is not a URL at all', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'signal.web.site').url = 'signal dot org';
      });
      // The broken URL also makes the host permissions impossible to generate.
      expect(problems).toContain('signal.web.site: url "signal dot org" is not a valid URL');
      expect(problems.some((problem) => problem.startsWith('host permissions: '))).toBe(true);
    });

    it('rejects credentials in a URL', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'discord.web.site').url = 'https://user:secret@discord.com/';
      });
      expectOneProblem(problems, 'discord.web.site', /carries credentials/);
    });

    it('rejects a fragment', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'ru.vk').url = 'https://vk.com/#feed';
      });
      expectOneProblem(problems, 'control ru.vk', /has a fragment/);
    });

    it('rejects plain http to an HSTS-preloaded host', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'whatsapp.web.client').url = 'http://web.whatsapp.com/';
      });
      expectOneProblem(problems, 'whatsapp.web.client', /plain http on an HSTS-preloaded host/);
    });

    it('rejects a wildcard host, which would turn into a permission for every site', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'viber.web.site').url = 'https://*/';
      });
      expect(problems).toContain('viber.web.site: url "https://*/" has a wildcard host');
      expect(problems).toContain('host permissions: pattern "https://*/*" grants more than one host');
    });
  });

  describe('ids and structure', () => {
    it('rejects a service id used twice', () => {
      const problems = problemsAfter((draft) => {
        serviceOf(draft, 'viber').id = 'discord';
      });
      expect(problems).toContain('discord: service id is used twice');
    });

    it('rejects an endpoint id used twice in the catalogue', () => {
      const problems = problemsAfter((draft) => {
        componentOf(draft, 'telegram', 'chat').endpoints.push({ ...endpointOf(draft, 'telegram.chat.dc4') });
      });
      expectOneProblem(problems, 'telegram.chat.dc4', /endpoint id is also used in telegram\.chat/);
    });

    it('rejects an endpoint id that does not name its service and component', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'x.web.site').id = 'twitter-site';
      });
      expectOneProblem(problems, 'twitter-site', /endpoint id must be "x\.web\.<name>"/);
    });

    it('rejects a component id used twice in a service', () => {
      const problems = problemsAfter((draft) => {
        componentOf(draft, 'instagram', 'media').id = 'api';
      });
      expect(problems).toContain('instagram.api: component id is used twice in this service');
    });

    it('rejects an id with capitals or spaces', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'intl.apple').id = 'Intl Apple';
      });
      expectOneProblem(problems, 'control Intl Apple', /id "Intl Apple" is not lower-case/);
    });

    it('rejects a control id used twice', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'cn.vivo').id = 'cn.huawei';
      });
      expectOneProblem(problems, 'control cn.huawei', /control id is used twice/);
    });

    it('rejects a service with a single component', () => {
      const problems = problemsAfter((draft) => {
        serviceOf(draft, 'viber').components = [componentOf(draft, 'viber', 'chat')];
      });
      expectOneProblem(problems, 'viber', /has 1 component\(s\), needs at least 2/);
    });

    it('rejects a service without a chat component, and one with two', () => {
      const none = problemsAfter((draft) => {
        componentOf(draft, 'discord', 'gateway').role = 'api';
      });
      expectOneProblem(none, 'discord', /has 0 chat components, needs exactly 1/);
      const two = problemsAfter((draft) => {
        componentOf(draft, 'discord', 'media').role = 'chat';
      });
      expectOneProblem(two, 'discord', /has 2 chat components, needs exactly 1/);
    });

    it('rejects a pool that takes fewer than two hosts a round, or more than it has', () => {
      const one = problemsAfter((draft) => {
        componentOf(draft, 'whatsapp', 'chat').pool = { perRound: 1 };
      });
      expectOneProblem(one, 'whatsapp.chat', /pool perRound 1 is not a whole number from 2 to its 16 hosts/);
      const many = problemsAfter((draft) => {
        componentOf(draft, 'whatsapp', 'chat').pool = { perRound: 17 };
      });
      expectOneProblem(many, 'whatsapp.chat', /pool perRound 17/);
    });

    it('rejects a component with no endpoints', () => {
      const problems = problemsAfter((draft) => {
        componentOf(draft, 'signal', 'media').endpoints = [];
      });
      expectOneProblem(problems, 'signal.media', /has no endpoints/);
    });

    it('rejects a service no light round would ever probe', () => {
      const problems = problemsAfter((draft) => {
        for (const component of serviceOf(draft, 'youtube').components) for (const endpoint of component.endpoints) endpoint.rotate = false;
      });
      expectOneProblem(problems, 'youtube', /no endpoint in rotation/);
    });

    it('rejects a user target in the catalogue', () => {
      const problems = problemsAfter((draft) => {
        serviceOf(draft, 'x').custom = true;
      });
      expectOneProblem(problems, 'x', /marked custom/);
    });
  });

  describe('reach endpoints', () => {
    it('rejects reachedOn on an http endpoint', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'telegram.web.client').reachedOn = ['tls_cert_authority'];
      });
      expectOneProblem(problems, 'telegram.web.client', /reachedOn is only for reach endpoints/);
    });

    it('rejects a reachedOn that is no failure code', () => {
      const problems = problemsAfter((draft) => {
        // A typo the type system would catch in source, but not in data loaded from elsewhere.
        Object.assign(endpointOf(draft, 'signal.chat.chat'), { reachedOn: ['tls_banana'] });
      });
      expectOneProblem(problems, 'signal.chat.chat', /reachedOn "tls_banana" is not a failure code/);
    });

    it('rejects a reachedOn failure that a block can cause without the host ever answering', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'signal.chat.chat').reachedOn = ['connect_timeout'];
      });
      expectOneProblem(problems, 'signal.chat.chat', /reachedOn "connect_timeout" can happen without reaching the host/);
    });

    it('rejects a reach endpoint with no reachedOn', () => {
      const problems = problemsAfter((draft) => {
        delete endpointOf(draft, 'whatsapp.chat.e1').reachedOn;
      });
      expectOneProblem(problems, 'whatsapp.chat.e1', /needs reachedOn/);
    });
  });

  describe('sources', () => {
    it('rejects a missing ref', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'x.api.api').source = { ref: ' ', checked: '2026-11-25' };
      });
      expectOneProblem(problems, 'x.api.api', /source has no ref/);
    });

    it('rejects a date in another format, a day that does not exist, and a day after today', () => {
      const format = problemsAfter((draft) => {
        controlOf(draft, 'tr.edevlet').source = { ref: 'somewhere', checked: '25.11.2026' };
      });
      expectOneProblem(format, 'control tr.edevlet', /"25\.11\.2026" is not YYYY-MM-DD/);
      const impossible = problemsAfter((draft) => {
        controlOf(draft, 'tr.edevlet').source = { ref: 'somewhere', checked: '2026-02-30' };
      });
      expectOneProblem(impossible, 'control tr.edevlet', /"2026-02-30" is not a real day/);
      const future = problemsAfter((draft) => {
        controlOf(draft, 'tr.edevlet').source = { ref: 'somewhere', checked: '2027-01-01' };
      });
      expectOneProblem(future, 'control tr.edevlet', /"2027-01-01" is in the future/);
    });
  });

  describe('throughput', () => {
    it('rejects a service without a throughput object', () => {
      const problems = problemsAfter((draft) => {
        delete serviceOf(draft, 'signal').throughput;
      });
      expectOneProblem(problems, 'signal', /has no throughput object/);
    });

    it('rejects objects read below 64 KiB (inside the 16 KB freeze) or above 512 KiB (the budget)', () => {
      for (const bytes of [16_000, 1_048_576, 70_000.5]) {
        const problems = problemsAfter((draft) => {
          const throughput = serviceOf(draft, 'telegram').throughput;
          if (throughput) throughput.bytes = bytes;
        });
        expectOneProblem(problems, 'telegram.throughput', new RegExp(`bytes ${bytes} is not a whole number from 65536 to 524288`));
      }
    });

    it('rejects fewer than two throughput controls', () => {
      const problems = problemsAfter((draft) => {
        draft.throughputControls = draft.throughputControls.slice(0, 1);
      });
      expectOneProblem(problems, 'throughput controls', /1 listed, needs at least 2/);
    });
  });

  describe('controls', () => {
    it('requires a domestic control for each of RU, IR, CN and TR', () => {
      const problems = problemsAfter((draft) => {
        draft.controls = draft.controls.filter((control) => control.region !== 'TR');
      });
      expectOneProblem(problems, 'controls', /no domestic control for TR/);
    });

    it('requires at least three international controls', () => {
      const problems = problemsAfter((draft) => {
        const international = draft.controls.filter((control) => control.region === 'intl').slice(0, 2);
        draft.controls = [...international, ...draft.controls.filter((control) => control.region !== 'intl')];
      });
      expectOneProblem(problems, 'controls', /2 international controls, needs at least 3/);
    });

    it('rejects expected body text on a HEAD request, which has no body', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'intl.microsoft').method = 'HEAD';
      });
      expectOneProblem(problems, 'control intl.microsoft', /expects body text but uses HEAD/);
    });

    it('rejects a control on a host a service is probed on', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'ru.yandex').url = 'https://t.me/';
      });
      expectOneProblem(problems, 'control ru.yandex', /host t\.me is also a service host/);
    });

    it('rejects a region that is not a country code', () => {
      const problems = problemsAfter((draft) => {
        controlOf(draft, 'ir.aparat').region = 'Iran';
      });
      expect(problems).toContain('control ir.aparat: region "Iran" is not "intl" or a country code like "RU"');
    });
  });

  describe('blockpages and bogus addresses', () => {
    it('rejects a blockpage host that is probed, whose normal answer would read as a block', () => {
      const problems = problemsAfter((draft) => {
        draft.blockpages.push({ id: 'ru.bad', country: 'RU', host: 'ya.ru', source: { ref: 'test', checked: '2026-11-25' } });
      });
      expectOneProblem(problems, 'blockpage ru.bad', /host "ya\.ru" is probed as control ru\.yandex/);
    });

    it('rejects a fingerprint with nothing to match', () => {
      const problems = problemsAfter((draft) => {
        draft.blockpages.push({ id: 'ru.empty', country: 'RU', source: { ref: 'test', checked: '2026-11-25' } });
      });
      expectOneProblem(problems, 'blockpage ru.empty', /neither a host, a URL prefix nor body text/);
    });

    it('rejects a URL prefix that names no path (that is a host), or lies on a probed host', () => {
      const bare = problemsAfter((draft) => {
        draft.blockpages.push({ id: 'kg.bare', country: 'KG', urlPrefix: 'http://homeline.kg/', source: { ref: 'test', checked: '2026-11-25' } });
      });
      expectOneProblem(bare, 'blockpage kg.bare', /names no path: use host/);
      const probed = problemsAfter((draft) => {
        draft.blockpages.push({ id: 'ru.probed', country: 'RU', urlPrefix: 'https://ya.ru/blocked/', source: { ref: 'test', checked: '2026-11-25' } });
      });
      expectOneProblem(probed, 'blockpage ru.probed', /on a host probed as control ru\.yandex/);
    });

    it('narrows the redirects to an ordinary ISP site to the path OONI matches', () => {
      const byId = new Map(CATALOGUE.blockpages.map((fingerprint) => [fingerprint.id, fingerprint]));
      expect(byId.get('kg.homeline')).toMatchObject({ urlPrefix: 'http://homeline.kg/access/blockpage.html' });
      expect(byId.get('tr.ttnet.safe')).toMatchObject({ urlPrefix: 'http://bilgi.turktelekom.com.tr/guvenli_internet_uyari' });
      expect(byId.get('by.mts')).toMatchObject({ urlPrefix: 'https://internet.mts.by/blocked/' });
      for (const id of ['kg.homeline', 'tr.ttnet.safe', 'by.mts']) expect(byId.get(id)?.host, id).toBeUndefined();
    });

    it('rejects a bogus range that covers any of the labs\' range, a malformed one, one without a source, and a duplicate', () => {
      const range = (cidr: string) => ({ cidr, what: 'test', source: { ref: 'test', checked: '2026-11-25' } });
      for (const cidr of ['45.0.0.0/8', '45.67.0.0/16', '45.67.200.0/24', '45.67.255.254/32']) {
        expectOneProblem(problemsAfter((draft) => draft.bogusAddressPrefixes.push(range(cidr))), `bogus address "${cidr}"`, /covers part of 45\.67\.0\.0\/16, where the labs put their hosts/);
      }
      for (const cidr of ['45.66.255.255/32', '45.68.0.0/16', '44.0.0.0/8']) {
        expect(problemsAfter((draft) => draft.bogusAddressPrefixes.push(range(cidr))), cidr).toEqual([]);
      }
      for (const cidr of ['banana', '10.', '10.0.0.1/8', '10.0.0.0/33', '300.0.0.0/8', '10.0.0.0', 'fe80::1::/10', '0x0a.0.0.0/8']) {
        expectOneProblem(problemsAfter((draft) => draft.bogusAddressPrefixes.push(range(cidr))), `bogus address "${cidr}"`, /is not a CIDR range/);
      }
      expectOneProblem(
        problemsAfter((draft) => draft.bogusAddressPrefixes.push({ cidr: '192.0.2.7/32', what: 'test', source: { ref: ' ', checked: '2026-11-25' } })),
        'bogus address "192.0.2.7/32"',
        /source has no ref/,
      );
      expectOneProblem(problemsAfter((draft) => draft.bogusAddressPrefixes.push(range('10.0.0.0/8'))), 'bogus address "10.0.0.0/8"', /listed twice/);
    });

    it('rejects a bogus entry that covers an address the catalogue probes', () => {
      const problems = problemsAfter((draft) => {
        draft.bogusAddressPrefixes.push({ cidr: '149.154.167.51/32', what: 'test', source: { ref: 'test', checked: '2026-11-25' } });
      });
      expectOneProblem(problems, 'telegram.chat.dc2', /address 149\.154\.167\.51 is listed as bogus/);
    });

    it('rejects a probed address inside the labs\' range, where the lab gives host names their addresses', () => {
      const problems = problemsAfter((draft) => {
        endpointOf(draft, 'telegram.chat.dc2').url = 'http://45.67.0.1:443/';
      });
      expectOneProblem(problems, 'telegram.chat.dc2', /address 45\.67\.0\.1 is inside 45\.67\.0\.0\/16/);
    });
  });
});
