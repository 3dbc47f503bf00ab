/**
 * `error-5xx`: the service itself is down. It answers 503 to everything; an answer is an answer,
 * so a probe must read it as reachable (OONI's lesson), not as blocked.
 */
import type { HttpHandler } from './handler';
import { pagePlan, sendWhole } from './response-plan';

/** What a real overloaded front end says: try again in a couple of minutes, s. */
const RETRY_AFTER_S = 120;

export const error5xx: HttpHandler = {
  level: 'http',
  onRequest(request, response) {
    const plan = pagePlan(request, 503, 'text/plain; charset=utf-8', 'Service Unavailable\n');
    sendWhole(response, { ...plan, headers: { ...plan.headers, 'retry-after': String(RETRY_AFTER_S) } });
  },
};
