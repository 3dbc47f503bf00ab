/**
 * Each behaviour server, seen by plain Node clients (node:net, node:tls, node:http(s)): it does
 * what it claims, on TLS and plain HTTP alike, counts its traffic, and closes cleanly.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/catalogue';
import { matchBlockpage } from '../../src/probe/blockpage';
import { labCa, WRONG_NAME, type LabCa } from './ca';
import { blockpageContent } from './blockpage-content';
import { exchange, handshake, rawExchange, watchBody, type Target } from './plain-clients';
import { startLabServer, type LabServer, type LabServerOptions } from './servers/lab-server';
import { DEFAULT_OBJECT_BYTES, objectBytes } from './servers/object-bytes';
import { REFUSED_PORT } from './servers/refuse';
import { STALL_AFTER_BYTES } from './servers/stall';
import { THROTTLE_BYTES_PER_SECOND, THROTTLE_CHUNK_BYTES } from './servers/throttle';

/** How long a test watches for something that must not happen (no answer, no more bytes), ms. Only a lower bound on patience: a slow machine cannot make these pass wrongly. */
const QUIET_WINDOW_MS = 400;
const HELLO_LIKE = 'GET / HTTP/1.1\r\nHost: web.whatsapp.com\r\n\r\n';

let ca: LabCa;
const servers: LabServer[] = [];

beforeAll(async () => {
  ca = await labCa();
});

afterEach(async () => {
  for (const server of servers) expect(server.errors()).toEqual([]);
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Omit<LabServerOptions, 'ca'>): Promise<LabServer> {
  const server = await startLabServer({ ca, ...options });
  servers.push(server);
  return server;
}

function https(server: LabServer, servername = 'web.whatsapp.com'): Target {
  return { port: server.port, servername, ca: ca.certificatePem, tls: true };
}

function http(server: LabServer, host = 'web.whatsapp.com'): Target {
  return { port: server.port, servername: host, tls: false };
}

describe('ok', () => {
  it('answers any method with 200 over TLS with a certificate valid for the name asked, and over plain HTTP on the same port', async () => {
    const server = await serve({ behaviour: 'ok' });
    for (const method of ['GET', 'HEAD', 'POST']) {
      const tlsAnswer = await exchange(https(server), { method, path: '/any/path?x=1', ...(method === 'POST' ? { body: 'payload' } : {}) });
      expect(tlsAnswer.status).toBe(200);
      const plainAnswer = await exchange(http(server), { method });
      expect(plainAnswer.status).toBe(200);
    }
    const page = await exchange(https(server, 'signal.org'));
    expect(page.body.toString()).toContain('signal.org works');
  });

  it('serves a deterministic object by path, and honours Range with 206', async () => {
    const server = await serve({ behaviour: 'ok' });
    const whole = await exchange(https(server), { path: '/__object/5000' });
    expect(whole.status).toBe(200);
    expect(whole.body.equals(objectBytes(0, 5000))).toBe(true);

    const ranged = await exchange(https(server), { path: '/__object/5000', headers: { range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe('bytes 100-199/5000');
    expect(ranged.body.equals(objectBytes(100, 200))).toBe(true);

    // Any GET with a Range is an object of the default size (throughput probes ask this way).
    const anyPath = await exchange(http(server), { path: '/desktop/Setup.exe', headers: { range: 'bytes=0-65535' } });
    expect(anyPath.status).toBe(206);
    expect(anyPath.headers['content-range']).toBe(`bytes 0-65535/${DEFAULT_OBJECT_BYTES}`);
    expect(anyPath.body.length).toBe(65536);

    const beyond = await exchange(https(server), { path: '/__object/5000', headers: { range: 'bytes=9000-' } });
    expect(beyond.status).toBe(416);
  });

  it('serves the default 512 KiB object whole', async () => {
    const server = await serve({ behaviour: 'ok' });
    const answer = await exchange(http(server), { path: '/__object' });
    expect(answer.body.length).toBe(DEFAULT_OBJECT_BYTES);
    expect(answer.body.equals(objectBytes(0, DEFAULT_OBJECT_BYTES))).toBe(true);
  });
});

describe('certificates', () => {
  it('a lab server presents a certificate that verifies against the lab CA for the host name asked', async () => {
    const server = await serve({ behaviour: 'ok' });
    const result = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem });
    expect(result).toMatchObject({ authorized: true });
    expect(result.certificate?.subjectaltname).toBe('DNS:web.whatsapp.com');
  });

  it('without SNI (an IP literal) it presents its identity, an IP address, which verifies for that IP', async () => {
    const server = await serve({ behaviour: 'ok', identity: '149.154.167.51' });
    const result = await handshake(server.port, { ca: ca.certificatePem, checkName: '149.154.167.51' });
    expect(result).toMatchObject({ authorized: true });
    expect(result.certificate?.subjectaltname).toBe('IP Address:149.154.167.51');
  });

  it('a name the server is not the home of gets its own identity: a name mismatch, as after a DNS lie', async () => {
    const server = await serve({ behaviour: 'blockpage', identity: '10.10.34.34', servesName: () => false });
    const result = await handshake(server.port, { servername: 'www.instagram.com', ca: ca.certificatePem });
    expect(result.authorized).toBe(false);
    expect(result.verifyError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it.each([
    ['wrong-cert:self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['wrong-cert:wrong-name', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['wrong-cert:expired', 'CERT_HAS_EXPIRED'],
  ] as const)('%s fails verification with %s', async (behaviour, code) => {
    const server = await serve({ behaviour });
    const result = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem });
    expect(result.authorized).toBe(false);
    expect(result.verifyError).toBe(code);
  });

  it('behind a wrong certificate the site still works, for a client that accepts it anyway', async () => {
    const server = await serve({ behaviour: 'wrong-cert:wrong-name' });
    const answer = await exchange({ ...https(server), rejectUnauthorized: false });
    expect(answer.status).toBe(200);
    const result = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem, checkName: WRONG_NAME });
    expect(result.authorized).toBe(true);
  });

  it('the tls option sets the certificate of a server whose behaviour is not a wrong-cert one', async () => {
    const server = await serve({ behaviour: 'ok', tls: 'expired' });
    const result = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem });
    expect(result.verifyError).toBe('CERT_HAS_EXPIRED');
  });
});

describe('after the hello', () => {
  it('reset-after-hello sends a real RST: a TLS client and a plain one both get ECONNRESET', async () => {
    const server = await serve({ behaviour: 'reset-after-hello' });
    const tlsResult = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem });
    expect(tlsResult.errorCode).toBe('ECONNRESET');
    expect(tlsResult.errorMessage).not.toMatch(/disconnected before secure TLS/);
    const raw = await rawExchange(server.port, HELLO_LIKE, QUIET_WINDOW_MS);
    expect(raw).toMatchObject({ errorCode: 'ECONNRESET', received: 0, ended: false });
  });

  it('close-after-hello ends with a FIN, not a reset', async () => {
    const server = await serve({ behaviour: 'close-after-hello' });
    const raw = await rawExchange(server.port, HELLO_LIKE, QUIET_WINDOW_MS);
    expect(raw).toMatchObject({ ended: true, received: 0 });
    expect(raw.errorCode).toBeUndefined();
    const tlsResult = await handshake(server.port, { servername: 'web.whatsapp.com', ca: ca.certificatePem });
    // Node names a FIN during the handshake ECONNRESET, with its own message.
    expect(tlsResult.errorMessage).toMatch(/disconnected before secure TLS connection was established/);
  });

  it('silence-after-hello reads what is sent and never answers, keeping the connection open', async () => {
    const server = await serve({ behaviour: 'silence-after-hello' });
    const raw = await rawExchange(server.port, HELLO_LIKE, QUIET_WINDOW_MS);
    expect(raw).toEqual({ received: 0, ended: false, open: true });
    expect(server.traffic()).toMatchObject({ connections: 1, bytesRead: Buffer.byteLength(HELLO_LIKE), bytesWritten: 0 });
  });
});

describe('blockpage', () => {
  const content = blockpageContent(CATALOGUE.blockpages);

  it('serves a Russian blockpage that the catalogue recognises as its first RU body fingerprint', async () => {
    const server = await serve({ behaviour: 'blockpage', blockpage: content });
    const answer = await exchange(http(server, 't.me'), { path: '/durov' });
    expect(answer.status).toBe(200);
    const body = answer.body.toString('utf8');
    expect(body).toContain('<title>Доступ ограничен</title>');
    const firstRuMarker = CATALOGUE.blockpages.find((fp) => fp.country === 'RU' && fp.bodyIncludes);
    expect(body).toContain(firstRuMarker?.bodyIncludes);
    // The probe's own matcher names that fingerprint, and no earlier one.
    expect(matchBlockpage({ finalUrl: 'http://t.me/durov', body }, CATALOGUE.blockpages)).toBe(firstRuMarker?.id);
  });

  it('the redirect variant sends a 302 to the host of the first RU redirect fingerprint, naming the blocked URL', async () => {
    const server = await serve({ behaviour: 'blockpage-redirect', blockpage: content });
    const answer = await exchange(https(server, 'signal.org'), { path: '/download/' });
    expect(answer.status).toBe(302);
    const location = new URL(String(answer.headers.location));
    const firstRuHost = CATALOGUE.blockpages.find((fp) => fp.country === 'RU' && fp.host);
    expect(location.hostname).toBe(firstRuHost?.host);
    expect(location.searchParams.get('rs')).toBe('https://signal.org/download/');
    expect(matchBlockpage({ finalUrl: location.href }, CATALOGUE.blockpages)).toBe(firstRuHost?.id);
  });

  it('says plainly, in a 500, when the catalogue cannot describe a blockpage', async () => {
    const missing = (() => {
      try {
        blockpageContent([]);
        return new Error('an empty fingerprint list made a blockpage');
      } catch (error) {
        return error as Error;
      }
    })();
    expect(missing.message).toMatch(/need at least one with bodyIncludes and one with host/);
    const server = await serve({ behaviour: 'blockpage-redirect', blockpage: missing });
    const answer = await exchange(http(server));
    expect(answer.status).toBe(500);
    expect(answer.body.toString()).toContain(missing.message);
  });
});

describe('stall', () => {
  it('delivers the headers and exactly 16 KiB of body, then nothing, with the connection kept open', async () => {
    const server = await serve({ behaviour: 'stall' });
    // Wait until the 16 KiB are in, then watch a quiet window for more.
    const watched = await watchBody(https(server), '/', QUIET_WINDOW_MS, { afterBytes: STALL_AFTER_BYTES });
    expect(watched.status).toBe(200);
    expect(Number(watched.headers['content-length'])).toBeGreaterThan(STALL_AFTER_BYTES);
    expect(watched.bytes).toBe(STALL_AFTER_BYTES);
    expect(watched.ended).toBe(false);
    expect(watched.open).toBe(true);
  });

  it('a Range request on an object stalls the same way', async () => {
    const server = await serve({ behaviour: 'stall' });
    const watched = await watchBody(http(server), '/big.bin', QUIET_WINDOW_MS, { headers: { range: 'bytes=0-65535' }, afterBytes: STALL_AFTER_BYTES });
    expect(watched.status).toBe(206);
    expect(watched.bytes).toBe(STALL_AFTER_BYTES);
    expect(watched.ended).toBe(false);
  });

  it('a HEAD passes whole: a freeze after 16 KiB never touches a bodiless answer', async () => {
    const server = await serve({ behaviour: 'stall' });
    const answer = await exchange(https(server), { method: 'HEAD' });
    expect(answer.status).toBe(200);
  });
});

describe('throttle', () => {
  it('paces the body at no more than 128 kbit/s', async () => {
    const server = await serve({ behaviour: 'throttle' });
    const windowMs = 1_500;
    const watched = await watchBody(https(server), '/__object', windowMs);
    expect(watched.status).toBe(200);
    expect(watched.ended).toBe(false);
    expect(watched.bytes).toBeGreaterThan(0);
    // The pacer can only fall behind on a busy machine, never run ahead: at most the nominal
    // rate over the watched time plus the two chunks its bucket may hold; asserted within a 2x band.
    const ceiling = 2 * ((THROTTLE_BYTES_PER_SECOND * watched.elapsedMs) / 1000 + 2 * THROTTLE_CHUNK_BYTES);
    expect(watched.bytes).toBeLessThanOrEqual(ceiling);
  });

  it('delivers a small answer whole and intact', async () => {
    const server = await serve({ behaviour: 'throttle' });
    const answer = await exchange(http(server), { path: '/__object/3000' });
    expect(answer.body.equals(objectBytes(0, 3000))).toBe(true);
  });
});

describe('error-5xx', () => {
  it('answers 503 to everything: the service is down, but it answered', async () => {
    const server = await serve({ behaviour: 'error-5xx' });
    const answer = await exchange(https(server), { method: 'POST', body: 'x' });
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBeDefined();
    const plain = await exchange(http(server), { method: 'HEAD' });
    expect(plain.status).toBe(503);
  });
});

describe('refuse and blackhole', () => {
  it('the refused port is closed: a connection there is refused at once', async () => {
    const raw = await rawExchange(REFUSED_PORT, HELLO_LIKE, QUIET_WINDOW_MS);
    expect(raw.errorCode).toBe('ECONNREFUSED');
  });

  it('no server plays a network behaviour', async () => {
    await expect(startLabServer({ ca, behaviour: 'refuse' })).rejects.toThrow(/done by the network/);
    await expect(startLabServer({ ca, behaviour: 'blackhole' })).rejects.toThrow(/done by the network/);
  });
});

describe('traffic and closing', () => {
  it('counts connections and bytes both ways, TLS records included', async () => {
    const server = await serve({ behaviour: 'ok' });
    await exchange(http(server), { path: '/__object/10000' });
    const plain = server.traffic();
    expect(plain.connections).toBe(1);
    expect(plain.bytesWritten).toBeGreaterThan(10_000);
    expect(plain.bytesRead).toBeGreaterThan(0);

    await exchange(https(server), { path: '/__object/10000' });
    const both = server.traffic();
    expect(both.connections).toBe(2);
    // The certificate and handshake come on top of the same body and headers.
    expect(both.bytesWritten - plain.bytesWritten).toBeGreaterThan(plain.bytesWritten);

    server.resetTraffic();
    expect(server.traffic()).toEqual({ connections: 0, bytesRead: 0, bytesWritten: 0 });
  });

  it('counts the bytes of a connection that is still open', async () => {
    const server = await serve({ behaviour: 'stall' });
    // A client that holds the stalled connection open while the count is read.
    const counted = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: server.port, path: '/', agent: false }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes < STALL_AFTER_BYTES) return;
          const written = server.traffic().bytesWritten;
          request.destroy();
          resolve(written);
        });
      });
      request.on('error', reject);
      request.end();
    });
    expect(counted).toBeGreaterThan(STALL_AFTER_BYTES);
  });

  it('close() ends open connections and returns', async () => {
    const server = await startLabServer({ ca, behaviour: 'silence-after-hello' });
    const pending = rawExchange(server.port, HELLO_LIKE, 10_000);
    // Let the connection arrive before closing.
    while (server.traffic().connections === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await server.close();
    const outcome = await pending;
    expect(outcome.open).toBe(false);
  });
});
