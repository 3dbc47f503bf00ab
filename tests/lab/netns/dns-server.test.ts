import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DNS_RCODE, DNS_TYPE, encodeDnsQuery } from './dns-message';
import { startDnsServer, type DnsDecision, type DnsServer } from './dns-server';

// The real server on 127.0.0.1 with a free port, asked by Node's own resolver (a second,
// independent DNS implementation) and by raw datagrams where the wire matters (the SOA).
// What it answers comes from `decisions`, which a test changes while the server runs, as the
// lab's scenarios do.

let server: DnsServer;
let decisions: Map<string, DnsDecision>;
let asked: string[];

beforeEach(async () => {
  decisions = new Map<string, DnsDecision>([
    ['web.whatsapp.com', { address: '45.67.0.10' }],
    ['t.me', { address: '45.67.0.11' }],
  ]);
  asked = [];
  server = await startDnsServer({
    address: '127.0.0.1',
    port: 0,
    decide(name) {
      asked.push(name);
      if (name === 'explodes.example') throw new Error('no decision for this name');
      return decisions.get(name) ?? 'nxdomain';
    },
  });
});

afterEach(async () => {
  await server.close();
});

/** A resolver that asks only the lab server, once, and gives up quickly on silence. */
function resolver(): Resolver {
  const result = new Resolver({ timeout: 300, tries: 1 });
  result.setServers([`127.0.0.1:${server.port}`]);
  return result;
}

interface RawAnswer {
  readonly rcode: number;
  readonly answerCount: number;
  readonly authorityCount: number;
  readonly id: number;
}

/** Sends one raw query and reads the response header. */
function askRaw(name: string, type: number, id = 0x1234): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('message', (message) => {
      socket.close();
      resolve({
        id: message.readUInt16BE(0),
        rcode: message.readUInt16BE(2) & 0x0f,
        answerCount: message.readUInt16BE(6),
        authorityCount: message.readUInt16BE(8),
      });
    });
    socket.once('error', reject);
    socket.send(encodeDnsQuery(id, name, type), server.port, '127.0.0.1');
  });
}

async function errorCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe('lab DNS server', () => {
  it('answers A queries with the decided address, asking about the name in lower case', async () => {
    expect(await resolver().resolve4('web.whatsapp.com')).toEqual(['45.67.0.10']);
    expect(await resolver().resolve4('WEB.WhatsApp.COM')).toEqual(['45.67.0.10']);
    expect(asked).toEqual(['web.whatsapp.com', 'web.whatsapp.com']);
  });

  it('answers other types with an empty NOERROR that carries an SOA', async () => {
    expect(await errorCode(resolver().resolve6('web.whatsapp.com'))).toBe('ENODATA');
    const raw = await askRaw('web.whatsapp.com', DNS_TYPE.HTTPS);
    expect(raw).toMatchObject({ rcode: DNS_RCODE.NOERROR, answerCount: 0, authorityCount: 1, id: 0x1234 });
  });

  it('says NXDOMAIN with an SOA for a name decided nxdomain, so a browser takes it as final', async () => {
    decisions.set('web.whatsapp.com', 'nxdomain');
    expect(await errorCode(resolver().resolve4('web.whatsapp.com'))).toBe('ENOTFOUND');
    const raw = await askRaw('web.whatsapp.com', DNS_TYPE.A);
    expect(raw).toMatchObject({ rcode: DNS_RCODE.NXDOMAIN, answerCount: 0, authorityCount: 1 });
    // Other names are not affected.
    expect(await resolver().resolve4('t.me')).toEqual(['45.67.0.11']);
  });

  it('answers whatever address it is told, such as a lie to the blockpage address', async () => {
    decisions.set('t.me', { address: '10.10.34.34' });
    expect(await resolver().resolve4('t.me')).toEqual(['10.10.34.34']);
    expect(server.queries()[0]).toMatchObject({ name: 't.me', outcome: 'answer', address: '10.10.34.34' });
  });

  it('fails with SERVFAIL or REFUSED when told to', async () => {
    decisions.set('t.me', 'servfail');
    expect(await errorCode(resolver().resolve4('t.me'))).toBe('ESERVFAIL');
    decisions.set('t.me', 'refused');
    expect(await errorCode(resolver().resolve4('t.me'))).toBe('EREFUSED');
  });

  it('stays silent for a name decided silent, and still logs the query', async () => {
    decisions.set('t.me', 'silent');
    expect(await errorCode(resolver().resolve4('t.me'))).toBe('ETIMEOUT');
    expect(server.queryCount('t.me')).toBe(1);
    expect(server.queries()[0]).toMatchObject({ name: 't.me', type: DNS_TYPE.A, outcome: 'silent' });
  });

  it('decides afresh for every query, so a change shows on the next one', async () => {
    decisions.set('t.me', 'nxdomain');
    expect(await errorCode(resolver().resolve4('t.me'))).toBe('ENOTFOUND');
    decisions.set('t.me', { address: '45.67.0.99' });
    expect(await resolver().resolve4('t.me')).toEqual(['45.67.0.99']);
  });

  it('answers SERVFAIL when deciding fails, keeps the error, and goes on serving', async () => {
    expect(await errorCode(resolver().resolve4('explodes.example'))).toBe('ESERVFAIL');
    expect(server.errors().map((error) => error.message)).toEqual(['no decision for this name']);
    expect(await resolver().resolve4('t.me')).toEqual(['45.67.0.11']);
  });

  it('counts queries per name, and a garbage datagram neither counts nor stops it', async () => {
    await resolver().resolve4('t.me');
    await askRaw('t.me', DNS_TYPE.AAAA);
    const garbage = createSocket('udp4');
    await new Promise<void>((resolve) => garbage.send(Uint8Array.of(1, 2, 3), server.port, '127.0.0.1', () => resolve()));
    garbage.close();
    expect(await resolver().resolve4('web.whatsapp.com')).toEqual(['45.67.0.10']);
    expect(server.queryCount('t.me')).toBe(2);
    expect(server.queryCount()).toBe(3);
    expect(server.malformedCount()).toBe(1);
    server.clearLog();
    expect(server.queryCount()).toBe(0);
  });
});
