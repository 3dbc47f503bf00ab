/**
 * What the lab's network does: the vocabulary of the behaviour model. Plain strings, so a model
 * is plain data (`Record<address, Behaviour>`) that the Node lab, a DNS server and a network
 * namespace can all be driven by.
 */

/** The three wrong certificates: unknown authority, another name, expired. */
export const WRONG_CERTS = ['self-signed', 'wrong-name', 'expired'] as const;
export type WrongCert = (typeof WRONG_CERTS)[number];

/** Behaviours a server plays (one file each under `servers/`). */
export const SERVED_BEHAVIOURS = [
  /** Any path and method answers 200 (or what the catalogue expects); objects and Range requests get a byte stream. */
  'ok',
  /** Reads the first bytes (the TLS ClientHello, or an HTTP request), then sends a TCP RST. */
  'reset-after-hello',
  /** Reads the first bytes, then closes with a FIN. */
  'close-after-hello',
  /** Accepts, reads, never answers. */
  'silence-after-hello',
  /** As `ok`, behind a wrong certificate. */
  'wrong-cert:self-signed',
  'wrong-cert:wrong-name',
  'wrong-cert:expired',
  /** 200 with a blockpage whose marker the catalogue's fingerprints recognise. */
  'blockpage',
  /** 302 to a blockpage host the catalogue's fingerprints name. */
  'blockpage-redirect',
  /** Headers and 16 KiB of body, then nothing; the connection stays open. */
  'stall',
  /** The body paced at 128 kbit/s. */
  'throttle',
  /** 503: the service itself is down (it answered, so it is reachable). */
  'error-5xx',
  /** 200 with a Wi-Fi login page, whatever was asked (a captive portal). */
  'captive-portal',
] as const;
export type ServedBehaviour = (typeof SERVED_BEHAVIOURS)[number];

/** Behaviours of the network itself: no server takes part. */
export const NETWORK_BEHAVIOURS = [
  /** The connection is refused (RST to the SYN): routed to a closed port. */
  'refuse',
  /** SYNs vanish: the connection never completes. */
  'blackhole',
] as const;
export type NetworkBehaviour = (typeof NETWORK_BEHAVIOURS)[number];

export type Behaviour = ServedBehaviour | NetworkBehaviour;
export const BEHAVIOURS: readonly Behaviour[] = [...SERVED_BEHAVIOURS, ...NETWORK_BEHAVIOURS];

/**
 * What the lab's resolver does for a name. (The browser lab's DNS server calls `timeout` `silent`
 * and also knows `refused`, which Node's resolver reports like `servfail`.)
 */
export const DNS_BEHAVIOURS = [
  /** The name's lab address. */
  'answer',
  /** The name does not exist: ENOTFOUND. */
  'nxdomain',
  /** A lie: the blockpage address BOGUS_ADDRESS, as Iran's resolvers answered. */
  'bogus',
  /** The resolver failed: EAI_AGAIN. */
  'servfail',
  /** The resolver never answers. */
  'timeout',
] as const;
export type DnsBehaviour = (typeof DNS_BEHAVIOURS)[number];

/** Where a `bogus` answer points: the address of Iran's blockpage server (docs/sources.md#iran-blockpage). */
export const BOGUS_ADDRESS = '10.10.34.34';

export function isBehaviour(value: unknown): value is Behaviour {
  return typeof value === 'string' && (BEHAVIOURS as readonly string[]).includes(value);
}

export function isServedBehaviour(value: Behaviour): value is ServedBehaviour {
  return (SERVED_BEHAVIOURS as readonly string[]).includes(value);
}

export function isDnsBehaviour(value: unknown): value is DnsBehaviour {
  return typeof value === 'string' && (DNS_BEHAVIOURS as readonly string[]).includes(value);
}

const WRONG_CERT_OF: Readonly<Partial<Record<Behaviour, WrongCert>>> = {
  'wrong-cert:self-signed': 'self-signed',
  'wrong-cert:wrong-name': 'wrong-name',
  'wrong-cert:expired': 'expired',
};

/** The wrong certificate a behaviour presents, if any. */
export function wrongCertOf(behaviour: Behaviour): WrongCert | undefined {
  return WRONG_CERT_OF[behaviour];
}
