/**
 * The `throughput` probe: a timed GET of a big object (with `Range: bytes=0-(bytes-1)` when the task
 * says the server honours it), read as a stream until `bytes` arrived, the object ended, or the
 * body timer fired. Records when the headers and the first byte came and every chunk's arrival,
 * from which `transfer-timing.ts` computes goodput, the longest gap and whether it stalled.
 *
 * - `ok`: a 2xx answer that delivered some bytes, not redirected to a blockpage host (only the
 *   final URL is checked; the body is binary).
 * - The body timer ending a slow read is the normal end of a throughput probe, not a failure;
 *   it is a `timeout` failure only when not a single body byte came. A connection that breaks
 *   mid-body gives its failure and raw words alongside the bytes that did come.
 * - `transfer.complete`: the object ended before `bytes` (too small to judge a speed).
 */
import { differingFinalUrl } from './answer';
import { matchBlockpage } from './blockpage';
import type { Observation, TransferTiming } from './observation';
import { tunablesOf, type ProbeContext, type ThroughputTask } from './probe';
import { ProbeRequest } from './request';
import { observationOf, settle } from './settle';
import { measureTransfer, type ChunkArrival } from './transfer-timing';

export async function measureThroughput(task: ThroughputTask, ctx: ProbeContext): Promise<Observation> {
  if (!Number.isFinite(task.bytes) || task.bytes < 1) return invalidTask(task, ctx, `bytes must be a positive number, got ${String(task.bytes)}`);
  const tunables = tunablesOf(ctx);
  const request = new ProbeRequest(ctx, tunables, task);
  const wanted = Math.floor(task.bytes);
  const sent = await request.send('GET', task.range ? { Range: `bytes=0-${wanted - 1}` } : undefined);

  let status: number | undefined;
  let finalUrl: string | undefined;
  let blockpage: string | undefined;
  let transfer: TransferTiming | undefined;
  let bodyBytes = 0;
  let thrown: unknown;
  let failed = false;
  let timerEndedRead = false;

  if ('response' in sent) {
    const { response, headersAt } = sent;
    status = response.status;
    finalUrl = differingFinalUrl(task.url, response.url);
    blockpage = matchBlockpage({ finalUrl: finalUrl ?? task.url }, ctx.blockpages);
    if (status >= 200 && status < 300 && blockpage === undefined) {
      const chunks: ChunkArrival[] = [];
      const read = await request.readBody(response, {
        maxBytes: wanted,
        keepBytes: 0,
        onChunk: (bytes, at) => chunks.push({ at, bytes }),
      });
      const endedAt = ctx.now();
      bodyBytes = read.bytes;
      if ('thrown' in read) {
        timerEndedRead = request.timerFired;
        // The timer ending a read that delivered bytes is how a slow transfer ends: no failure.
        if (!timerEndedRead || bodyBytes === 0) {
          thrown = read.thrown;
          failed = true;
        }
      }
      transfer = measureTransfer({
        startedAt: request.startedAt,
        headersAt,
        chunks,
        endedAt,
        complete: read.ended && read.bytes < wanted,
        stallGapMs: tunables.stallGapMs,
      });
    } else {
      request.discardBody(response);
    }
  } else {
    thrown = sent.thrown;
    failed = true;
  }

  const answered = status !== undefined;
  const settled = await settle(request, ctx, task, { answered, bodyBytes, failed, thrown, blockpage });
  const ok = status !== undefined && status >= 200 && status < 300 && bodyBytes > 0 && settled.blockpage === undefined && !settled.lied;
  return observationOf(task, request, ctx, settled, {
    ok,
    answered,
    bodyBytes,
    ...(status !== undefined ? { status } : {}),
    ...(finalUrl !== undefined ? { finalUrl } : {}),
    ...(settled.blockpage !== undefined ? { blockpage: settled.blockpage } : {}),
    ...(transfer !== undefined ? { transfer } : {}),
  });
}

/** A task no request can be made for: an observation that says why, and nothing sent. */
function invalidTask(task: ThroughputTask, ctx: ProbeContext, why: string): Observation {
  return {
    roundStart: task.roundStart,
    target: task.target,
    kind: 'throughput',
    url: task.url,
    method: 'GET',
    at: ctx.now(),
    ms: 0,
    ok: false,
    failure: 'error',
    raw: `invalid throughput task: ${why}`,
    reached: { headers: false, bytes: 0 },
    wireBytes: 0,
  };
}
