/**
 * The end of every probe's request: ask the environment what it saw, and when the request failed,
 * normalize the failure (and apply the DNS-lie rule when no answer came). Shared by all kinds.
 */
import { failureAfterDnsLie } from './bogus-address';
import type { FailureCode } from './failure/codes';
import { normalizeFailure } from './failure/normalize';
import type { Reached } from './observation';
import type { ProbeContext } from './probe';
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
