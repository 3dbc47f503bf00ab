/**
 * Telegram black-holed: every packet to its addresses (names and data-centre IPs) is dropped, so
 * each probe ends at the product's own 15 s timer with nothing received: `blocked` by `connect`.
 */
import { expect } from 'vitest';
import { describeConfirmedBlock } from '../harness/confirmed-block';
import { recordFigure } from '../harness/scenario';

describeConfirmedBlock({
  title: 'black-holed',
  serviceId: 'telegram',
  serviceName: 'Telegram',
  how: 'connect',
  block: (lab) => lab.service('telegram').blackhole(),
  async onTraffic({ lab }) {
    const telegram = new Set(lab.service('telegram').addresses);
    const traffic = await lab.checkTraffic();
    const syns = traffic.destinations.filter((port) => telegram.has(port.address)).reduce((sum, port) => sum + port.synPackets, 0);
    // The black hole was met: SYNs went out and nothing came back.
    expect(syns).toBeGreaterThan(0);
    await recordFigure('SYNs sent to black-holed Telegram addresses in 3 rounds', syns, 'packets');
  },
});
