/**
 * A resolver lie to a filter server. Every WhatsApp name resolves to the lab's filter address
 * (10.10.34.34, one of Iran's 10.10.34.34–36), which serves its page over HTTP and its own
 * certificate over HTTPS. Before issue 9 the filter's certificate error counted as "chat reached":
 * WhatsApp read Partly blocked and was never notified. Now it is confirmed blocked, with one
 * notification and a badge.
 *
 * The `how` is `tls`, not the right `dns`, in both browsers: a known limitation (README,
 * Limitations), asserted as it is so a fix shows. From a browser the lie cannot be told from
 * interception, because neither gives the address a failed TLS connection went to:
 * - Chromium: every WhatsApp name is HSTS-preloaded (wa.me too: a plain http://wa.me/ probe was
 *   upgraded to https in this lab's Chromium 156), and its webRequest error has no address;
 * - Firefox ESR 153: its webRequest `onErrorOccurred` has no `ip` for a certificate error either
 *   (seen in this scenario: every endpoint `tls_cert_name`, none `dns_bogus`); the channel learns
 *   its peer only once the handshake succeeds.
 * Where the address is known (Node), the same network reads blocked by `dns`
 * (tests/lab/engine.test.ts). Still blocked here, with one notification and a badge.
 */
import { describeConfirmedBlock } from '../harness/confirmed-block';

describeConfirmedBlock({
  title: 'resolved to the filter server',
  serviceId: 'whatsapp',
  serviceName: 'WhatsApp',
  how: 'tls',
  block: (lab) => lab.service('whatsapp').dns().bogus(),
});
