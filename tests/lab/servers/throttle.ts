/**
 * `throttle`: a policer. The answer is `ok`'s, but its body is paced at 128 kbit/s (1 KiB every
 * 62.5 ms), the rate Russian policers settled at for Twitter and YouTube (docs/sources.md#throttling-rate).
 * Headers pass at once.
 */
import type { HttpHandler } from './handler';
import { answerPlan, bodyLength, bodySlice } from './response-plan';

/** The policed rate, bytes per second: 16 KiB/s = 128 kbit/s (in KiB-based kilobits, as policers are set). */
export const THROTTLE_BYTES_PER_SECOND = 16 * 1024;
/** Bytes per write: 1 KiB, one every 62.5 ms at the rate above. */
export const THROTTLE_CHUNK_BYTES = 1024;
/** The most the pacer may send at once, bytes. */
const BUCKET_BYTES = 2 * THROTTLE_CHUNK_BYTES;
/** How often the pacer wakes, ms; the bucket measures real elapsed time, so timer drift never raises the rate. */
const TICK_MS = 20;

export const throttle: HttpHandler = {
  level: 'http',
  onRequest(request, response, context) {
    const plan = answerPlan(request, context);
    response.writeHead(plan.status, plan.headers);
    const total = bodyLength(plan.body);
    if (total === 0) {
      response.end();
      return;
    }
    // A token bucket that holds at most two chunks: enough to carry the fraction left over
    // between wake-ups (a one-chunk cap would lose it and run ~20 % slow), never a burst
    // beyond rate × time + 2 KiB, even after a slow reader held writes back.
    let tokens = THROTTLE_CHUNK_BYTES;
    let last = performance.now();
    let sent = 0;
    const tick = (): void => {
      const now = performance.now();
      tokens = Math.min(BUCKET_BYTES, tokens + ((now - last) * THROTTLE_BYTES_PER_SECOND) / 1000);
      last = now;
      for (;;) {
        const size = Math.min(THROTTLE_CHUNK_BYTES, total - sent);
        if (size === 0 || tokens < size || response.writableNeedDrain) break;
        response.write(bodySlice(plan.body, sent, sent + size));
        tokens -= size;
        sent += size;
      }
      if (sent >= total) {
        clearInterval(timer);
        response.end();
      }
    };
    const timer = setInterval(tick, TICK_MS);
    response.on('close', () => clearInterval(timer));
    tick();
  },
};
