import { describe, expect, it } from 'vitest';
import { planRound } from '../../src/schedule/plan-round';
import { INITIAL_ROTATION } from '../../src/schedule/rotation';
import type { Control, ThroughputControl } from '../../src/catalogue/types';
import { CONTROLS, MESSENGER } from '../classify/fixtures';

const TC: ThroughputControl[] = [
  { id: 'tc-a', url: 'https://speed.a.test/', bytes: 65536, range: false, region: 'intl', source: { ref: 't', checked: '2026-11-01' } },
  { id: 'tc-b', url: 'https://speed.b.test/', bytes: 65536, range: true, region: 'intl', source: { ref: 't', checked: '2026-11-01' } },
];
const OTHER = { ...MESSENGER, id: 'other', throughput: undefined };

const base = { roundStart: 1000, services: [MESSENGER, OTHER], controls: CONTROLS, throughputControls: TC, country: 'RU', throughputFor: [] };

describe('a regular round', () => {
  it('probes one control and one endpoint per service up front, and keeps the other controls for when something fails', () => {
    const { plan } = planRound({ ...base, kind: 'regular', rotation: INITIAL_ROTATION });
    const upFront = plan.probes.filter((probe) => probe.target.type === 'control');
    expect(upFront.map((probe) => probe.target.type === 'control' && probe.target.controlId)).toEqual(['intl-a']);
    // The round still has two international controls and one domestic, for when they are needed.
    expect(plan.controls.map((control) => control.id)).toEqual(['intl-a', 'intl-b', 'ru-a']);
    expect(plan.laterControls.map((control) => control.id)).toEqual(['intl-b', 'ru-a']);
    const endpoints = plan.probes.filter((probe) => probe.target.type === 'endpoint');
    expect(endpoints.map((probe) => probe.target.type === 'endpoint' && probe.target.serviceId)).toEqual(['messenger-x', 'other']);
    expect(plan.sweepOnFailure).toBe(true);
  });

  it('probes the exit-country control up front when the user has a country, so every round knows its path', () => {
    const trace: Control = { id: 'intl-trace', url: 'https://trace.test/cdn-cgi/trace', method: 'GET', region: 'intl', tellsCountry: true, source: CONTROLS[0]!.source };
    const { plan } = planRound({ ...base, controls: [...CONTROLS, trace], kind: 'regular', rotation: INITIAL_ROTATION });
    const upFront = plan.probes.filter((probe) => probe.target.type === 'control');
    expect(upFront.map((probe) => probe.target.type === 'control' && probe.target.controlId)).toEqual(['intl-trace']);
    expect(plan.laterControls.map((control) => control.id)).toEqual(['intl-a', 'intl-b', 'ru-a']);
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

  it('manual and confirmation rounds probe all their controls up front', () => {
    for (const kind of ['manual', 'confirm'] as const) {
      const { plan } = planRound({ ...base, kind, focus: ['messenger-x'], rotation: INITIAL_ROTATION });
      expect(plan.probes.filter((probe) => probe.target.type === 'control')).toHaveLength(3);
      expect(plan.laterControls).toEqual([]);
    }
  });

  it('measures throughput only for the services asked and only where an object exists', () => {
    const { plan, rotation } = planRound({ ...base, kind: 'regular', rotation: INITIAL_ROTATION, throughputFor: ['messenger-x', 'other'] });
    const throughput = plan.probes.filter((probe) => probe.kind === 'throughput');
    expect(throughput).toHaveLength(1);
    expect(rotation.throughputAt).toEqual({ 'messenger-x': 1000 });
  });
});

describe('a pool of interchangeable hosts', () => {
  const SOURCE = { ref: 'test fixture', checked: '2026-11-01' };
  const POOLED = {
    ...MESSENGER,
    components: MESSENGER.components.map((component) =>
      component.id === 'chat'
        ? {
            ...component,
            pool: { perRound: 3 },
            endpoints: Array.from({ length: 7 }, (_, index) => ({
              id: `x.chat.e${index + 1}`,
              kind: 'reach' as const,
              url: `https://e${index + 1}.x.test/`,
              method: 'HEAD' as const,
              reachedOn: ['tls_cert_authority' as const],
              source: SOURCE,
            })),
          }
        : component,
    ),
  };
  const chatIds = (probes: readonly { target: { type: string; endpointId?: string; componentId?: string } }[]) =>
    probes.filter((probe) => probe.target.type === 'endpoint' && probe.target.componentId === 'chat').map((probe) => probe.target.endpointId);

  it('a manual round probes perRound hosts, and successive rounds move through every host', () => {
    let rotation = INITIAL_ROTATION;
    const seen: (string | undefined)[][] = [];
    for (let round = 0; round < 3; round += 1) {
      const result = planRound({ ...base, services: [POOLED], kind: 'manual', rotation });
      rotation = result.rotation;
      seen.push(chatIds(result.plan.probes));
    }
    expect(seen).toEqual([
      ['x.chat.e1', 'x.chat.e2', 'x.chat.e3'],
      ['x.chat.e4', 'x.chat.e5', 'x.chat.e6'],
      ['x.chat.e7', 'x.chat.e1', 'x.chat.e2'],
    ]);
  });

  it('a light round counts the pool as one slot, and its sweep holds the same perRound hosts', () => {
    let rotation = INITIAL_ROTATION;
    const light: (string | undefined)[] = [];
    for (let round = 0; round < 3; round += 1) {
      const result = planRound({ ...base, services: [POOLED], kind: 'regular', rotation });
      const sweep = chatIds(result.plan.sweeps[POOLED.id] ?? []);
      expect(sweep).toHaveLength(3);
      const probed = chatIds(result.plan.probes);
      // Whatever a light round probed of the pool is the first host of its sweep.
      if (probed.length > 0) expect(probed).toEqual([sweep[0]]);
      light.push(...result.plan.probes.flatMap((probe) => (probe.target.type === 'endpoint' ? [probe.target.endpointId] : [])));
      rotation = result.rotation;
    }
    // web, then the pool's host of that round, then media: three slots, not nine.
    expect(light).toEqual(['x.web.main', 'x.chat.e4', 'x.media.cdn']);
  });
});
