/**
 * Every served behaviour and the file that plays it. The key set is checked against
 * `SERVED_BEHAVIOURS`, so a behaviour cannot be named without being implemented.
 */
import type { ServedBehaviour } from '../behaviour';
import { blockpage, blockpageRedirect } from './blockpage';
import { captivePortal } from './captive-portal';
import { closeAfterHello } from './close-after-hello';
import { error5xx } from './error-5xx';
import type { Handler } from './handler';
import { ok } from './ok';
import { resetAfterHello } from './reset-after-hello';
import { silenceAfterHello } from './silence-after-hello';
import { stall } from './stall';
import { throttle } from './throttle';
import { wrongCertExpired, wrongCertSelfSigned, wrongCertWrongName } from './wrong-cert';

export const HANDLERS = {
  ok,
  'reset-after-hello': resetAfterHello,
  'close-after-hello': closeAfterHello,
  'silence-after-hello': silenceAfterHello,
  'wrong-cert:self-signed': wrongCertSelfSigned,
  'wrong-cert:wrong-name': wrongCertWrongName,
  'wrong-cert:expired': wrongCertExpired,
  blockpage,
  'blockpage-redirect': blockpageRedirect,
  stall,
  throttle,
  'error-5xx': error5xx,
  'captive-portal': captivePortal,
} as const satisfies Record<ServedBehaviour, Handler>;
