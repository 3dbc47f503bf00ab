import { describe, expect, it } from 'vitest';
import { planRound } from '../../src/schedule/plan-round';
import { INITIAL_ROTATION } from '../../src/schedule/rotation';
import type { ThroughputControl } from '../../src/catalogue/types';
import { CONTROLS, MESSENGER } from '../classify/fixtures';

const TC: ThroughputControl[] = [
  { id: 'tc-a', url: 'https://speed.a.test/', bytes: 65536, range: false, region: 'intl', source: { ref: 't', checked: '2026-11-01' } },
  { id: 'tc-b', url: 'https://speed.b.test/', bytes: 65536, range: true, region: 'intl', source: { ref: 't', checked: '2026-11-01' } },
];
const OTHER = { ...MESSENGER, id: 'other', throughput: undefined };

const base = { roundId: 1000, services: [MESSENGER, OTHER], controls: CONTROLS, throughputControls: TC, country: 'RU', throughputFor: [] };

describe('a regular round', () => {
  it('probes two international controls, one domestic, and one endpoint per service', () => {
    const { plan } = planRound({ ...base, kind: 'regular', rotation: INITIAL_ROTATION });
    const kinds = plan.probes.map((probe) => probe.target.type);
    expect(kinds.filter((kind) => kind === 'control')).toHaveLength(3);
    expect(plan.controls.map((control) => control.id)).toEqual(['intl-a', 'intl-b', 'ru-a']);
    const endpoints = plan.probes.filter((probe) => probe.target.type === 'endpoint');
    expect(endpoints.map((probe) => probe.target.type === 'endpoint' && probe.target.serviceId)).toEqual(['messenger-x', 'other']);
    expect(plan.sweepOnFailure).toBe(true);
  });

  it('rotates through every endpoint of a service over successive rounds', () => {
    let rotation = INITIAL_ROTATION;
    const seen: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      const result = planRound({ ...base, services: [MESSENGER], kind: 'regular', rotation });
      rotation = result.rotation;
      for (const probe of result.plan.probes) if (probe.target.type === 'endpoint') seen.push(probe.target.endpointId);
    }
    expect(seen).toEqual(['x.web.main', 'x.chat.a', 'x.chat.b', 'x.media.cdn']);
  });

  it('has no domestic control without a country', () => {
    const { plan } = planRound({ ...base, country: null, kind: 'regular', rotation: INITIAL_ROTATION });
    expect(plan.controls.every((control) => control.region === 'intl')).toBe(true);
  });
});

describe('confirmation and manual rounds', () => {
  it('a confirmation round sweeps only the services in question', () => {
    const { plan } = planRound({ ...base, kind: 'confirm', focus: ['messenger-x'], rotation: INITIAL_ROTATION });
    expect(plan.services.map((service) => service.id)).toEqual(['messenger-x']);
    expect(plan.probes.filter((probe) => probe.target.type === 'endpoint')).toHaveLength(4);
    expect(plan.sweepOnFailure).toBe(false);
  });

  it('a manual round sweeps every service', () => {
    const { plan } = planRound({ ...base, kind: 'manual', rotation: INITIAL_ROTATION });
    expect(plan.probes.filter((probe) => probe.target.type === 'endpoint')).toHaveLength(8);
  });

  it('measures throughput only for the services asked and only where an object exists', () => {
    const { plan, rotation } = planRound({ ...base, kind: 'regular', rotation: INITIAL_ROTATION, throughputFor: ['messenger-x', 'other'] });
    const throughput = plan.probes.filter((probe) => probe.kind === 'throughput');
    expect(throughput).toHaveLength(1);
    expect(rotation.throughputAt).toEqual({ 'messenger-x': 1000 });
  });
});
