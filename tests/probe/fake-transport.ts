/**
 * A scripted `Transport` for probe tests: each request gets the next planned behaviour (or the one
 * planned for its URL prefix), bodies are streamed chunk by chunk on the runtime's timers (tests
 * fake them), and an abort errors the request like a real fetch does.
 */
import type { Environment, RequestDetail, Transport, TransportRequest } from '../../src/probe/transport';

export interface BodyChunk {
  /** Delay before this chunk, ms. */
  readonly afterMs?: number;
  readonly bytes: Uint8Array | string;
}

export type BodyEnd = 'end' | 'hang' | { readonly error: unknown; readonly afterMs?: number };

export type Behaviour =
  | {
      readonly type: 'answer';
      readonly status?: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** The final URL after redirects; by default the requested URL. */
      readonly finalUrl?: string;
      readonly chunks?: readonly BodyChunk[];
      readonly end?: BodyEnd;
      /** Delay before the headers, ms. */
      readonly afterMs?: number;
      readonly detail?: RequestDetail;
    }
  | { readonly type: 'reject'; readonly detail?: RequestDetail; readonly thrown?: unknown; readonly afterMs?: number }
  /** Never answers; rejects with the signal's reason when aborted, as fetch does. */
  | { readonly type: 'hang'; readonly detail?: RequestDetail }
  /** Never settles at all, not even on abort (a broken transport). */
  | { readonly type: 'deaf' };

export interface SentRequest {
  readonly url: string;
  readonly key: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

const encoder = new TextEncoder();
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function text(body: string): Uint8Array {
  return encoder.encode(body);
}

export class FakeTransport implements Transport {
  readonly sent: SentRequest[] = [];
  readonly detailAsked: string[] = [];
  readonly forgotten: string[] = [];
  private readonly details = new Map<string, RequestDetail>();
  private readonly queue: Behaviour[];

  constructor(
    readonly environment: Environment,
    ...behaviours: Behaviour[]
  ) {
    this.queue = behaviours;
  }

  async fetch(url: string, request: TransportRequest): Promise<Response> {
    this.sent.push({ url, key: request.key, method: request.method, headers: { ...request.headers }, body: request.body });
    const behaviour = this.queue.shift();
    if (!behaviour) throw new Error(`FakeTransport: no behaviour planned for ${url}`);
    const { signal } = request;
    if (behaviour.type === 'deaf') return new Promise<Response>(() => undefined);
    if ('detail' in behaviour && behaviour.detail) this.details.set(request.key, behaviour.detail);

    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
    aborted.catch(() => undefined);

    if (behaviour.type === 'hang') return aborted;
    const wait = behaviour.afterMs ? Promise.race([sleep(behaviour.afterMs), aborted]) : Promise.resolve();
    await wait;
    if (behaviour.type === 'reject') throw behaviour.thrown ?? new TypeError('Failed to fetch');

    const status = behaviour.status ?? 200;
    const nullBody = status === 204 || status === 304 || request.method === 'HEAD';
    const body = nullBody ? null : bodyStream(behaviour.chunks ?? [], behaviour.end ?? 'end', signal);
    const response = new Response(body, { status, headers: behaviour.headers ?? {} });
    Object.defineProperty(response, 'url', { value: behaviour.finalUrl ?? url });
    return response;
  }

  async detail(key: string): Promise<RequestDetail | undefined> {
    this.detailAsked.push(key);
    return this.details.get(key);
  }

  forget(key: string): void {
    this.forgotten.push(key);
    this.details.delete(key);
  }
}

function bodyStream(chunks: readonly BodyChunk[], end: BodyEnd, signal: AbortSignal): ReadableStream<Uint8Array> {
  let index = 0;
  let failed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A real fetch errors its body when its signal aborts (Firefox says AbortError).
      signal.addEventListener(
        'abort',
        () => {
          failed = true;
          try {
            controller.error(signal.reason);
          } catch {
            // already closed
          }
        },
        { once: true },
      );
    },
    async pull(controller) {
      if (failed) return;
      const chunk = chunks[index++];
      if (chunk) {
        if (chunk.afterMs) await sleep(chunk.afterMs);
        if (failed) return;
        controller.enqueue(typeof chunk.bytes === 'string' ? text(chunk.bytes) : chunk.bytes);
        return;
      }
      if (end === 'end') {
        controller.close();
      } else if (end === 'hang') {
        await new Promise<void>(() => undefined);
      } else {
        if (end.afterMs) await sleep(end.afterMs);
        if (!failed) controller.error(end.error);
      }
    },
  });
}

/** `count` chunks of `size` bytes, `everyMs` apart. */
export function drip(count: number, size: number, everyMs: number): BodyChunk[] {
  return Array.from({ length: count }, () => ({ afterMs: everyMs, bytes: new Uint8Array(size) }));
}
