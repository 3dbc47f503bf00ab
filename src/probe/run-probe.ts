/**
 * Runs the probe of a task's kind: `http` and `reach` make one request and read the answer
 * (`answer.ts`; for `reach`, a failure the task lists in `reachedOn` also proves the host
 * reachable); `throughput` times a big download (`throughput.ts`).
 */
import { probeAnswer } from './answer';
import type { Observation } from './observation';
import type { ProbeContext, ProbeTask } from './probe';
import { measureThroughput } from './throughput';

export function runProbe(task: ProbeTask, ctx: ProbeContext): Promise<Observation> {
  return task.kind === 'throughput' ? measureThroughput(task, ctx) : probeAnswer(task, ctx);
}
