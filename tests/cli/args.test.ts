import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from '../../src/cli/args';

const KNOWN = ['whatsapp', 'telegram', 'signal'];

describe('npm run check flags', () => {
  it('defaults to every service, tables, a guessed country', () => {
    expect(parseCheckArgs([], KNOWN)).toEqual({ ok: true, options: { json: false, services: [], country: null, throughput: false, help: false } });
  });

  it('takes services comma-separated, repeated, or with =, case-insensitively and without duplicates', () => {
    const result = parseCheckArgs(['--service', 'WhatsApp,telegram', '--service=whatsapp', '--services', 'signal'], KNOWN);
    expect(result).toMatchObject({ ok: true, options: { services: ['whatsapp', 'telegram', 'signal'] } });
  });

  it('takes a country code in any case', () => {
    expect(parseCheckArgs(['--country', 'ir', '--json', '--throughput'], KNOWN)).toMatchObject({ ok: true, options: { country: 'IR', json: true, throughput: true } });
  });

  it.each([
    [['--service', 'icq'], 'unknown service "icq": choose from whatsapp, telegram, signal'],
    [['--service'], '--service needs a value: one or more of whatsapp, telegram, signal'],
    [['--service', '--json'], '--service needs a value: one or more of whatsapp, telegram, signal'],
    [['--country', 'Russia'], '--country "Russia" is not a two-letter country code (such as RU, IR, CN or TR)'],
    [['--country='], '--country needs a value: a two-letter country code such as RU, IR, CN or TR'],
    [['--verbose'], 'unknown option "--verbose"; see --help'],
    [['whatsapp'], 'unknown option "whatsapp"; see --help'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(parseCheckArgs(argv, KNOWN)).toEqual({ ok: false, message });
  });
});
