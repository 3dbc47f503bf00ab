/**
 * The text `npm run check` prints: the network line, one block per service (state, how, each
 * component with its failure and latency), and the controls. State and how words come from the
 * same locale files as the extension's.
 */
import type { Control, Service } from '../catalogue/types';
import type { NetworkVerdict, ServiceVerdict } from '../classify/verdict';
import type { Translate } from '../i18n/translate';
import type { Observation } from '../probe/observation';
import type { RoundResult } from '../round/run-round';

const NETWORK_LINE: Readonly<Record<NetworkVerdict['state'], string>> = {
  online: 'online — at least one control answered',
  offline: 'offline — no control answered: no verdict on any service',
  restricted: 'restricted — only domestic controls answered (allowlist mode)',
  captive: 'captive portal or interception — the controls answered with the wrong content: no verdict',
};

const pad = (text: string, width: number): string => (text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length));
const ms = (value: number | undefined): string => (value === undefined ? '' : `${Math.round(value)} ms`);

function componentLines(service: Service, verdict: ServiceVerdict, observations: readonly Observation[], t: Translate): string[] {
  const lines: string[] = [];
  for (const component of service.components) {
    const seen = verdict.components.find((entry) => entry.componentId === component.id);
    if (!seen) {
      lines.push(`    ${pad(component.id, 14)}—  not probed`);
      continue;
    }
    if (seen.ok) {
      lines.push(`    ${pad(component.id, 14)}ok  ${ms(seen.latencyMs)}`);
      continue;
    }
    const failed = observations.find(
      (observation) =>
        observation.target.type === 'endpoint' && observation.target.serviceId === service.id && observation.target.componentId === component.id && !observation.ok,
    );
    const how = seen.how ? t(`how_${seen.how}`) : '';
    const raw = failed?.raw ? ` (${failed.raw})` : failed?.blockpage ? ` (blockpage ${failed.blockpage})` : '';
    lines.push(`    ${pad(component.id, 14)}✗   ${how}: ${seen.failure ?? 'no answer'}${raw}`);
  }
  return lines;
}

function speedLine(verdict: ServiceVerdict): string | null {
  if (verdict.speed === 'unmeasured' && verdict.goodputKbps === undefined) return null;
  const goodput = verdict.goodputKbps !== undefined ? `${Math.round(verdict.goodputKbps)} kbit/s` : 'no rate';
  const ratio = verdict.speedRatio !== undefined ? `, ${(verdict.speedRatio * 100).toFixed(1)} % of the control` : '';
  return `    ${pad('throughput', 14)}${verdict.speed}: ${goodput}${ratio}`;
}

export function formatReport(result: RoundResult, services: readonly Service[], controls: readonly Control[], t: Translate): string {
  const lines: string[] = [];
  const network = result.verdict.network;
  lines.push(`Network: ${NETWORK_LINE[network.state]} (international ${network.intlUp} up / ${network.intlDown} down, domestic ${network.domesticUp} up / ${network.domesticDown} down)`);
  lines.push('');
  for (const verdict of result.verdict.services) {
    const service = services.find((entry) => entry.id === verdict.serviceId);
    if (!service) continue;
    const how = verdict.how ? ` — ${t(`how_${verdict.how}`)}` : '';
    const latency = verdict.latencyMs !== undefined ? `  ${ms(verdict.latencyMs)}` : '';
    lines.push(`${pad(service.name, 20)}${t(`state_${verdict.state}`)}${how}${latency}`);
    lines.push(...componentLines(service, verdict, result.observations, t));
    const speed = speedLine(verdict);
    if (speed) lines.push(speed);
  }
  lines.push('');
  lines.push('Controls:');
  for (const observation of result.observations) {
    if (observation.target.type !== 'control') continue;
    const id = observation.target.controlId;
    const control = controls.find((entry) => entry.id === id);
    const region = control?.region === 'intl' ? 'international' : `domestic ${control?.region ?? ''}`;
    const state = observation.ok ? (observation.contentOk === false ? 'wrong content' : 'up') : `down: ${observation.failure ?? 'error'}${observation.raw ? ` (${observation.raw})` : ''}`;
    lines.push(`  ${pad(id, 20)}${pad(region, 16)}${pad(state, 12)}${ms(observation.ms)}`);
  }
  lines.push('');
  lines.push(`About ${Math.round(result.wireBytes / 1024)} KiB on the wire (estimated). Calls and UDP cannot be tested from here.`);
  return lines.join('\n');
}
