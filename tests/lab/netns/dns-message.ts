/**
 * The DNS wire format (RFC 1035), as much of it as the lab's DNS server needs: read a query's
 * id, flags and questions; write an answer with A records and, for negative answers, an SOA in the
 * authority section. Chromium's own resolver treats NXDOMAIN or an empty answer as final only
 * when that SOA is there (otherwise it falls back to the system resolver and asks again).
 */

export const DNS_TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, AAAA: 28, OPT: 41, HTTPS: 65 } as const;
export const DNS_CLASS_IN = 1;

export const DNS_RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
export type DnsRcode = (typeof DNS_RCODE)[keyof typeof DNS_RCODE];

const HEADER_BYTES = 12;
/** Longest name on the wire (RFC 1035 §2.3.4), bytes. */
const MAX_NAME_BYTES = 255;
/** A name with more compression jumps than this is a loop, not a name. */
const MAX_POINTER_JUMPS = 32;

const FLAG_QR = 0x8000;
const FLAG_AA = 0x0400;
const FLAG_RD = 0x0100;
const FLAG_RA = 0x0080;
const OPCODE_MASK = 0x7800;

export interface DnsQuestion {
  /** As asked (case kept, so the answer echoes it); no trailing dot. */
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export interface DnsQuery {
  readonly id: number;
  readonly flags: number;
  readonly questions: readonly DnsQuestion[];
}

export class DnsFormatError extends Error {
  override readonly name = 'DnsFormatError';
}

/** Reads a query. Throws DnsFormatError on anything that is not a well-formed query. */
export function parseDnsQuery(message: Uint8Array): DnsQuery {
  if (message.length < HEADER_BYTES) throw new DnsFormatError(`message of ${message.length} bytes is shorter than a DNS header`);
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const id = view.getUint16(0);
  const flags = view.getUint16(2);
  if (flags & FLAG_QR) throw new DnsFormatError('message is a response, not a query');
  const questionCount = view.getUint16(4);
  const questions: DnsQuestion[] = [];
  let offset = HEADER_BYTES;
  for (let i = 0; i < questionCount; i++) {
    const { name, next } = readName(view, offset);
    if (next + 4 > message.length) throw new DnsFormatError('question ends before its type and class');
    questions.push({ name, type: view.getUint16(next), class: view.getUint16(next + 2) });
    offset = next + 4;
  }
  // Answer, authority and additional sections (an EDNS OPT record) are not needed to answer.
  return { id, flags, questions };
}

function readName(view: DataView, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let offset = start;
  let next = -1;
  let jumps = 0;
  let bytes = 0;
  for (;;) {
    if (offset >= view.byteLength) throw new DnsFormatError('name runs past the end of the message');
    const length = view.getUint8(offset);
    if ((length & 0xc0) === 0xc0) {
      if (offset + 1 >= view.byteLength) throw new DnsFormatError('compression pointer cut short');
      if (++jumps > MAX_POINTER_JUMPS) throw new DnsFormatError('compression pointers loop');
      if (next < 0) next = offset + 2;
      offset = view.getUint16(offset) & 0x3fff;
      continue;
    }
    if (length & 0xc0) throw new DnsFormatError(`unknown label type 0x${length.toString(16)}`);
    if (length === 0) break;
    if (offset + 1 + length > view.byteLength) throw new DnsFormatError('label runs past the end of the message');
    bytes += length + 1;
    if (bytes > MAX_NAME_BYTES) throw new DnsFormatError('name longer than 255 bytes');
    labels.push(new TextDecoder().decode(new Uint8Array(view.buffer, view.byteOffset + offset + 1, length)));
    offset += 1 + length;
  }
  return { name: labels.join('.'), next: next >= 0 ? next : offset + 1 };
}

export interface DnsAnswerRecord {
  readonly name: string;
  /** IPv4 address of an A record. */
  readonly address: string;
  /** Seconds. */
  readonly ttl: number;
}

export interface DnsSoa {
  /** The zone the SOA is for; its minimum field is the negative-caching time. */
  readonly zone: string;
  /** Seconds a resolver may cache the negative answer. */
  readonly negativeTtl: number;
}

export interface DnsResponse {
  readonly query: DnsQuery;
  readonly rcode: DnsRcode;
  readonly answers?: readonly DnsAnswerRecord[];
  readonly soa?: DnsSoa;
}

/** Writes a response to `query`: its questions echoed, then answers, then the SOA (authority). */
export function encodeDnsResponse(response: DnsResponse): Uint8Array {
  const { query, rcode } = response;
  const answers = response.answers ?? [];
  const parts: Uint8Array[] = [];
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  header.setUint16(0, query.id);
  header.setUint16(2, FLAG_QR | (query.flags & OPCODE_MASK) | FLAG_AA | (query.flags & FLAG_RD) | FLAG_RA | rcode);
  header.setUint16(4, query.questions.length);
  header.setUint16(6, answers.length);
  header.setUint16(8, response.soa ? 1 : 0);
  header.setUint16(10, 0);
  parts.push(new Uint8Array(header.buffer));
  for (const question of query.questions) {
    parts.push(encodeName(question.name), uint16(question.type), uint16(question.class));
  }
  for (const answer of answers) {
    parts.push(encodeName(answer.name), uint16(DNS_TYPE.A), uint16(DNS_CLASS_IN), uint32(answer.ttl), uint16(4), ipv4Bytes(answer.address));
  }
  if (response.soa) parts.push(encodeSoa(response.soa));
  return concat(parts);
}

function encodeSoa(soa: DnsSoa): Uint8Array {
  const rdata = concat([
    encodeName(`ns.${soa.zone}`),
    encodeName(`hostmaster.${soa.zone}`),
    uint32(1), // serial
    uint32(3600), // refresh, s
    uint32(600), // retry, s
    uint32(86_400), // expire, s
    uint32(soa.negativeTtl), // minimum: the negative-caching time (RFC 2308)
  ]);
  return concat([encodeName(soa.zone), uint16(DNS_TYPE.SOA), uint16(DNS_CLASS_IN), uint32(soa.negativeTtl), uint16(rdata.length), rdata]);
}

export function encodeName(name: string): Uint8Array {
  const labels = name.split('.').filter((label) => label.length > 0);
  const parts: Uint8Array[] = [];
  for (const label of labels) {
    const bytes = new TextEncoder().encode(label);
    if (bytes.length > 63) throw new DnsFormatError(`label "${label}" is longer than 63 bytes`);
    parts.push(Uint8Array.of(bytes.length), bytes);
  }
  parts.push(Uint8Array.of(0));
  return concat(parts);
}

function ipv4Bytes(address: string): Uint8Array {
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) {
    throw new DnsFormatError(`"${address}" is not an IPv4 address`);
  }
  return Uint8Array.from(octets);
}

function uint16(value: number): Uint8Array {
  return Uint8Array.of((value >>> 8) & 0xff, value & 0xff);
}

function uint32(value: number): Uint8Array {
  return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Builds a query (for tests and for the lab's own health check). */
export function encodeDnsQuery(id: number, name: string, type: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(HEADER_BYTES));
  header.setUint16(0, id);
  header.setUint16(2, FLAG_RD);
  header.setUint16(4, 1);
  return concat([new Uint8Array(header.buffer), encodeName(name), uint16(type), uint16(DNS_CLASS_IN)]);
}
