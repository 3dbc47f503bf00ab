/** Words for every state a history bar can hold: the service states, and the network's own two. */
import type { SubjectSeries } from '../../src/store/history-range';
import type { MessageKey } from '../shared/ui/message-key';
import { STATE_LABEL } from '../shared/ui/state-look';

/** Every state a bucket of the history range can count seconds for. */
type TallyState = keyof SubjectSeries['seconds'][number];

export const TALLY_LABEL: Readonly<Record<TallyState, MessageKey>> = {
  ...STATE_LABEL,
  online: 'history_net_online',
  captive: 'history_net_captive',
};
