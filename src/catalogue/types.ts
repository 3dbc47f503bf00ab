/**
 * The shape of the catalogue: what Blockwatch tests and what counts as an answer.
 * Data only; the data itself lives beside this file. Every entry names where its facts
 * come from and when they were last checked, because none can be checked live from a
 * development machine.
 */
import type { FailureCode } from '../probe/failure/codes';

/** Where a fact comes from and the day it was last checked (YYYY-MM-DD). */
export interface Source {
  readonly ref: string;
  readonly checked: string;
}

/** ISO 3166-1 alpha-2, upper case ("RU", "IR"). */
export type CountryCode = string;

export type HttpMethod = 'GET' | 'HEAD' | 'POST';

/** Kinds of probe that reach an endpoint; `throughput` is used for ThroughputObject only. */
export type ProbeKind = 'http' | 'reach' | 'throughput';

/**
 * What part of a service a component is. `chat` is the part that carries the messages:
 * when components fail in different ways, the chat component's failure names the `how`.
 */
export type ComponentRole = 'web' | 'chat' | 'media' | 'registration' | 'links' | 'api';

export interface Endpoint {
  /** Unique in the whole catalogue: `<service>.<component>.<name>`. */
  readonly id: string;
  /**
   * `http`: any HTTP answer (any status) proves reachability; redirects to a blockpage host and
   * blockpage bodies are findings. `reach`: connection-level; an answer, or one of `reachedOn`
   * (an error that can only happen after the host was reached), proves reachability.
   */
  readonly kind: 'http' | 'reach';
  readonly url: string;
  readonly method: HttpMethod;
  /**
   * For `reach` endpoints: failures that are this host's normal answer to a browser and prove the
   * connection was made (e.g. Signal's private-CA hosts give a certificate error in every browser).
   */
  readonly reachedOn?: readonly FailureCode[];
  /** Probed in light rounds in rotation; other endpoints only in a sweep. Default true. */
  readonly rotate?: boolean;
  readonly source: Source;
}

export interface Component {
  /** Unique within its service. */
  readonly id: string;
  readonly role: ComponentRole;
  readonly endpoints: readonly Endpoint[];
  /**
   * Set when the endpoints are interchangeable hosts of one function (WhatsApp's chat servers
   * e1…e16, any of which a client may use): a round probes `perRound` of them, taken in
   * rotation, and the component counts as failed only when at least `perRound` different hosts
   * were tried and none answered. One host's failure, with its siblings untried, is no verdict.
   */
  readonly pool?: { readonly perRound: number };
}

/** An object big enough to pass the ~16 KB after which some filters freeze foreign flows. */
export interface ThroughputObject {
  readonly url: string;
  /** Bytes the probe reads at most (64–512 KiB). */
  readonly bytes: number;
  /**
   * Whether to ask for the first `bytes` with a Range header (the object may be larger). Worth it
   * even where no source confirms the server honours Range: one that ignores it answers 200 with
   * the whole object and the read stops at `bytes` as without it; one that honours it sends no
   * more than `bytes` instead of a window of bytes still in flight when the read stops (in the
   * browser lab, 76 KB per sample instead of 146–560 KB). False only for an object made at the
   * size asked for.
   */
  readonly range: boolean;
  readonly source: Source;
}

export interface Service {
  /** Stable id used in storage, messages, locale keys and `data-service` ("whatsapp"). */
  readonly id: string;
  /** The brand name, never translated. */
  readonly name: string;
  readonly components: readonly Component[];
  /** Every catalogue service has one (the catalogue test checks); a custom target may not. */
  readonly throughput?: ThroughputObject;
  /** Services a user added themselves are `custom`; the catalogue's own are not. */
  readonly custom?: boolean;
}

/**
 * A control: a host with nothing to do with any tested service, used to tell "my connection is
 * down" and "only domestic sites work" from a block. It counts as up on any HTTP answer; when it
 * answers with the wrong content (a captive portal), the round is invalid.
 */
export interface Control {
  readonly id: string;
  readonly url: string;
  readonly method: HttpMethod;
  /** `intl` for international controls, else the country whose domestic network it is in. */
  readonly region: 'intl' | CountryCode;
  /** The expected answer; a different answer means something sits between us and the net. */
  readonly expect?: { readonly status?: number; readonly bodyIncludes?: string };
  /**
   * The answer says which country the client's address is in, as a `loc=XX` line (Cloudflare's
   * `/cdn-cgi/trace`): a country other than the user's means the round went out through a VPN or
   * proxy abroad. Probed every round when the user's country is known.
   */
  readonly tellsCountry?: true;
  /**
   * A domestic control that refuses addresses from abroad: when every such control of the user's
   * country fails while the international ones answer, the round went out through a VPN abroad.
   */
  readonly refusesForeign?: true;
  readonly source: Source;
}

/** A throughput control: a big object on an unrelated, fast network, fetched to compare goodput. */
export interface ThroughputControl {
  readonly id: string;
  readonly url: string;
  readonly bytes: number;
  readonly range: boolean;
  readonly region: 'intl' | CountryCode;
  readonly source: Source;
}

/** Something that marks an HTTP answer as a blockpage. */
export interface BlockpageFingerprint {
  readonly id: string;
  /** The country whose filters serve it, or `*`. */
  readonly country: CountryCode | '*';
  /** Host a redirect leads to (exact, or a suffix when it starts with a dot). */
  readonly host?: string;
  /**
   * The start of the URL a redirect led to (OONI's `header.location` prefix and full patterns),
   * for filters that redirect to one path of a host that also serves ordinary pages.
   */
  readonly urlPrefix?: string;
  /** Text found in the body (case-sensitive, compared against the first KiBs only). */
  readonly bodyIncludes?: string;
  readonly source: Source;
}

export interface Catalogue {
  readonly services: readonly Service[];
  readonly controls: readonly Control[];
  readonly throughputControls: readonly ThroughputControl[];
  readonly blockpages: readonly BlockpageFingerprint[];
  /**
   * Address prefixes a DNS answer should never contain for a public host (a lie sends you there),
   * in CIDR as their sources write them ("10.0.0.0/8", "2001::/32", "5.3.3.17/32"). Match with
   * `classifyAddress` / `isBogusAddress` (`src/address.ts`).
   */
  readonly bogusAddressPrefixes: readonly AddressRange[];
}

/** An address range as its source writes it, with the source beside it. */
export interface AddressRange {
  /** CIDR as written at the source: "10.0.0.0/8", "2001::/32", "5.3.3.17/32". */
  readonly cidr: string;
  /** What the range is, in the source's words ("Private-use networks", "ru_96 Ertelecom"). */
  readonly what: string;
  readonly source: Source;
}
