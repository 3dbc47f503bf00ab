/**
 * A proxy app with fake-IP DNS (Clash/Mihomo, sing-box, v2rayN, Hiddify) switched on and off
 * during a confirmed WhatsApp DNS block. Every name then resolves into 198.18.0.0/15 and WhatsApp
 * answers through the proxy; before paths were told apart this notified "WhatsApp works again"
 * and, on switching off, "WhatsApp is blocked": two false alarms about one unchanged block.
 */
import { describePathSwitch } from '../harness/path-switch';

describePathSwitch({
  title: 'a fake-IP proxy app',
  sign: 'fake-ip',
  switchOn: (lab) => lab.proxyApp(true),
  switchOff: (lab) => lab.proxyApp(false),
});
