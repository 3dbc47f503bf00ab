/**
 * The lab's certificate authority, made with the `openssl` CLI in a temp dir: a root, an
 * intermediate under it, and leaf certificates on demand (issued by the intermediate) for any
 * host name or IP the lab serves, plus the three kinds of wrong
 * certificate a censor's middlebox (or a lie to a blockpage server) shows: self-signed (unknown
 * authority), signed by the lab CA but for another name, and expired.
 *
 * Chains are of real size, so that the bytes the lab counts are what a real server's handshake
 * costs: an ECDSA P-256 leaf with what a public leaf carries (a certificate policy, and an opaque
 * extension the size of a two-SCT list and its AIA and CRL URLs), signed by an RSA-2048
 * intermediate that the server sends with it (`cert` is leaf + intermediate, as real hosts send;
 * the root is never sent). Public leaves of this kind are 1.1–1.8 KB and public intermediates
 * 1.1–1.5 KB (e.g. Let's Encrypt's R10/R11, https://letsencrypt.org/certificates/); ca.test.ts
 * pins the lab's within those ranges.
 *
 * One CA per process, created on first use and removed when the process exits (or by the next
 * process, if this one was killed); or, when a test runner made one for its whole run
 * (SHARED_CA_ENV), that one, with the leaves every process of the run issued kept on disk. Leaves
 * are cached per name and kind. Clients trust `certificatePem` (Node: `NodeNetwork.ca`; Chromium: an NSS
 * database built from `certificatePath`).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Which certificate a server presents. */
export type CertKind = 'lab' | 'self-signed' | 'wrong-name' | 'expired';
export const CERT_KINDS: readonly CertKind[] = ['lab', 'self-signed', 'wrong-name', 'expired'];

/** The one name a `wrong-name` certificate is for: a name no lab client ever asks for (`.test` is reserved, RFC 2606). */
export const WRONG_NAME = 'not-the-host-you-asked-for.blockwatch-lab.test';

/** Validity of the root and of good leaves, days. Short: the CA lives one test run; Chromium caps leaves at 398 days. */
const ROOT_DAYS = 30;
const LEAF_DAYS = 30;
/** An expired leaf was valid from 60 to 30 days ago: plainly in the past for any clock skew a test machine has. */
const EXPIRED_FROM_DAYS_AGO = 60;
const EXPIRED_UNTIL_DAYS_AGO = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The intermediate's key: RSA-2048, as most public intermediates (e.g. Let's Encrypt R10/R11). */
const RSA_BITS = 2048;

export interface KeyAndCertificate {
  /** PEM private key. */
  readonly key: string;
  /** PEM certificate chain as the server sends it: the leaf first, then the intermediate (a self-signed leaf alone). */
  readonly cert: string;
}

export interface LabCa {
  /** This process's temp dir (removed when it exits): the CA's files too, unless the run shares one. */
  readonly dir: string;
  /** The root certificate, PEM: what a lab client trusts. */
  readonly certificatePem: string;
  readonly certificatePath: string;
  /** The intermediate certificate, PEM (sent by servers after the leaf; never trusted by itself). */
  readonly intermediatePem: string;
  /**
   * A certificate for `identity` (a host name or an IP address) of the given kind. `wrong-name`
   * ignores the identity and names WRONG_NAME; `self-signed` is signed by its own key.
   */
  certificateFor(identity: string, kind?: CertKind): Promise<KeyAndCertificate>;
}

/** Bytes of the leaf's stand-in extension: two SCTs as public leaves carry (≈ 120 bytes each, RFC 6962 §3.2) plus its AIA and CRL URLs (≈ 150). */
const SCT_STANDIN_BYTES = 390;
/** Bytes an RSA-4096 root's signature adds to an intermediate over the lab root's ECDSA one (512 − ~72), plus its AIA and CRL URLs (≈ 90). The lab root stays EC: an RSA-4096 key takes seconds to make in every test process. */
const ROOT_SIGNATURE_STANDIN_BYTES = 530;

/** A minimal config, so nothing depends on the machine's openssl.cnf (whose defaults add CA:TRUE to every `req -x509`). */
const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
[dn]
[root]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, digitalSignature, keyCertSign, cRLSign
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.23.140.1.2.1
# Stands in for the authority-information and CRL URLs of a public intermediate (≈ 90 bytes; real
# URLs would send Chromium to fetch them, out of the lab) and for the difference between the lab root's ECDSA signature (~72 bytes) and the RSA-4096
# signature public roots put on their intermediates (512 bytes): a private OID, read by no client.
1.3.6.1.4.1.55555.2 = DER:0482${(ROOT_SIGNATURE_STANDIN_BYTES - 4).toString(16).padStart(4, '0')}${'00'.repeat(ROOT_SIGNATURE_STANDIN_BYTES - 4)}
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
certificatePolicies = 2.23.140.1.2.1
# Stands in for the signed certificate timestamps a public leaf carries (two SCTs ≈ 240 bytes) and
# for its OCSP, CA-issuer and CRL URLs (≈ 150 bytes; real URLs would send Chromium to fetch them,
# out of the lab): a private OID, so no client reads it as anything.
1.3.6.1.4.1.55555.1 = DER:0482${(SCT_STANDIN_BYTES - 4).toString(16).padStart(4, '0')}${'00'.repeat(SCT_STANDIN_BYTES - 4)}
[self]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
[ca]
default_ca = lab
[lab]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
`;

/** The CA's dir is named after its process, so a run killed before its exit handler ran is swept up by the next. */
const DIR_PREFIX = 'blockwatch-lab-ca-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it is just not ours.
    return (error as { code?: string }).code === 'EPERM';
  }
}

function sweepStaleDirs(): void {
  for (const entry of readdirSync(tmpdir())) {
    // `<pid>` (a process's own CA) or `<pid>-shared` (a runner's, for its children).
    const pid = Number.parseInt(entry.slice(DIR_PREFIX.length), 10);
    if (!entry.startsWith(DIR_PREFIX) || !Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  }
}

function openssl(dir: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('openssl', [...args], { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`lab CA: openssl ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Host names the lab certifies: lower-case DNS labels. Anything else would be pasted into openssl's arguments. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The subjectAltName entry for an identity; throws a clear error for anything that is neither a name nor an IP. */
export function subjectAltName(identity: string): string {
  const value = identity.toLowerCase();
  if (isIP(value) !== 0) return `IP:${value}`;
  if (HOST_NAME.test(value)) return `DNS:${value}`;
  throw new Error(`lab CA: "${identity}" is neither a host name nor an IP address`);
}

/** openssl ca's date form, YYYYMMDDHHMMSSZ. */
function asn1Time(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Names a directory holding one CA for a whole test run (made once by `makeSharedLabCa`), so each
 * process of the run (a scenario file, a vitest worker) neither makes an authority of its own (an
 * RSA-2048 key and five openssl calls) nor issues the leaves another process has already issued:
 * on 2 cores that was ~3 s and ~5 CPU-seconds per process. Unset, each process makes its own.
 */
export const SHARED_CA_ENV = 'BLOCKWATCH_LAB_CA_DIR';
/** Written last by `makeSharedLabCa`: a directory without it holds no finished CA. */
const SHARED_CA_READY = 'ready';
const SHARED_LEAVES = 'leaves';

/** The root, the intermediate and the one leaf key, made in `dir`. */
async function makeAuthority(dir: string): Promise<void> {
  await writeFile(join(dir, 'openssl.cnf'), OPENSSL_CONFIG);
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key']);
  await openssl(dir, [
    'req', '-x509', '-new', '-config', 'openssl.cnf', '-extensions', 'root', '-key', 'ca.key',
    '-subj', '/O=Blockwatch lab/CN=Blockwatch Lab Root CA', '-days', String(ROOT_DAYS), '-out', 'ca.pem',
  ]);
  // The intermediate that issues every leaf, sent by servers after the leaf as real hosts do.
  await openssl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${RSA_BITS}`, '-out', 'intermediate.key']);
  await openssl(dir, [
    'req', '-x509', '-new', '-config', 'openssl.cnf', '-extensions', 'intermediate', '-key', 'intermediate.key',
    '-CA', 'ca.pem', '-CAkey', 'ca.key', '-subj', '/C=XX/O=Blockwatch lab/CN=Blockwatch Lab R11', '-days', String(ROOT_DAYS), '-out', 'intermediate.pem',
  ]);
  // One key for every leaf: the lab tests names, authorities and dates, not key distinctness, and
  // reusing it keeps a new leaf at one openssl call.
  // ECDSA P-256, as the large operators' leaves are: signing is cheap, so dozens of handshakes at
  // once in one test process stay quick (an RSA leaf costs the server ~30× the CPU per handshake).
  await openssl(dir, ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'leaf.key']);
}

/**
 * Makes a CA in `dir` (emptied first) for every process started with SHARED_CA_ENV=dir. The test
 * runners call it once per run; the directory is theirs to remove.
 */
export async function makeSharedLabCa(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, SHARED_LEAVES), { recursive: true, mode: 0o700 });
  await makeAuthority(dir);
  await writeFile(join(dir, SHARED_CA_READY), '');
}

/**
 * For a runner that starts many lab processes: makes one CA for them all and names it in this
 * process's environment, which its children inherit; removed when this process exits. Nothing
 * when a runner above already did.
 */
export async function shareLabCaWithChildren(): Promise<void> {
  if (process.env[SHARED_CA_ENV]) return;
  const dir = join(tmpdir(), `${DIR_PREFIX}${process.pid}-shared`);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await makeSharedLabCa(dir);
  process.env[SHARED_CA_ENV] = dir;
}

/** The shared CA's directory named by SHARED_CA_ENV, or undefined; throws if it names one with no finished CA. */
function sharedCaDir(): string | undefined {
  const dir = process.env[SHARED_CA_ENV];
  if (!dir) return undefined;
  if (!existsSync(join(dir, SHARED_CA_READY))) throw new Error(`lab CA: ${SHARED_CA_ENV}=${dir} holds no finished CA (made by makeSharedLabCa)`);
  return dir;
}

/** A leaf issued by another process of the run, or made now and kept for the next (written whole, then renamed into place). */
async function sharedLeaf(dir: string, kind: CertKind, name: string, issue: () => Promise<string>): Promise<string> {
  const path = join(dir, SHARED_LEAVES, `${kind}-${name}.pem`);
  try {
    return await readFile(path, 'utf8');
  } catch {
    const pem = await issue();
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, pem);
    await rename(partial, path);
    return pem;
  }
}

async function createCa(): Promise<LabCa> {
  sweepStaleDirs();
  const shared = sharedCaDir();
  // This process's own dir: the authority's files when there is no shared one, and always the
  // state `openssl ca` keeps (serial, index) and its requests.
  const dir = join(tmpdir(), `${DIR_PREFIX}${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { mode: 0o700 });
  // Keys and certificates are test material, but leave nothing behind (test runners may kill
  // their workers without an exit event: the sweep above catches those).
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

  await writeFile(join(dir, 'openssl.cnf'), OPENSSL_CONFIG);
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  const authority = shared ?? dir;
  if (!shared) await makeAuthority(dir);
  const authorityFile = (name: string) => join(authority, name);
  const certificatePem = await readFile(authorityFile('ca.pem'), 'utf8');
  const intermediatePem = await readFile(authorityFile('intermediate.pem'), 'utf8');
  const leafKey = await readFile(authorityFile('leaf.key'), 'utf8');

  const cache = new Map<string, Promise<KeyAndCertificate>>();
  // `openssl ca` (expired leaves) keeps a serial file and an index: one call at a time. `req -x509`
  // leaves are independent (random serials) and run side by side, a few at once, so a round that
  // meets dozens of new names at once is not held up behind one queue.
  let queue: Promise<unknown> = Promise.resolve();
  let counter = 0;
  const PARALLEL_ISSUES = 6;
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const slot = async <T>(work: () => Promise<T>): Promise<T> => {
    if (inFlight >= PARALLEL_ISSUES) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
      waiting.shift()?.();
    }
  };

  const issue = async (identity: string, kind: CertKind): Promise<string> => {
    const san = subjectAltName(identity);
    const subject = `/CN=${identity.toLowerCase()}`;
    const file = `leaf-${(counter += 1)}`;
    switch (kind) {
      case 'lab':
      case 'wrong-name':
        return openssl(dir, [
          'req', '-x509', '-new', '-config', 'openssl.cnf', '-extensions', 'leaf', '-key', authorityFile('leaf.key'),
          '-CA', authorityFile('intermediate.pem'), '-CAkey', authorityFile('intermediate.key'), '-subj', subject, '-addext', `subjectAltName=${san}`,
          '-days', String(LEAF_DAYS),
        ]).then((leaf) => leaf + intermediatePem);
      case 'self-signed':
        return openssl(dir, [
          'req', '-x509', '-new', '-config', 'openssl.cnf', '-extensions', 'self', '-key', authorityFile('leaf.key'),
          '-subj', subject, '-addext', `subjectAltName=${san}`, '-days', String(LEAF_DAYS),
        ]);
      case 'expired': {
        // `req -x509` cannot backdate; `openssl ca` can.
        await openssl(dir, [
          'req', '-new', '-config', 'openssl.cnf', '-key', authorityFile('leaf.key'), '-subj', subject,
          '-addext', `subjectAltName=${san}`, '-out', `${file}.csr`,
        ]);
        const now = Date.now();
        return openssl(dir, [
          'ca', '-batch', '-config', 'openssl.cnf', '-extensions', 'leaf', '-cert', authorityFile('intermediate.pem'), '-keyfile', authorityFile('intermediate.key'),
          '-in', `${file}.csr`, '-notext',
          '-startdate', asn1Time(now - EXPIRED_FROM_DAYS_AGO * DAY_MS),
          '-enddate', asn1Time(now - EXPIRED_UNTIL_DAYS_AGO * DAY_MS),
        ]).then((leaf) => leaf + intermediatePem);
      }
    }
  };

  return {
    dir,
    certificatePem,
    certificatePath: authorityFile('ca.pem'),
    intermediatePem,
    certificateFor(identity, kind = 'lab') {
      const name = kind === 'wrong-name' ? WRONG_NAME : identity.toLowerCase();
      const key = `${kind} ${name}`;
      let entry = cache.get(key);
      if (!entry) {
        let run: Promise<string>;
        const issueOnce = () => (shared ? sharedLeaf(shared, kind, name, () => issue(name, kind)) : issue(name, kind));
        if (kind === 'expired') {
          run = queue.then(issueOnce);
          queue = run.catch(() => undefined);
        } else run = slot(issueOnce);
        entry = run.then((cert) => ({ key: leafKey, cert }));
        // A failed issue is not cached: the next call tries again and reports afresh.
        entry.catch(() => cache.delete(key));
        cache.set(key, entry);
      }
      return entry;
    },
  };
}

/** A lab CA of its own (or the run's shared one, under a new working dir): `labCa` is the one to use. */
export function openLabCa(): Promise<LabCa> {
  return createCa();
}

let shared: Promise<LabCa> | undefined;

/** The process's lab CA (created on first call). */
export function labCa(): Promise<LabCa> {
  shared ??= createCa();
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}
