/**
 * A full-tunnel VPN with its exit in the Netherlands, for a person whose country is Russia,
 * switched on and off during a confirmed WhatsApp DNS block. Through the tunnel everything
 * resolves and answers (the VPN's resolver is abroad), and the country control says `loc=NL`;
 * those rounds measure the VPN's path, not the provider's, so the block neither ends nor starts again.
 */
import { describePathSwitch } from '../harness/path-switch';

describePathSwitch({
  title: 'a full-tunnel VPN exiting in NL',
  sign: 'exit-country',
  async switchOn(lab) {
    await lab.service('whatsapp').dns().answer();
    lab.exitCountry('NL');
  },
  async switchOff(lab) {
    lab.exitCountry('RU');
    await lab.service('whatsapp').dns().nxdomain();
  },
});
