/**
 * `refuse`: no server at all. The network answers the SYN with a RST, which on loopback is what a
 * closed port does; the Node lab routes refused connections here. (The browser lab rejects with
 * nftables instead.)
 */

/**
 * A loopback port nothing listens on. Port 1 (tcpmux) is privileged, so no unprivileged program
 * can take it, and no machine this runs on serves tcpmux; the lab's self-test checks it is closed.
 */
export const REFUSED_HOST = '127.0.0.1';
export const REFUSED_PORT = 1;
