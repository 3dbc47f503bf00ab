/**
 * A resolver lie to a filter server is a DNS block. Every WhatsApp name resolves to the lab's
 * filter address (10.10.34.34, one of Iran's 10.10.34.34–36), which serves its page over HTTP and
 * its own certificate over HTTPS. Before issue 9 the filter's certificate error counted as "chat
 * reached": WhatsApp read Partly blocked and was never notified. Now: confirmed blocked by dns,
 * one notification, a badge.
 */
import { describeConfirmedBlock } from '../harness/confirmed-block';

describeConfirmedBlock({
  title: 'resolved to the filter server',
  serviceId: 'whatsapp',
  serviceName: 'WhatsApp',
  how: 'dns',
  block: (lab) => lab.service('whatsapp').dns().bogus(),
});
