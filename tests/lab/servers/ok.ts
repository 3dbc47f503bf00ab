/**
 * `ok`: the site works. Any method and path answers: 200 with a small page (or what the catalogue
 * expects of a control, e.g. a 204), and objects (`/__object…`, the catalogue's throughput URLs,
 * any GET with a Range header) as a deterministic byte stream, honouring `Range` with a 206.
 */
import type { HttpHandler } from './handler';
import { answerPlan, sendWhole } from './response-plan';

export const ok: HttpHandler = {
  level: 'http',
  onRequest(request, response, context) {
    sendWhole(response, answerPlan(request, context));
  },
};
