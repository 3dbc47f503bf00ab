/**
 * `http` probe: any HTTP answer (any status) proves the endpoint reachable; a blockpage is an
 * answer but not `ok`; a control's `expect` gives `contentOk`. See `answer.ts`.
 */
import { probeAnswer } from './answer';
import type { Probe } from './probe';

export const httpProbe: Probe<'http'> = {
  kind: 'http',
  run: (task, ctx) => probeAnswer(task, ctx),
};
