/**
 * The end of every probe's request: ask the environment what it saw, and when the request failed,
 * normalize the failure (and apply the DNS-lie rule when no answer came). Shared by all kinds.
 *
 * Two findings only the environment's record can give:
 * - a redirect the browser saw but could not follow (no permission for the blockpage host) is
 *   matched against the blockpage fingerprints;
 * - an answer that came from an address no public host has (a resolver's lie pointing at a
 *   blockpage server, say) is not the service answering: failure `dns_bogus`, not `ok`. The user's
 *   own targets are exempt: local names are how people test their own devices.
 */
import { CUSTOM_ID_PREFIX } from '../catalogue/custom-target';
import type { AddressRange } from '../catalogue/types';
import { matchBlockpage } from './blockpage';
import { failureAfterDnsLie, namedHostAtBogusAddress } from './bogus-address';
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
  /** The blockpage found: in the answer, or from a redirect the browser could not follow. */
  readonly blockpage?: string;
  /** The answer came from a bogus address: not the service's. */
  readonly lied: boolean;
}

function answeredByLie(task: ProbeTask, ip: string | undefined, prefixes: readonly AddressRange[]): boolean {
  if (ip === undefined || (task.target.type === 'endpoint' && task.target.serviceId.startsWith(CUSTOM_ID_PREFIX))) return false;
  return namedHostAtBogusAddress(task.url, ip, prefixes);
}

export async function settle(
  request: ProbeRequest,
  ctx: ProbeContext,
  task: ProbeTask,
  input: { readonly answered: boolean; readonly bodyBytes: number; readonly failed: boolean; readonly thrown: unknown; readonly blockpage: string | undefined },
): Promise<Settled> {
  const detail = await request.finish();
  const reached = { headers: input.answered, bytes: input.bodyBytes };
  const redirectBlockpage =
    input.blockpage === undefined && detail?.redirectedTo !== undefined ? matchBlockpage({ finalUrl: detail.redirectedTo }, ctx.blockpages) : undefined;
  const blockpage = input.blockpage ?? redirectBlockpage;
  const found = blockpage !== undefined ? { blockpage } : {};
  if (!input.failed) {
    const lied = input.answered && blockpage === undefined && answeredByLie(task, detail?.ip, ctx.bogusAddressPrefixes);
    return { detail, reached, ...found, lied, ...(lied ? { failure: 'dns_bogus' as const, raw: `answered from ${detail?.ip ?? ''}` } : {}) };
  }
  const normalized = normalizeFailure({ environment: ctx.transport.environment, detail, timerFired: request.timerFired, thrown: input.thrown, reached });
  const failure = input.answered
    ? normalized.failure
    : failureAfterDnsLie({ url: task.url, ip: detail?.ip, failure: normalized.failure, blockpage, prefixes: ctx.bogusAddressPrefixes });
  return { detail, reached, ...found, lied: false, ...(failure !== undefined ? { failure } : {}), raw: normalized.raw };
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
  readonly clientCountry?: string;
  readonly transfer?: TransferTiming;
}

/** The observation of a settled request, with its wire-bytes estimate. */
export function observationOf(task: ProbeTask, request: ProbeRequest, ctx: ProbeContext, settled: Settled, findings: Findings): Observation {
  const { detail, reached, failure, raw } = settled;
  return {
    roundStart: task.roundStart,
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
    ...(findings.clientCountry !== undefined ? { clientCountry: findings.clientCountry } : {}),
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
