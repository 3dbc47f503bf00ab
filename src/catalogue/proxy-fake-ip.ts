/**
 * Where proxy apps on the user's own device put their fake-IP DNS answers. With fake-IP DNS the
 * app answers every name with an address from its pool and carries the connection through its
 * proxy: an answer here means the round measured the proxy's path, not the provider's, and it is
 * no resolver lie (`classifyAddress` in `src/address.ts` reads these before the bogus ranges).
 * v2rayN and Hiddify run sing-box, Xray or Mihomo cores, so they answer from the same pools.
 */
import type { AddressRange, Source } from './types';

const SING_BOX: Source = {
  ref: 'SagerNet/sing-box docs/configuration/dns/fakeip.md and https://sing-box.sagernet.org/configuration/dns/server/fakeip/ (inet4_range "198.18.0.0/15", inet6_range "fc00::/18")',
  checked: '2026-12-07',
};

const SING_BOX_AND_CLASH: Source = {
  ref: `${SING_BOX.ref}; MetaCubeX/mihomo config/config.go @008ee613ab23d8cedef18e689dc5f9c627c1bf87 (default FakeIPRange "198.18.0.1/16", inside the /15)`,
  checked: '2026-12-07',
};

export const PROXY_FAKE_IP_RANGES: readonly AddressRange[] = [
  { cidr: '198.18.0.0/15', what: 'fake-IP pool of sing-box, and of Clash/Mihomo (198.18.0.0/16 by default)', source: SING_BOX_AND_CLASH },
  { cidr: 'fc00::/18', what: 'sing-box fake-IP pool for AAAA answers', source: SING_BOX },
];
