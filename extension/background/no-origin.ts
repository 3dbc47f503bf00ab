/**
 * Probes carry no `Origin`. For a POST (Telegram's data centres: `http://IP:443/`, in clear text)
 * both browsers add `Origin: chrome-extension://<id>` / `moz-extension://<uuid>` — the latter a
 * random id per install — which would tell anyone on the path that this person runs Blockwatch,
 * and which one. Measured in the lab (tests/e2e/scenarios/wire-identity.test.ts, Firefox:
 * tests/e2e/firefox/wire.ts): GET and HEAD carry no Origin in either browser; POST does in both.
 *
 * - Chrome (MV3, no blocking webRequest): a declarativeNetRequest session rule removes the header
 *   from requests the extension itself makes (initiator = its own id, no tab). Session rules live
 *   as long as the browser session, so every worker start sets it again, before any probe.
 * - Firefox (MV2): a blocking `onBeforeSendHeaders` listener removes it from the extension's own
 *   requests (no tab, made by its own pages) to the probed hosts.
 * The server still sees a plain POST with an empty body, so a data centre answers as before.
 */

/** The one session rule's id: replaced, never added twice. */
export const NO_ORIGIN_RULE_ID = 1;
/** `tabId` of a request no tab made. */
const NO_TAB = -1;

export interface NoOriginRule {
  readonly id: number;
  readonly priority: number;
  readonly action: { readonly type: 'modifyHeaders'; readonly requestHeaders: readonly { readonly header: string; readonly operation: 'remove' }[] };
  readonly condition: { readonly initiatorDomains: readonly string[]; readonly tabIds: readonly number[]; readonly resourceTypes: readonly 'xmlhttprequest'[] };
}

/** The part of Chrome's `declarativeNetRequest` used here. */
export interface SessionRules {
  updateSessionRules(options: { removeRuleIds: number[]; addRules: NoOriginRule[] }): Promise<void>;
}

/** The rule: remove `Origin` from the extension's own fetches (initiator: its id; no tab). */
export function noOriginRule(extensionId: string): NoOriginRule {
  return {
    id: NO_ORIGIN_RULE_ID,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'remove' }] },
    condition: { initiatorDomains: [extensionId], tabIds: [NO_TAB], resourceTypes: ['xmlhttprequest'] },
  };
}

export async function removeOriginWithSessionRule(rules: SessionRules, extensionId: string): Promise<void> {
  await rules.updateSessionRules({ removeRuleIds: [NO_ORIGIN_RULE_ID], addRules: [noOriginRule(extensionId)] });
}

export interface HttpHeader {
  readonly name: string;
  readonly value?: string;
}

interface SendHeadersDetails {
  readonly tabId: number;
  /** Firefox: the document that made the request (our background page for a probe). */
  readonly originUrl?: string;
  readonly requestHeaders?: readonly HttpHeader[];
}

type SendHeadersListener = (details: SendHeadersDetails) => { requestHeaders: HttpHeader[] } | undefined;

/** Firefox's `webRequest.onBeforeSendHeaders`, as used here. */
export interface BeforeSendHeaders {
  addListener(listener: SendHeadersListener, filter: { urls: string[]; tabId: number }, extraInfoSpec: string[]): void;
  removeListener(listener: SendHeadersListener): void;
}

/** The headers without `Origin`, or undefined when the request is not one of ours (left untouched). */
export function withoutOrigin(details: SendHeadersDetails, ownBase: string): { requestHeaders: HttpHeader[] } | undefined {
  if (details.tabId !== NO_TAB || !details.originUrl?.startsWith(ownBase)) return undefined;
  const headers = details.requestHeaders ?? [];
  if (!headers.some((header) => header.name.toLowerCase() === 'origin')) return undefined;
  return { requestHeaders: headers.filter((header) => header.name.toLowerCase() !== 'origin') };
}

/**
 * Registers the Firefox listener for the probed hosts' match patterns; `watch` re-registers it
 * when they change. `ownBase`: the extension's own `moz-extension://<uuid>/`.
 */
export function removeOriginWithListener(event: BeforeSendHeaders, ownBase: string, patterns: readonly string[]): { watch(patterns: readonly string[]): void } {
  const listener: SendHeadersListener = (details) => withoutOrigin(details, ownBase);
  const listen = (urls: readonly string[]): void => {
    event.removeListener(listener);
    if (urls.length > 0) event.addListener(listener, { urls: [...urls], tabId: NO_TAB }, ['blocking', 'requestHeaders']);
  };
  listen(patterns);
  return { watch: listen };
}
