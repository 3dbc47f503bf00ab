/**
 * The lab's big objects: a deterministic byte stream (byte i is `i mod 251`, a prime period, so a
 * shifted or repeated range never looks right by accident), its size from the path, and HTTP
 * Range requests on it.
 */
import { THROUGHPUT_MAX_BYTES } from '../../../src/defaults';

/** Size of an object when the path does not give one, bytes: the most a throughput probe reads. */
export const DEFAULT_OBJECT_BYTES = THROUGHPUT_MAX_BYTES;
/** The largest object a path may ask for, bytes: the stream is generated, but a typo should not run for minutes. */
export const MAX_OBJECT_BYTES = 64 * 1024 * 1024;
/** Bytes generated per chunk when streaming. */
export const OBJECT_CHUNK_BYTES = 64 * 1024;
/** Paths under this prefix are objects: `/__object` (default size), `/__object/<bytes>`, `/__object?bytes=<n>`. */
export const OBJECT_PATH_PREFIX = '/__object';

const PERIOD = 251;

export function objectByte(index: number): number {
  return index % PERIOD;
}

/** Bytes [start, end) of the stream. */
export function objectBytes(start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(Math.max(0, end - start));
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (start + i) % PERIOD;
  return bytes;
}

/** Bytes [start, end) in chunks of at most `chunk` bytes. */
export function* objectChunks(start: number, end: number, chunk = OBJECT_CHUNK_BYTES): Generator<Buffer> {
  for (let at = start; at < end; at += chunk) yield objectBytes(at, Math.min(end, at + chunk));
}

function sizeFrom(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined || !/^\d{1,12}$/.test(text)) return undefined;
  const size = Number(text);
  return size <= MAX_OBJECT_BYTES ? size : undefined;
}

/** The object size a path names, `undefined` when the path is not an object path. */
export function objectSizeFromPath(pathAndQuery: string): number | undefined {
  const url = new URL(pathAndQuery, 'http://lab.invalid');
  if (url.pathname !== OBJECT_PATH_PREFIX && !url.pathname.startsWith(`${OBJECT_PATH_PREFIX}/`)) return undefined;
  const fromPath = sizeFrom(url.pathname.slice(OBJECT_PATH_PREFIX.length + 1));
  return fromPath ?? sizeFrom(url.searchParams.get('bytes')) ?? DEFAULT_OBJECT_BYTES;
}

export interface ByteRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/**
 * A `Range: bytes=a-b` header against an object of `size` bytes: the range to send, `'unsatisfiable'`
 * (416), or `undefined` to ignore the header and send the whole object (malformed, multiple ranges,
 * or another unit: RFC 9110 lets a server ignore Range).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  if (end <= start) return undefined;
  return { start, end };
}
