/**
 * `reach` probe: as `http`, and a failure the task lists in `reachedOn` (an error that can only
 * happen after the host answered, e.g. a private-CA certificate) also proves the host reachable.
 * See `answer.ts`.
 */
import { probeAnswer } from './answer';
import type { Probe } from './probe';

export const reachProbe: Probe<'reach'> = {
  kind: 'reach',
  run: (task, ctx) => probeAnswer(task, ctx),
};
