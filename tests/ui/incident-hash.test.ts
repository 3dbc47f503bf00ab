import { describe, expect, it } from 'vitest';
import { parseIncidentHash } from '../../extension/history-page/incident-hash';

describe('the incident address a notification opens', () => {
  it('reads a service and its start', () => {
    expect(parseIncidentHash('#incident=whatsapp|1772548200000')).toEqual({ subject: 'whatsapp', start: 1772548200000 });
  });

  it('undoes percent-encoding, as the background writes the subject', () => {
    expect(parseIncidentHash('#incident=%40network|1772548200000')).toEqual({ subject: '@network', start: 1772548200000 });
  });

  it('keeps a subject with a colon and a port (custom targets)', () => {
    expect(parseIncidentHash('#incident=custom:example.org:8443|5')).toEqual({ subject: 'custom:example.org:8443', start: 5 });
  });

  it('ignores anything else rather than guessing', () => {
    for (const hash of ['', '#', '#other=1', '#incident=', '#incident=whatsapp', '#incident=|5', '#incident=whatsapp|soon', '#incident=whatsapp|-5', '#incident=whatsapp|99999999999999999999']) {
      expect(parseIncidentHash(hash), hash).toBeNull();
    }
  });

  it('reads a stray "%" as text instead of failing', () => {
    expect(parseIncidentHash('#incident=50%|7')).toEqual({ subject: '50%', start: 7 });
  });
});
