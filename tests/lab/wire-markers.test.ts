/**
 * The judge of the wire tests (tests/e2e/harness/wire-markers.ts): what it must catch, and what a
 * plain page load excuses.
 */
import { describe, expect, it } from 'vitest';
import { wireFindings, type InstallCapture, type WireRequest } from '../e2e/harness/wire-markers';

const post = (headers: [string, string][]): WireRequest => ({ method: 'POST', tls: false, host: '149.154.167.51', path: '/', headers });
const get = (headers: [string, string][]): WireRequest => ({ method: 'GET', tls: true, host: 'web.telegram.org', path: '/', headers });
const install = (label: string, id: string, probes: WireRequest[], pageLoads: WireRequest[] = []): InstallCapture => ({ label, identifiers: [id], probes, pageLoads });
const COMMON: [string, string][] = [['Host', '149.154.167.51:443'], ['User-Agent', 'Mozilla/5.0'], ['Accept', '*/*']];

describe('what gives an install away on the wire', () => {
  it('nothing when both installs send the same ordinary headers', () => {
    expect(wireFindings(install('A', 'uuid-a', [post(COMMON)]), install('B', 'uuid-b', [post(COMMON)]))).toEqual([]);
  });

  it('an Origin, its extension scheme and the id in it, and the difference between installs', () => {
    const a = install('A', 'f368e7bd', [post([...COMMON, ['Origin', 'moz-extension://f368e7bd']])]);
    const b = install('B', '0f2fc251', [post([...COMMON, ['Origin', 'moz-extension://0f2fc251']])]);
    const findings = wireFindings(a, b);
    expect(findings.filter((finding) => finding.startsWith('an Origin header'))).toHaveLength(2);
    expect(findings.filter((finding) => finding.startsWith('an extension scheme'))).toHaveLength(2);
    expect(findings.filter((finding) => finding.startsWith("the install's id"))).toHaveLength(2);
    expect(findings.filter((finding) => finding.startsWith('origin differs'))).toHaveLength(1);
  });

  it('the same Origin in every install (Chrome: one id for all) is still caught', () => {
    const probe = post([...COMMON, ['Origin', 'chrome-extension://fagbaclmdalandbmghfmbcfblcnhcgmh']]);
    expect(wireFindings(install('A', 'fagbaclmdalandbmghfmbcfblcnhcgmh', [probe]), install('B', 'fagbaclmdalandbmghfmbcfblcnhcgmh', [probe]))).toHaveLength(6);
  });

  it('a per-install header under another name, and the id in any header', () => {
    const a = install('A', 'aaaa1111', [post([...COMMON, ['X-Install', 'aaaa1111']])]);
    const b = install('B', 'bbbb2222', [post([...COMMON, ['X-Install', 'bbbb2222']])]);
    const findings = wireFindings(a, b);
    expect(findings.some((finding) => finding.startsWith('x-install differs'))).toBe(true);
    expect(findings.filter((finding) => finding.startsWith("the install's id"))).toHaveLength(2);
  });

  it('a header that a plain page load in the same profiles also shows differing is not the probes\u2019 doing', () => {
    const a = install('A', 'id-a', [get([['Accept-Language', 'en-US']])], [get([['Accept-Language', 'en-US']])]);
    const b = install('B', 'id-b', [get([['Accept-Language', 'ru-RU']])], [get([['Accept-Language', 'ru-RU']])]);
    expect(wireFindings(a, b)).toEqual([]);
  });
});
