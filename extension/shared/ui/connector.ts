/**
 * Everything a page does outside itself, behind one interface (Dark Reader's connector): ask the
 * background, hear its pushes, ask the person for a site's permission, save a file. Pages get a
 * Connector and never touch `browser` themselves, so they run in tests against the in-memory one
 * (tests/ui/memory-connector.ts) and in the extension against browser-connector.ts.
 */
import type { ExportFile, PushMessage, RequestName, RequestOf, ResponseOf } from '../../../src/protocol';

export interface Connector {
  /** Asks the background; rejects when it does not answer or fails. */
  send<K extends RequestName>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  /** Listens for pushed snapshots; returns the unsubscribe function. */
  onPush(listener: (message: PushMessage) => void): () => void;
  /**
   * Asks the person to allow access to `origins` (match patterns). Firefox only shows the prompt
   * when this is called straight from a click, so callers do it before any `await`.
   */
  requestOrigins(origins: readonly string[]): Promise<boolean>;
  /** Gives back access to `origins`; false when the browser refused (e.g. a required origin). */
  removeOrigins(origins: readonly string[]): Promise<boolean>;
  /** Offers `file` to the person as a download. */
  saveFile(file: ExportFile): void;
}
