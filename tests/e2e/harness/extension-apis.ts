/**
 * The few extension APIs the scenarios call inside the browser (in the worker or an extension
 * page), typed as they are used. Code passed to `evaluate` runs in the browser, where `chrome` is a
 * global that Node's type checker does not know; a callback is serialised, so it cannot call a
 * helper from this file either. Each one says `(globalThis as unknown as WithChrome).chrome`.
 */
export interface ChromeApis {
  readonly runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getURL(path: string): string;
  };
  readonly notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  readonly action: {
    getBadgeText(details: Record<string, never>): Promise<string>;
    getTitle(details: Record<string, never>): Promise<string>;
  };
  readonly alarms: {
    getAll(): Promise<readonly { readonly name: string; readonly scheduledTime: number; readonly periodInMinutes?: number }[]>;
  };
  readonly i18n: {
    getUILanguage(): string;
  };
  readonly tabs: {
    query(filter: Record<string, never>): Promise<readonly { readonly url?: string }[]>;
  };
}

/** The browser realm's global, seen from a callback passed to `evaluate`. */
export interface WithChrome {
  readonly chrome: ChromeApis;
}
