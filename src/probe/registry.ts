/**
 * Every probe kind and its probe. The mapped type makes each key's probe declare that very kind
 * (`PROBES.http.kind` is `'http'`), and a new `ProbeKind` fails to compile until it has a probe.
 */
import type { ProbeKind } from '../catalogue/types';
import { httpProbe } from './http';
import type { Observation } from './observation';
import type { Probe, ProbeContext, ProbeTask } from './probe';
import { reachProbe } from './reach';
import { throughputProbe } from './throughput';

export const PROBES = {
  http: httpProbe,
  reach: reachProbe,
  throughput: throughputProbe,
} as const satisfies { readonly [K in ProbeKind]: Probe<K> };

/** Runs the probe of the task's kind. */
export function runProbe(task: ProbeTask, ctx: ProbeContext): Promise<Observation> {
  switch (task.kind) {
    case 'http':
      return PROBES.http.run(task, ctx);
    case 'reach':
      return PROBES.reach.run(task, ctx);
    case 'throughput':
      return PROBES.throughput.run(task, ctx);
  }
}
