/**
 * One request with the probe's own timers: HEADERS_TIMEOUT_MS until the headers, then
 * BODY_TIMEOUT_MS while a body is read. A timer aborts with a `TimeoutError` DOMException that
 * this object made, so `timerFired` can tell our timeout from any other abort. Waits are raced
 * against the abort, so a transport or stream that ignores its signal cannot hang a round.
 */
import type { HttpMethod } from '../catalogue/types';
import type { ProbeContext, ProbeTunables } from './probe';
import { nextRequestKey } from './request-key';
import type { RequestDetail } from './transport';

export type SendResult =
  | { readonly response: Response; readonly headersAt: number }
  | { readonly thrown: unknown };

export interface BodyReadOptions {
  /** Stop (and cancel the rest) once this many bytes arrived. */
  readonly maxBytes: number;
  /** Keep up to this many of the first bytes (for sniffing). */
  readonly keepBytes: number;
  /** Called for every chunk, with its size and arrival time. */
  readonly onChunk?: (bytes: number, at: number) => void;
}

export interface BodyReadResult {
  /** Body bytes that arrived. */
  readonly bytes: number;
  readonly kept: Uint8Array;
  /** The body ended by itself (not cut off by `maxBytes`, an error or the timer). */
  readonly ended: boolean;
  /** What the read threw, if it broke off. */
  readonly thrown?: unknown;
}

const noop = (): void => undefined;

export class ProbeRequest {
  /** The URL requested, exactly as the task gives it. */
  readonly url: string;
  /** Finds the environment's record of this request (`Transport.detail`). */
  readonly key: string;
  readonly startedAt: number;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ourReason: DOMException | undefined;

  constructor(
    private readonly ctx: ProbeContext,
    private readonly tunables: ProbeTunables,
    task: { readonly url: string; readonly roundStart: number },
  ) {
    this.url = task.url;
    this.key = nextRequestKey(task.roundStart);
    this.startedAt = ctx.now();
  }

  /** Whether our own timer ended the request (by our reason, never by an error's name). */
  get timerFired(): boolean {
    return this.ourReason !== undefined && this.controller.signal.reason === this.ourReason;
  }

  async send(method: HttpMethod, headers?: Readonly<Record<string, string>>): Promise<SendResult> {
    this.startTimer(this.tunables.headersTimeoutMs, 'no response headers');
    try {
      const response = await this.raceAbort(
        this.ctx.transport.fetch(this.url, { key: this.key, method, signal: this.controller.signal, ...(headers ? { headers } : {}) }),
      );
      return { response, headersAt: this.ctx.now() };
    } catch (thrown) {
      return { thrown };
    } finally {
      this.stopTimer();
    }
  }

  async readBody(response: Response, options: BodyReadOptions): Promise<BodyReadResult> {
    const body = response.body;
    if (body === null) return { bytes: 0, kept: new Uint8Array(0), ended: true };
    this.startTimer(this.tunables.bodyTimeoutMs, 'body not read');
    const reader = body.getReader();
    const kept: Uint8Array[] = [];
    let keptBytes = 0;
    let bytes = 0;
    let ended = false;
    let thrown: unknown;
    let broke = false;
    try {
      while (bytes < options.maxBytes) {
        const { done, value } = await this.raceAbort(reader.read());
        if (done) {
          ended = true;
          break;
        }
        bytes += value.byteLength;
        options.onChunk?.(value.byteLength, this.ctx.now());
        if (keptBytes < options.keepBytes) {
          const piece = value.subarray(0, options.keepBytes - keptBytes);
          kept.push(piece);
          keptBytes += piece.byteLength;
        }
      }
    } catch (error) {
      thrown = error;
      broke = true;
    } finally {
      this.stopTimer();
    }
    // Release the connection: the rest of the body is not wanted (or never coming).
    if (!ended) reader.cancel().catch(noop);
    return { bytes, kept: concat(kept, keptBytes), ended, ...(broke ? { thrown } : {}) };
  }

  /** Drop a body we do not read, so its connection is released. */
  discardBody(response: Response): void {
    if (response.body !== null && !response.body.locked) response.body.cancel().catch(noop);
  }

  /** Stop timers, fetch what the environment saw about this request, and let it forget. */
  async finish(): Promise<RequestDetail | undefined> {
    this.stopTimer();
    let detail: RequestDetail | undefined;
    try {
      detail = await this.ctx.transport.detail(this.key);
    } catch {
      // A broken detail source loses the detail, never the observation.
      detail = undefined;
    }
    try {
      this.ctx.transport.forget(this.key);
    } catch {
      // Nothing to lose.
    }
    return detail;
  }

  private startTimer(ms: number, what: string): void {
    this.stopTimer();
    this.timer = setTimeout(() => {
      this.ourReason = new DOMException(`${what} within ${ms} ms`, 'TimeoutError');
      this.controller.abort(this.ourReason);
    }, ms);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Settles with the promise, or rejects with the abort reason as soon as the signal aborts. */
  private raceAbort<T>(promise: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    promise.catch(noop); // a rejection after the abort won the race is expected, not unhandled
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }
}

function concat(pieces: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.byteLength;
  }
  return out;
}
