/**
 * A round's observations → the network's verdict and one verdict per probed service. Pure.
 * When the network is not online no service is judged: every control failing means `offline`
 * (never `blocked`: promise 1), domestic-only means `restricted`, a captive portal means the
 * round cannot be judged (`unknown`).
 */
import type { Control, CountryCode, Service } from '../catalogue/types';
import type { Observation } from '../probe/observation';
import type { State } from '../states';
import { classifyNetwork } from './classify-network';
import { classifyPath } from './classify-path';
import { classifyService } from './classify-service';
import type { NetworkState, RoundVerdict, ServiceVerdict } from './verdict';

export interface RoundInput {
  /** The round's start, ms since the epoch. */
  readonly roundStart: number;
  /** When the round ended, ms. */
  readonly at: number;
  readonly observations: readonly Observation[];
  /** The services this round probed. */
  readonly services: readonly Service[];
  readonly controls: readonly Control[];
  readonly country: CountryCode | null;
}

const STATE_WHEN_NOT_ONLINE: Readonly<Record<Exclude<NetworkState, 'online'>, State>> = {
  offline: 'offline',
  restricted: 'restricted',
  captive: 'unknown',
};

export function classifyRound(input: RoundInput): RoundVerdict {
  const network = classifyNetwork(input.observations, input.controls, input.country);
  const throughputControls = input.observations.filter((observation) => observation.target.type === 'throughput-control');
  const services: ServiceVerdict[] = input.services.map((service) => {
    const verdict = classifyService(service, input.observations, throughputControls);
    if (network.state === 'online') return verdict;
    // Keep what was seen for the record, but no judgement on the service.
    return {
      serviceId: verdict.serviceId,
      state: STATE_WHEN_NOT_ONLINE[network.state],
      components: verdict.components,
      swept: verdict.swept,
      speed: 'unmeasured',
    };
  });
  const path = classifyPath(input.observations, input.controls, input.country);
  return { roundStart: input.roundStart, at: input.at, network, path, services };
}
