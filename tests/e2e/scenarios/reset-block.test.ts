/**
 * Signal reset after the ClientHello: every connection to its hosts gets a TCP RST once the client
 * has sent its first bytes (DPI reading the SNI, or the Host of a plain-HTTP request):
 * `blocked` by `reset`.
 */
import { expect } from 'vitest';
import { describeConfirmedBlock } from '../harness/confirmed-block';
import { recordFigure } from '../harness/scenario';

describeConfirmedBlock({
  title: 'reset after the ClientHello',
  serviceId: 'signal',
  serviceName: 'Signal',
  how: 'reset',
  block: (lab) => lab.service('signal').reset(),
  async onTraffic({ lab }) {
    const connections = lab.service('signal').names.reduce((sum, name) => sum + lab.node.connections(name), 0);
    // Each reset connection reached the lab's server (the reset comes after the first bytes).
    expect(connections).toBeGreaterThan(0);
    await recordFigure('connections to reset Signal hosts in 3 rounds', connections, 'connections', `${lab.service('signal').names.length} Signal host names`);
  },
});
