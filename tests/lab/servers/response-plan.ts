/**
 * The answer a working site gives to a request (status, headers, body), worked out once and
 * then sent whole (`ok`), cut short (`stall`) or paced (`throttle`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { RequestContext } from './handler';
import { DEFAULT_OBJECT_BYTES, objectBytes, objectChunks, objectSizeFromPath, parseRange, type ByteRange } from './object-bytes';

export type Body =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'object'; readonly range: ByteRange };

export interface ResponsePlan {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** What follows the headers on the wire (nothing for HEAD, even when the headers announce a length). */
  readonly body: Body;
}

const NO_BODY: Body = { kind: 'bytes', bytes: Buffer.alloc(0) };

/** Every lab answer is uncacheable, like the probes' `cache: 'no-store'`. */
const COMMON_HEADERS = { 'cache-control': 'no-store' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export function okPage(host: string): string {
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Blockwatch lab</title></head><body><p>${escapeHtml(host)} works.</p></body></html>\n`;
}

export function pagePlan(request: IncomingMessage, status: number, contentType: string, text: string): ResponsePlan {
  const bytes = Buffer.from(text, 'utf8');
  const headers: Record<string, string> = { ...COMMON_HEADERS };
  if (bytes.length > 0 || status !== 204) {
    headers['content-type'] = contentType;
    headers['content-length'] = String(bytes.length);
  }
  return { status, headers, body: request.method === 'HEAD' ? NO_BODY : { kind: 'bytes', bytes } };
}

export function objectPlan(request: IncomingMessage, size: number): ResponsePlan {
  const base = { ...COMMON_HEADERS, 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
  const wantsRange = request.method === 'GET' || request.method === 'HEAD';
  const range = wantsRange ? parseRange(request.headers.range, size) : undefined;
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'content-range': `bytes */${size}`, 'content-length': '0' }, body: NO_BODY };
  }
  const slice = range ?? { start: 0, end: size };
  const headers: Record<string, string> = { ...base, 'content-length': String(slice.end - slice.start) };
  if (range) headers['content-range'] = `bytes ${range.start}-${range.end - 1}/${size}`;
  return {
    status: range ? 206 : 200,
    headers,
    body: request.method === 'HEAD' ? NO_BODY : { kind: 'object', range: slice },
  };
}

/** What the `ok` server answers: the catalogue's canned answer, an object, or the small page. */
export function answerPlan(request: IncomingMessage, context: RequestContext): ResponsePlan {
  const path = request.url ?? '/';
  const canned = context.content.answerFor(context.host, path);
  const rangedGet = request.method === 'GET' && request.headers.range !== undefined;
  const objectSize =
    canned?.kind === 'object' ? canned.size : (objectSizeFromPath(path) ?? (rangedGet ? DEFAULT_OBJECT_BYTES : undefined));
  if (objectSize !== undefined) return objectPlan(request, objectSize);
  if (canned?.kind === 'page') return pagePlan(request, canned.status, canned.contentType, canned.body);
  return pagePlan(request, 200, 'text/html; charset=utf-8', okPage(context.host));
}

export function bodyLength(body: Body): number {
  return body.kind === 'bytes' ? body.bytes.length : body.range.end - body.range.start;
}

/** Bytes [from, to) of a body, counted from its first byte. */
export function bodySlice(body: Body, from: number, to: number): Buffer {
  if (body.kind === 'bytes') return body.bytes.subarray(from, to);
  const start = body.range.start;
  return objectBytes(start + from, Math.min(body.range.end, start + to));
}

/** Sends the plan whole, streaming objects with backpressure. */
export function sendWhole(response: ServerResponse, plan: ResponsePlan): void {
  response.writeHead(plan.status, plan.headers);
  if (plan.body.kind === 'bytes') {
    response.end(plan.body.bytes);
    return;
  }
  const { start, end } = plan.body.range;
  // A client that goes away mid-object is normal here (probes stop at their byte budget).
  pipeline(Readable.from(objectChunks(start, end)), response).catch(() => undefined);
}
