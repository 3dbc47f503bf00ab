/**
 * `stall`: the freeze Russian TSPU boxes put on flows to foreign hosting (net4people#490): the
 * headers and the first 16 KiB of the body arrive, then nothing, and no RST either; the
 * connection stays open until the client gives up. Every GET/POST gets an object (so there is
 * something to freeze); a HEAD, or a body that fits under the limit, passes whole, as it would
 * under a real freeze.
 */
import type { IncomingMessage } from 'node:http';
import type { HttpHandler, RequestContext } from './handler';
import { DEFAULT_OBJECT_BYTES } from './object-bytes';
import { answerPlan, bodyLength, bodySlice, objectPlan, type ResponsePlan } from './response-plan';

/** Body bytes delivered before the freeze: the 16 KiB of the reports (docs/sources.md#tspu-freeze) and of the lab (#browser-lab). */
export const STALL_AFTER_BYTES = 16 * 1024;

function frozenPlan(request: IncomingMessage, context: RequestContext): ResponsePlan {
  const answer = answerPlan(request, context);
  return answer.body.kind === 'object' ? answer : objectPlan(request, DEFAULT_OBJECT_BYTES);
}

export const stall: HttpHandler = {
  level: 'http',
  onRequest(request, response, context) {
    const plan = frozenPlan(request, context);
    response.writeHead(plan.status, plan.headers);
    const length = bodyLength(plan.body);
    if (length <= STALL_AFTER_BYTES) {
      response.end(bodySlice(plan.body, 0, length));
      return;
    }
    // Then nothing: no end, no timer. The socket is destroyed by the client or by the server's close().
    response.write(bodySlice(plan.body, 0, STALL_AFTER_BYTES));
  },
};
