/**
 * The effect a probe needs from its environment: make one HTTP request, and afterwards say what
 * the environment saw about it. The extension joins `webRequest` events to the request; Node
 * records undici's errors and connection stages. Probes never see `browser` or `undici`.
 */

/** Which table maps this environment's raw errors to failure codes. */
export type Environment = 'chrome' | 'firefox' | 'node';

/** How far a connection got, where the environment can tell (Node can; browsers cannot). */
export type ConnectionStage = 'dns' | 'connect' | 'tls' | 'http';

/** What the environment saw about one request, beyond what `fetch` itself says. */
export interface RequestDetail {
  /** The raw error ("net::ERR_NAME_NOT_RESOLVED", "NS_ERROR_NET_RESET", "ECONNRESET"…). */
  readonly error?: string;
  /** The address connected to. */
  readonly ip?: string;
  /** The stage in progress when the request ended (Node only). */
  readonly stage?: ConnectionStage;
  /**
   * Where the server redirected the request, as the browser saw it before following (browsers
   * only). A redirect to a host the extension has no permission for fails without a word, so
   * this is the only trace of a redirect to a blockpage.
   */
  readonly redirectedTo?: string;
}

export interface TransportRequest {
  /**
   * Unique per request, never sent: `detail(key)` finds what the environment saw about this very
   * request. The URL itself goes out exactly as the catalogue wrote it, because a marker in the
   * URL would let a filter that reads plain HTTP (Telegram's data centres, the controls) pick out
   * Blockwatch users and their probes.
   */
  readonly key: string;
  readonly method: 'GET' | 'HEAD' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborted by the probe's own timer, with a `TimeoutError` reason. */
  readonly signal: AbortSignal;
}

export interface Transport {
  readonly environment: Environment;
  /** Sends one request. Rejects on any network failure, like `fetch`. */
  fetch(url: string, request: TransportRequest): Promise<Response>;
  /**
   * What the environment saw about the request with this key. Called after the request settled
   * (failed, or its body was read or abandoned); resolves `undefined` when nothing is known.
   */
  detail(key: string): Promise<RequestDetail | undefined>;
  /** Forget what was recorded for this key. */
  forget(key: string): void;
}
