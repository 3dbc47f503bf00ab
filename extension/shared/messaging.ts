/**
 * Typed messaging over `runtime.sendMessage`, by `src/protocol.ts`. Pages call `send()`; the
 * background registers one `handle()` with a handler per request name (a missing one does not
 * compile), given once it is ready and `push()`es the snapshot. Requests from anything but this extension's own pages
 * are refused.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  isRequestMessage,
  type PushMessage,
  type RequestMessage,
  type RequestName,
  type RequestOf,
  type ResponseEnvelope,
  type ResponseOf,
} from '../../src/protocol';
import { validateRequest } from '../../src/protocol-validate';

export type Handlers = { readonly [K in RequestName]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

/** Sends a request to the background and returns its answer; throws with the background's reason. */
export async function send<K extends RequestName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = (await browser.runtime.sendMessage({ ...request, type })) as ResponseEnvelope<K> | undefined;
  if (envelope === undefined || envelope === null) throw new Error('The background did not answer');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}

/** Whether a message comes from one of this extension's own pages (popup, options, history). */
export function isOwnPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const root = browser.runtime.getURL('/');
  return typeof sender.url === 'string' && sender.url.startsWith(root);
}

function dispatch(handlers: Handlers, message: RequestMessage): Promise<unknown> {
  // Every field is checked before a handler runs: a malformed request changes nothing.
  const checked = validateRequest(message);
  if (!checked.ok) return Promise.reject(new Error(checked.error));
  // The union is closed: each name reaches its own handler with its own request shape.
  const handler = handlers[message.type] as (request: unknown) => Promise<unknown>;
  return handler(checked.request);
}

/**
 * Registers the background's handlers. Call synchronously in the background's `main()`, with the
 * handlers the background has once it is ready: every request waits for them.
 */
export function handle(ready: Promise<Handlers>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Pushes and other pages' traffic are not for the background.
    if (!isRequestMessage(message)) return undefined;
    if (!isOwnPage(sender)) return Promise.resolve({ ok: false, error: 'not allowed' });
    return ready
      .then((handlers) => dispatch(handlers, message))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
}

/** Tells open pages; no page open is not an error. */
export function push(message: PushMessage): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** Listens for pushes in a page; returns the unsubscribe function. */
export function onPush(listener: (message: PushMessage) => void): () => void {
  const wrapped = (message: unknown): undefined => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'snapshot') listener(message as PushMessage);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
