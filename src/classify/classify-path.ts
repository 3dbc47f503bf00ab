/**
 * Which path a round measured (README, "How a state is decided": Paths): `direct`, the provider's own network, or
 * `proxy`, a VPN or proxy app the browser's traffic went through. A round through a VPN measures
 * the VPN's path, not the provider's: it must neither end a block nor start one. Pure.
 *
 * What the browser can see of a VPN or proxy (each a `PathSign`):
 * - `fake-ip`: an address connected to is in a fake-IP pool, the addresses proxy apps answer every
 *   DNS question with (198.18.0.0/15 and fc00::/18 of Clash/Mihomo, sing-box, Hiddify, v2rayN:
 *   `classifyAddress` in `src/address.ts`, the ranges and their sources in `catalogue/proxy-fake-ip.ts`);
 * - `exit-country`: a country control placed the client's address in another country than the
 *   user's (a full-tunnel VPN with its exit abroad);
 * - `domestic-refused`: every domestic control of the user's country that refuses foreign
 *   addresses failed while an international control answered (an exit abroad, as those sites see it).
 * No sign means `direct`; so does a round without a country to compare with.
 */
import { classifyAddress } from '../address';
import type { Control, CountryCode } from '../catalogue/types';
import type { Observation } from '../probe/observation';

export const PATHS = ['direct', 'proxy'] as const;
export type Path = (typeof PATHS)[number];

export const PATH_SIGNS = ['fake-ip', 'exit-country', 'domestic-refused'] as const;
export type PathSign = (typeof PATH_SIGNS)[number];

export interface RoundPath {
  readonly path: Path;
  /** What made it `proxy` (empty for `direct`). */
  readonly signs: readonly PathSign[];
  /** The country a country control placed the client in, when one answered. */
  readonly exitCountry?: CountryCode;
}

export const DIRECT_PATH: RoundPath = { path: 'direct', signs: [] };

export function isPath(value: unknown): value is Path {
  return typeof value === 'string' && (PATHS as readonly string[]).includes(value);
}

export function isPathSign(value: unknown): value is PathSign {
  return typeof value === 'string' && (PATH_SIGNS as readonly string[]).includes(value);
}

export function classifyPath(observations: readonly Observation[], controls: readonly Control[], country: CountryCode | null): RoundPath {
  const byId = new Map(controls.map((control) => [control.id, control]));
  const controlOf = (observation: Observation): Control | undefined =>
    observation.target.type === 'control' || observation.target.type === 'throughput-control' ? byId.get(observation.target.controlId) : undefined;

  const signs: PathSign[] = [];
  if (observations.some((observation) => observation.ip !== undefined && classifyAddress(observation.ip) === 'proxy-fake-ip')) signs.push('fake-ip');

  const exitCountry = observations.find((observation) => observation.clientCountry !== undefined && controlOf(observation)?.tellsCountry)?.clientCountry;
  if (country !== null && exitCountry !== undefined && exitCountry !== country) signs.push('exit-country');

  if (country !== null) {
    const refusing = observations.filter((observation) => {
      const control = controlOf(observation);
      return control?.region === country && control.refusesForeign === true;
    });
    const intlUp = observations.some((observation) => observation.ok && controlOf(observation)?.region === 'intl');
    if (refusing.length > 0 && refusing.every((observation) => !observation.ok) && intlUp) signs.push('domestic-refused');
  }

  return {
    path: signs.length > 0 ? 'proxy' : 'direct',
    signs,
    ...(exitCountry !== undefined ? { exitCountry } : {}),
  };
}
