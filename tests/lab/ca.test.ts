/**
 * The lab CA: a root clients can trust, an intermediate under it, leaves for names and IPs that
 * chain to the root through the intermediate (served as leaf + intermediate, of a real chain's
 * size), and three wrong certificates that each fail in their own way.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labCa, makeSharedLabCa, openLabCa, SHARED_CA_ENV, subjectAltName, WRONG_NAME, type LabCa } from './ca';

let ca: LabCa;
let root: X509Certificate;
let intermediate: X509Certificate;

beforeAll(async () => {
  ca = await labCa();
  root = new X509Certificate(ca.certificatePem);
  intermediate = new X509Certificate(ca.intermediatePem);
});

/** The certificates of a PEM chain, in order. */
function chainOf(pem: string): X509Certificate[] {
  return (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? []).map((one) => new X509Certificate(one));
}

async function leaf(identity: string, kind?: Parameters<LabCa['certificateFor']>[1]): Promise<X509Certificate> {
  return new X509Certificate((await ca.certificateFor(identity, kind)).cert);
}

function isValidNow(certificate: X509Certificate): boolean {
  const now = Date.now();
  return Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
}

describe('lab CA', () => {
  it('has a root that is a CA, valid now, and on disk for browsers to import', async () => {
    expect(root.ca).toBe(true);
    expect(isValidNow(root)).toBe(true);
    expect(await readFile(ca.certificatePath, 'utf8')).toBe(ca.certificatePem);
  });

  it('is one per process', async () => {
    expect(await labCa()).toBe(ca);
  });

  it('issues a leaf for a host name that chains to the root and names only that host', async () => {
    const certificate = await leaf('web.whatsapp.com');
    expect(certificate.ca).toBe(false);
    expect(certificate.verify(intermediate.publicKey)).toBe(true);
    expect(certificate.checkIssued(intermediate)).toBe(true);
    expect(intermediate.ca).toBe(true);
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(intermediate.checkIssued(root)).toBe(true);
    expect(isValidNow(certificate)).toBe(true);
    expect(certificate.checkHost('web.whatsapp.com')).toBe('web.whatsapp.com');
    expect(certificate.checkHost('www.whatsapp.com')).toBeUndefined();
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(intermediate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('serves leaf + intermediate, never the root, at the size of a real chain', async () => {
    const chain = chainOf((await ca.certificateFor('web.whatsapp.com')).cert);
    expect(chain.map((certificate) => certificate.subject)).toEqual([(await leaf('web.whatsapp.com')).subject, intermediate.subject]);
    const sizes = chain.map((certificate) => certificate.raw.length);
    // Public leaves are 1.1–1.8 KB and public intermediates 1.1–1.5 KB (DER).
    expect(sizes[0]).toBeGreaterThanOrEqual(1100);
    expect(sizes[0]).toBeLessThanOrEqual(1800);
    expect(sizes[1]).toBeGreaterThanOrEqual(1100);
    expect(sizes[1]).toBeLessThanOrEqual(1500);
  });

  it('issues a leaf for an IP literal with an IP subjectAltName', async () => {
    const certificate = await leaf('149.154.167.51');
    expect(certificate.verify(intermediate.publicKey)).toBe(true);
    expect(certificate.checkIP('149.154.167.51')).toBe('149.154.167.51');
    expect(certificate.checkIP('149.154.167.91')).toBeUndefined();
  });

  it('caches leaves per name and kind', async () => {
    const first = await ca.certificateFor('t.me');
    expect(await ca.certificateFor('T.ME')).toBe(first);
    expect((await ca.certificateFor('t.me', 'expired')).cert).not.toBe(first.cert);
  });

  it('makes a self-signed leaf: right name, unknown authority', async () => {
    const certificate = await leaf('signal.org', 'self-signed');
    expect(certificate.checkHost('signal.org')).toBe('signal.org');
    expect(certificate.checkIssued(root)).toBe(false);
    expect(certificate.verify(root.publicKey)).toBe(false);
    expect(certificate.verify(intermediate.publicKey)).toBe(false);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it('makes a wrong-name leaf: the lab authority, another name', async () => {
    const certificate = await leaf('signal.org', 'wrong-name');
    expect(certificate.verify(intermediate.publicKey)).toBe(true);
    expect(certificate.checkHost('signal.org')).toBeUndefined();
    expect(certificate.checkHost(WRONG_NAME)).toBe(WRONG_NAME);
  });

  it('makes an expired leaf: the lab authority, the right name, validity in the past', async () => {
    const certificate = await leaf('signal.org', 'expired');
    expect(certificate.verify(intermediate.publicKey)).toBe(true);
    expect(certificate.checkHost('signal.org')).toBe('signal.org');
    expect(Date.parse(certificate.validTo)).toBeLessThan(Date.now());
    expect(Date.parse(certificate.validFrom)).toBeLessThan(Date.parse(certificate.validTo));
  });

  it('refuses identities that are neither a host name nor an IP, with a clear message', async () => {
    for (const bad of ['', 'a b.example', 'x,DNS:evil.example', '-leading.example', 'under_score.example']) {
      expect(() => subjectAltName(bad)).toThrow(/neither a host name nor an IP address/);
    }
    await expect(ca.certificateFor('x,DNS:evil.example')).rejects.toThrow(/neither a host name nor an IP address/);
    // A refused identity does not poison the CA for the next caller.
    expect((await leaf('ya.ru')).checkHost('ya.ru')).toBe('ya.ru');
  });
});

describe('a CA shared by the processes of one test run', () => {
  const withSharedDir = async (dir: string | undefined, work: () => Promise<void>) => {
    const before = process.env[SHARED_CA_ENV];
    if (dir === undefined) delete process.env[SHARED_CA_ENV];
    else process.env[SHARED_CA_ENV] = dir;
    try {
      await work();
    } finally {
      if (before === undefined) delete process.env[SHARED_CA_ENV];
      else process.env[SHARED_CA_ENV] = before;
    }
  };

  it('gives every process the same root, and a leaf one process issued to the next, byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blockwatch-shared-ca-test-'));
    try {
      await makeSharedLabCa(dir);
      await withSharedDir(dir, async () => {
        const first = await openLabCa();
        const second = await openLabCa();
        expect(second.certificatePem).toBe(first.certificatePem);
        expect(first.dir).not.toBe(dir);
        const issued = await first.certificateFor('web.telegram.org');
        expect(await readdir(join(dir, 'leaves'))).toEqual(['lab-web.telegram.org.pem']);
        expect((await second.certificateFor('web.telegram.org')).cert).toBe(issued.cert);
        const chain = chainOf(issued.cert);
        expect(chain[0]!.verify(chainOf(first.intermediatePem)[0]!.publicKey)).toBe(true);
        expect(chainOf(first.intermediatePem)[0]!.verify(new X509Certificate(first.certificatePem).publicKey)).toBe(true);
        // The wrong kinds still work through the shared authority.
        expect(Date.parse(new X509Certificate((await second.certificateFor('signal.org', 'expired')).cert).validTo)).toBeLessThan(Date.now());
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a directory that holds no finished CA, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'blockwatch-shared-ca-test-'));
    try {
      await withSharedDir(dir, async () => {
        await expect(openLabCa()).rejects.toThrow(new RegExp(`${SHARED_CA_ENV}=${dir} holds no finished CA`));
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
