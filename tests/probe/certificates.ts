/**
 * Throwaway certificates for the Node transport tests, made with the `openssl` CLI in a temp dir:
 * a test CA, a good leaf for `lab.test` (and the IP 203.0.113.7), and three wrong ones —
 * self-signed, CA-signed for another name, CA-signed but expired.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  readonly key: string;
  readonly cert: string;
}

export interface TestCertificates {
  readonly caPem: string;
  readonly good: KeyPair;
  readonly selfSigned: KeyPair;
  readonly wrongName: KeyPair;
  readonly expired: KeyPair;
  remove(): void;
}

export const GOOD_HOST = 'lab.test';
export const GOOD_IP = '203.0.113.7';

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'bw-probe-certs-'));
  const path = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Blockwatch probe test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');

  writeFileSync(path('index.txt'), '');
  writeFileSync(path('serial'), '1000\n');
  writeFileSync(
    path('ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = anything',
      'copy_extensions = copy',
      'unique_subject = no',
      '[anything]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );

  /** A leaf signed by the test CA, valid between the two dates (YYYYMMDDHHMMSSZ). */
  const signed = (name: string, san: string, start: string, end: string): KeyPair => {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${san}`);
    openssl('ca', '-batch', '-notext', '-config', 'ca.cnf', '-in', `${name}.csr`, '-out', `${name}.pem`, '-startdate', start, '-enddate', end);
    return { key: readFileSync(path(`${name}.key`), 'utf8'), cert: readFileSync(path(`${name}.pem`), 'utf8') };
  };
  const stamp = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

  const good = signed('good', `DNS:${GOOD_HOST},IP:${GOOD_IP}`, stamp(-1), stamp(2));
  const wrongName = signed('wrong-name', 'DNS:other.test', stamp(-1), stamp(2));
  const expired = signed('expired', `DNS:${GOOD_HOST}`, stamp(-30), stamp(-2));
  openssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', `/CN=${GOOD_HOST}`,
    '-addext', `subjectAltName=DNS:${GOOD_HOST}`);
  const selfSigned = { key: readFileSync(path('self.key'), 'utf8'), cert: readFileSync(path('self.pem'), 'utf8') };

  return {
    caPem: readFileSync(path('ca.pem'), 'utf8'),
    good,
    selfSigned,
    wrongName,
    expired,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
