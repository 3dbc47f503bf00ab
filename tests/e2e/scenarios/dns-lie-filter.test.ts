/**
 * A resolver lie to a filter server. Every WhatsApp name resolves to the lab's filter address
 * (10.10.34.34, one of Iran's 10.10.34.34–36), which serves its page over HTTP and its own
 * certificate over HTTPS. Before issue 9 the filter's certificate error counted as "chat reached":
 * WhatsApp read Partly blocked and was never notified. Now it is confirmed blocked, with one
 * notification and a badge.
 *
 * The `how` differs by browser, and each is asserted:
 * - Firefox: `dns`, the right answer. Its webRequest gives no `ip` for a certificate error (the
 *   channel learns its peer only once the handshake succeeds: seen in Firefox ESR 153), so the
 *   transport asks Firefox's own resolver (`dns.resolve`, extension/background/browser-transport.ts)
 *   for the address, finds the filter's, and the probe reads a resolver lie (`dns_bogus`).
 * - Chromium: `tls`, a known limitation (README, Limitations). Every WhatsApp name is
 *   HSTS-preloaded (wa.me too: a plain http://wa.me/ probe was upgraded to https in this lab's
 *   Chromium 156), Chromium gives no address with a certificate error and an extension has no
 *   resolver API there, so from Chromium the lie cannot be told from interception. Still blocked,
 *   with one notification and a badge.
 */
import { BROWSER } from '../harness/blockwatch';
import { describeConfirmedBlock } from '../harness/confirmed-block';

describeConfirmedBlock({
  title: 'resolved to the filter server',
  serviceId: 'whatsapp',
  serviceName: 'WhatsApp',
  how: BROWSER === 'firefox' ? 'dns' : 'tls',
  block: (lab) => lab.service('whatsapp').dns().bogus(),
});
