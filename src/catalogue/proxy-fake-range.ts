/**
 * The address range proxy apps answer every DNS question with ("fake-IP" DNS): the app hands the
 * browser an address from 198.18.0.0/15, catches the connection to it, and sends it on through
 * the proxy by the name it remembers. An answer in this range means the browser's traffic goes
 * through a proxy app, not straight over the provider's network. It is RFC 2544's benchmarking
 * range, never a public host's address.
 *
 * Sources (read 2026-12-07):
 * - sing-box (and Hiddify, built on it): https://sing-box.sagernet.org/configuration/dns/server/fakeip
 *   ("inet4_range": "198.18.0.0/15");
 * - Xray (v2rayN, v2rayNG): https://xtls.github.io/en/config/fakedns.html (default pool
 *   "198.18.0.0/15" when `fakedns` is used without its own object); V2Ray:
 *   https://www.v2fly.org/config/fakedns.html (same pool);
 * - Clash and Mihomo: `fake-ip-range: 198.18.0.1/16`, the range shipped in their configurations
 *   (e.g. FaNGbABa/Clash Subconverter/Baseyaml.tpl, "Fake IP addresses pool CIDR").
 *
 * One place on purpose: the shared address classification may replace `isProxyFakeAddress`
 * with its own function for the same range.
 */

/** 198.18.0.0 as an unsigned 32-bit number. */
const FAKE_RANGE_BASE = ((198 << 24) | (18 << 16)) >>> 0;
/** Prefix length of 198.18.0.0/15: the first 15 bits name the range. */
const FAKE_RANGE_PREFIX_BITS = 15;
const FAKE_RANGE_MASK = (0xffffffff << (32 - FAKE_RANGE_PREFIX_BITS)) >>> 0;

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** An IPv4 address written inside IPv6 (`::ffff:198.18.0.1`), as some environments report it. */
const MAPPED_PREFIX = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:/;

/** The dotted quad as an unsigned 32-bit number, or undefined when it is not one. */
export function ipv4ToNumber(text: string): number | undefined {
  const match = DOTTED_QUAD.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => value * 256 + octet, 0);
}

/** Whether an address (IPv4, or IPv4-mapped IPv6; brackets allowed) is in 198.18.0.0/15. */
export function isProxyFakeAddress(address: string): boolean {
  let bare = address.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare.includes(':')) {
    const mapped = MAPPED_PREFIX.exec(bare);
    if (!mapped) return false;
    bare = bare.slice(mapped[0].length);
  }
  const value = ipv4ToNumber(bare);
  return value !== undefined && ((value & FAKE_RANGE_MASK) >>> 0) === FAKE_RANGE_BASE;
}
