/**
 * The network's verdict for a round, from the controls alone (rounds without a working
 * control are discarded: docs/sources.md#controls-fail; allowlist mode when the domestic control
 * answers and the international ones fail: docs/sources.md#allowlist-mode).
 */
import type { Control, CountryCode } from '../catalogue/types';
import type { Observation } from '../probe/observation';
import type { NetworkVerdict } from './verdict';

export function classifyNetwork(
  observations: readonly Observation[],
  controls: readonly Control[],
  country: CountryCode | null,
): NetworkVerdict {
  const byId = new Map(controls.map((control) => [control.id, control]));
  let intlUp = 0;
  let intlDown = 0;
  let domesticUp = 0;
  let domesticDown = 0;
  let wrongContent = 0;
  let rightContent = 0;

  for (const observation of observations) {
    if (observation.target.type !== 'control') continue;
    const control = byId.get(observation.target.controlId);
    if (control === undefined) continue;
    const domestic = control.region !== 'intl';
    // A domestic control of another country says nothing about this one.
    if (domestic && control.region !== country) continue;
    const up = observation.ok;
    if (up && observation.contentOk === false) wrongContent += 1;
    if (up && observation.contentOk === true) rightContent += 1;
    if (domestic) {
      if (up) domesticUp += 1;
      else domesticDown += 1;
    } else if (up) intlUp += 1;
    else intlDown += 1;
  }

  const counts = { intlUp, intlDown, domesticUp, domesticDown };
  // A device that says it is offline fails every control the same way; a network that changed in the
  // middle of a round fails some requests locally, which service classification ignores.
  if (intlUp + domesticUp === 0) return { state: 'offline', ...counts };
  // Every control that has an expected answer gave the wrong one: a captive portal or interception.
  // One control with changed content among right ones is that control's problem, not the network's.
  if (wrongContent > 0 && rightContent === 0) return { state: 'captive', ...counts };
  if (intlUp === 0 && intlDown > 0 && domesticUp > 0) return { state: 'restricted', ...counts };
  return { state: 'online', ...counts };
}
