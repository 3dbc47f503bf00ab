/**
 * How each state looks and reads: its words (the `state_*` messages, shared with notifications)
 * and its short `how` label. Colour and icon come from the state's name (`tone-<state>`,
 * state-icon.tsx); the words are always shown with them.
 */
import type { How, State } from '../../../src/states';
import type { MessageKey } from './message-key';

export const STATE_LABEL: Readonly<Record<State, MessageKey>> = {
  reachable: 'state_reachable',
  slow: 'state_slow',
  partial: 'state_partial',
  blocked: 'state_blocked',
  offline: 'state_offline',
  restricted: 'state_restricted',
  unknown: 'state_unknown',
};

export const HOW_LABEL: Readonly<Record<How, MessageKey>> = {
  dns: 'how_dns',
  connect: 'how_connect',
  reset: 'how_reset',
  tls: 'how_tls',
  blockpage: 'how_blockpage',
  stall: 'how_stall',
};
