/**
 * The request both `http` and `reach` probes make: one GET/HEAD/POST, redirects followed, and a
 * judgement of what came back.
 *
 * - Any HTTP status is an answer (`ok`), unless the answer is a blockpage: its final URL on a
 *   fingerprint's host, or a fingerprint's marker in the first `sniffBytes` of a text-like body
 *   (read only for GET/POST answers). A blockpage is an answer, but not `ok`.
 * - If the body breaks off while being read, the answer still counts; `failure` and `raw` then
 *   say how the body ended and `reached.bytes` how much came.
 * - A control's `expect` gives `contentOk`: the status and the body text must match. When the
 *   body could not be read, only a status mismatch is a verdict (`false`); otherwise it is left
 *   unjudged.
 * - No answer: the failure is normalized (`failure/normalize.ts`), then the DNS-lie rule of
 *   `bogus-address.ts` applies (addresses classified by `src/address.ts`). For `reach`, a failure in `reachedOn` means the host was reached:
 *   `ok`, with the failure kept.
 */
import { decodeBody, isTextual, matchBlockpage } from './blockpage';
import { countryFromTrace } from './client-country';
import type { Observation } from './observation';
import { tunablesOf, type HttpTask, type ProbeContext, type ReachTask } from './probe';
import { ProbeRequest } from './request';
import { observationOf, settle } from './settle';

/** The final URL, when it differs from the task's URL (after normalization). */
export function differingFinalUrl(taskUrl: string, responseUrl: string): string | undefined {
  if (responseUrl === '') return undefined;
  const final = responseUrl;
  try {
    return new URL(final).href === new URL(taskUrl).href ? undefined : final;
  } catch {
    return final === taskUrl ? undefined : final;
  }
}

export async function probeAnswer(task: HttpTask | ReachTask, ctx: ProbeContext): Promise<Observation> {
  const tunables = tunablesOf(ctx);
  const request = new ProbeRequest(ctx, tunables, task);
  const sent = await request.send(task.method);

  let status: number | undefined;
  let finalUrl: string | undefined;
  let blockpage: string | undefined;
  let contentOk: boolean | undefined;
  let clientCountry: string | undefined;
  let bodyBytes = 0;
  let thrown: unknown;
  let failed = false;

  if ('response' in sent) {
    const { response } = sent;
    status = response.status;
    finalUrl = differingFinalUrl(task.url, response.url);
    const expect = task.kind === 'http' ? task.expect : undefined;
    const contentType = response.headers.get('content-type');
    const wantsText = task.method !== 'HEAD' && (isTextual(contentType) || expect?.bodyIncludes !== undefined);
    let body: string | undefined;
    let bodyBroke = false;
    if (wantsText) {
      const read = await request.readBody(response, { maxBytes: tunables.sniffBytes, keepBytes: tunables.sniffBytes });
      bodyBytes = read.bytes;
      if ('thrown' in read) {
        thrown = read.thrown;
        failed = true;
        bodyBroke = true;
      }
      body = decodeBody(read.kept, contentType);
    } else {
      request.discardBody(response);
    }
    blockpage = matchBlockpage({ finalUrl: finalUrl ?? task.url, ...(body !== undefined ? { body } : {}) }, ctx.blockpages);
    if (expect) {
      const statusOk = expect.status === undefined || expect.status === status;
      const bodyKnown = expect.bodyIncludes === undefined || (body !== undefined && !bodyBroke);
      const bodyOk = expect.bodyIncludes === undefined || (body?.includes(expect.bodyIncludes) ?? false);
      contentOk = !statusOk ? false : bodyKnown ? bodyOk : undefined;
    }
    if (task.kind === 'http' && task.readsCountry && body !== undefined && !bodyBroke) clientCountry = countryFromTrace(body);
  } else {
    thrown = sent.thrown;
    failed = true;
  }

  const answered = status !== undefined;
  const settled = await settle(request, ctx, task, { answered, bodyBytes, failed, thrown, blockpage });
  const reachedHost = task.kind === 'reach' && !answered && settled.failure !== undefined && task.reachedOn.includes(settled.failure);
  const ok = (answered && settled.blockpage === undefined && !settled.lied) || reachedHost;
  return observationOf(task, request, ctx, settled, {
    ok,
    answered,
    bodyBytes,
    ...(status !== undefined ? { status } : {}),
    ...(finalUrl !== undefined ? { finalUrl } : {}),
    ...(settled.blockpage !== undefined ? { blockpage: settled.blockpage } : {}),
    ...(contentOk !== undefined ? { contentOk } : {}),
    ...(clientCountry !== undefined ? { clientCountry } : {}),
  });
}
