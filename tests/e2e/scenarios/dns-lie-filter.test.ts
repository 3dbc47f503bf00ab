/**
 * A resolver lie to a filter server. Every WhatsApp name resolves to the lab's filter address
 * (10.10.34.34, one of Iran's 10.10.34.34–36), which serves its page over HTTP and its own
 * certificate over HTTPS. Before issue 9 the filter's certificate error counted as "chat reached":
 * WhatsApp read Partly blocked and was never notified. Now it is confirmed blocked, with one
 * notification and a badge.
 *
 * The `how` here is `tls`, not `dns`: every WhatsApp name is HSTS-preloaded (wa.me too: a plain
 * http://wa.me/ probe was upgraded to https in this lab's Chromium 156), and Chromium gives no
 * address with a certificate error, so from Chromium the lie cannot be told from interception.
 * Where the address is known (Firefox's webRequest gives it with certificate errors; Node), the
 * same network reads blocked by `dns` (tests/lab/engine.test.ts).
 */
import { describeConfirmedBlock } from '../harness/confirmed-block';

describeConfirmedBlock({
  title: 'resolved to the filter server',
  serviceId: 'whatsapp',
  serviceName: 'WhatsApp',
  how: 'tls',
  block: (lab) => lab.service('whatsapp').dns().bogus(),
});
