/**
 * The end of every probe's request: ask the environment what it saw, and when the request failed,
 * normalize the failure (and apply the DNS-lie rule when no answer came). Shared by all kinds.
 */
import { failureAfterDnsLie } from './bogus-address';
import type { FailureCode } from './failure/codes';
import { normalizeFailure } from './failure/normalize';
import type { Observation, Reached, TransferTiming } from './observation';
import type { ProbeContext, ProbeTask } from './probe';
import { estimateWireBytes } from './wire-bytes';
import type { ProbeRequest } from './request';
import type { RequestDetail } from './transport';

export interface Settled {
  readonly detail: RequestDetail | undefined;
  readonly reached: Reached;
  readonly failure?: FailureCode;
  readonly raw?: string;
}

export async function settle(
  request: ProbeRequest,
  ctx: ProbeContext,
  input: { readonly url: string; readonly answered: boolean; readonly bodyBytes: number; readonly failed: boolean; readonly thrown: unknown; readonly blockpage: string | undefined },
): Promise<Settled> {
  const detail = await request.finish();
  const reached = { headers: input.answered, bytes: input.bodyBytes };
  if (!input.failed) return { detail, reached };
  const normalized = normalizeFailure({ environment: ctx.transport.environment, detail, timerFired: request.timerFired, thrown: input.thrown, reached });
  const failure = input.answered
    ? normalized.failure
    : failureAfterDnsLie({ url: input.url, ip: detail?.ip, failure: normalized.failure, blockpage: input.blockpage, prefixes: ctx.bogusAddressPrefixes });
  return { detail, reached, ...(failure !== undefined ? { failure } : {}), raw: normalized.raw };
}

/** What a probe kind adds to the observation of its request. */
export interface Findings {
  readonly ok: boolean;
  readonly answered: boolean;
  readonly bodyBytes: number;
  readonly status?: number;
  readonly finalUrl?: string;
  readonly blockpage?: string;
  readonly contentOk?: boolean;
  readonly transfer?: TransferTiming;
}

/** The observation of a settled request, with its wire-bytes estimate. */
export function observationOf(task: ProbeTask, request: ProbeRequest, ctx: ProbeContext, settled: Settled, findings: Findings): Observation {
  const { detail, reached, failure, raw } = settled;
  return {
    roundId: task.roundId,
    target: task.target,
    kind: task.kind,
    url: task.url,
    method: task.method,
    at: request.startedAt,
    ms: ctx.now() - request.startedAt,
    ok: findings.ok,
    ...(findings.status !== undefined ? { status: findings.status } : {}),
    ...(findings.finalUrl !== undefined ? { finalUrl: findings.finalUrl } : {}),
    ...(detail?.ip !== undefined ? { ip: detail.ip } : {}),
    ...(failure !== undefined ? { failure } : {}),
    ...(raw !== undefined ? { raw } : {}),
    reached,
    ...(findings.blockpage !== undefined ? { blockpage: findings.blockpage } : {}),
    ...(findings.contentOk !== undefined ? { contentOk: findings.contentOk } : {}),
    ...(findings.transfer !== undefined ? { transfer: findings.transfer } : {}),
    wireBytes: estimateWireBytes({
      url: task.url,
      ...(failure !== undefined && !findings.answered ? { failure } : {}),
      headers: findings.answered,
      bodyBytes: findings.bodyBytes,
      requests: findings.finalUrl !== undefined ? 2 : 1,
    }),
  };
}
