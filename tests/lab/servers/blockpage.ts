/**
 * `blockpage`: 200 with the lab's blockpage for every path (its marker comes from the catalogue's
 * fingerprints). `blockpage-redirect`: 302 to the blockpage host of a redirect fingerprint, with
 * the blocked URL appended, as Rostelecom's `warning.rt.ru` redirects look.
 */
import type { ServerResponse } from 'node:http';
import type { HttpHandler } from './handler';
import { pagePlan, sendWhole } from './response-plan';

function missing(response: ServerResponse, reason: Error): void {
  // The lab cannot play a blockpage the catalogue does not describe: say so, loudly, in the answer.
  const body = `Blockwatch lab: no blockpage to serve: ${reason.message}\n`;
  response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

export const blockpage: HttpHandler = {
  level: 'http',
  onRequest(request, response, context) {
    if (context.blockpage instanceof Error) {
      missing(response, context.blockpage);
      return;
    }
    sendWhole(response, pagePlan(request, 200, 'text/html; charset=utf-8', context.blockpage.html));
  },
};

export const blockpageRedirect: HttpHandler = {
  level: 'http',
  onRequest(request, response, context) {
    if (context.blockpage instanceof Error) {
      missing(response, context.blockpage);
      return;
    }
    const blocked = `${context.tls ? 'https' : 'http'}://${context.host}${request.url ?? '/'}`;
    const location = `${context.blockpage.redirectUrl}?rs=${encodeURIComponent(blocked)}`;
    response.writeHead(302, { location, 'content-length': '0', 'cache-control': 'no-store' });
    response.end();
  },
};
