/**
 * Throttling needs a paired control (docs/sources.md#paired-control): a target's goodput means nothing alone. The
 * target is `slow` when its goodput is at most SLOW_RATIO of the best control measured in the
 * same round, or when its bytes stopped while the control's kept flowing.
 */
import { CONTROL_MIN_GOODPUT_KBPS, SLOW_RATIO, THROUGHPUT_SUSPECT_KBPS } from '../defaults';
import type { Observation } from '../probe/observation';
import type { Speed } from './verdict';

export interface SpeedJudgement {
  readonly speed: Speed;
  readonly ratio?: number;
  readonly goodputKbps?: number;
}

/** The best usable throughput control of a round: answered, not stalled, fast enough to compare against. */
export function bestControlGoodput(controls: readonly Observation[]): number | undefined {
  let best: number | undefined;
  for (const control of controls) {
    const transfer = control.transfer;
    if (!control.ok || transfer === undefined || transfer.stalled || transfer.goodputKbps === undefined) continue;
    if (best === undefined || transfer.goodputKbps > best) best = transfer.goodputKbps;
  }
  return best;
}

export function judgeSpeed(target: Observation | undefined, controls: readonly Observation[]): SpeedJudgement {
  if (target === undefined || target.transfer === undefined) return { speed: 'unmeasured' };
  const transfer = target.transfer;
  const goodputKbps = transfer.goodputKbps;
  const control = bestControlGoodput(controls);
  const controlUsable = control !== undefined && control >= CONTROL_MIN_GOODPUT_KBPS;

  if (transfer.stalled && target.reached.bytes > 0) {
    // Bytes came, then stopped: only a control that kept flowing makes it the target's problem.
    return controlUsable ? { speed: 'stall', ...(goodputKbps !== undefined ? { goodputKbps } : {}) } : { speed: 'unmeasured' };
  }
  if (!target.ok || goodputKbps === undefined) return { speed: 'unmeasured' };
  if (goodputKbps >= THROUGHPUT_SUSPECT_KBPS) return { speed: 'ok', goodputKbps };
  // The object ended before we could time it properly: too small to judge.
  if (transfer.complete) return { speed: 'unmeasured', goodputKbps };
  if (!controlUsable || control === undefined) return { speed: 'unmeasured', goodputKbps };
  const ratio = goodputKbps / control;
  return { speed: ratio <= SLOW_RATIO ? 'slow' : 'ok', ratio, goodputKbps };
}
