/**
 * TLS interception is never "reachable". Every Signal name presents a certificate that is not its
 * own — (1) from an authority the browser does not trust, as Kazakhstan's 2019 interception looked
 * to anyone without the state's root; (2) for another name. Plain-HTTP http://signal.org still
 * answers, and the private-CA hosts' certificate error is the answer they normally give. Before
 * issue 9 the first read Reachable and the second Partly blocked (never notified); now both are
 * confirmed blocked by tls with one notification and a badge.
 */
import { describeConfirmedBlock } from '../harness/confirmed-block';

describeConfirmedBlock({
  title: 'intercepted: every name behind an untrusted authority',
  serviceId: 'signal',
  serviceName: 'Signal',
  how: 'tls',
  block: (lab) => lab.service('signal').wrongCert('self-signed'),
});

describeConfirmedBlock({
  title: 'intercepted: every name behind a certificate for another name',
  serviceId: 'signal',
  serviceName: 'Signal',
  how: 'tls',
  block: (lab) => lab.service('signal').wrongCert('wrong-name'),
});
