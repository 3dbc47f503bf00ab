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
  /** The toolbar button: `action` in MV3 (Chromium), `browserAction` in MV2 (Firefox). */
  readonly action?: ToolbarButtonApi;
  readonly browserAction?: ToolbarButtonApi;
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

export interface ToolbarButtonApi {
  getBadgeText(details: Record<string, never>): Promise<string>;
  getTitle(details: Record<string, never>): Promise<string>;
}

/**
 * The browser realm's global, seen from a callback passed to `evaluate`. Firefox has both; its
 * MV2 `chrome.*` takes callbacks and returns nothing, so code meant for both browsers reads
 * `browser ?? chrome` (Chromium has no `browser`).
 */
export interface WithChrome {
  readonly chrome: ChromeApis;
  readonly browser?: ChromeApis;
}
