/**
 * Where the test labs (`tests/lab/`, `tests/lab/netns/`) put the catalogue's host names: each name
 * gets a deterministic address in this block (`tests/lab/addresses.ts`), and the browser lab puts
 * those addresses on the loopback of a network namespace that has no route out.
 *
 * Why an ordinary public block: the labs must look like a real network, where a public name
 * resolves to a public unicast address. The block is in no special-purpose range (IANA IPv4
 * Special-Purpose Address Registry, https://www.iana.org/assignments/iana-ipv4-special-registry/),
 * in no bogon range of OONI (ooni/probe-cli internal/netxlite/bogon.go), in none of the catalogue's
 * bogus entries (`validate.ts` checks that), and it is not 198.18.0.0/15: that range is the
 * fake-IP answer of proxy apps (Clash/Mihomo, sing-box, v2rayN), so an answer there means "this
 * round went through a proxy", not "this host lives here". 45.67.0.0/16 is RIPE NCC space
 * (https://www.iana.org/assignments/ipv4-address-space/, 45/8 administered by RIPE NCC) held by
 * none of the catalogue's operators nor any known DNS-blockpage address; no lab packet can reach
 * its real holders, since the lab's namespace has no route out and the Node lab routes by table.
 */
export const LAB_ADDRESS_RANGE = '45.67.0.0/16';
