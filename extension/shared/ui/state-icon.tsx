/**
 * A small icon per state, each a different shape (a check, a clock, a half-filled circle, a bar
 * across, a broken link, a fence, a question mark) so states differ without colour. Decorative:
 * the words next to it say the same, so it is hidden from screen readers.
 */
import type { State } from '../../../src/states';

const SHAPES: Readonly<Record<State, string>> = {
  // check mark
  reachable: 'M4.5 8.3l2.4 2.4 4.6-5',
  // clock hands: waiting
  slow: 'M8 4.2V8l2.6 1.6',
  // half: left half filled by the path below
  partial: 'M8 2.5a5.5 5.5 0 0 0 0 11z',
  // bar across
  blocked: 'M4.1 11.9l7.8-7.8',
  // broken line: no connection
  offline: 'M3.5 8h3M9.5 8h3M6 5.5l4 5',
  // fence: two bars
  restricted: 'M4.5 6.5h7M4.5 9.5h7',
  // question mark
  unknown: 'M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6M8 11.4v.2',
};

export function StateIcon(props: { readonly state: State }) {
  const filled = props.state === 'partial';
  return (
    <svg class="state-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray={props.state === 'offline' ? '2.6 1.6' : undefined} />
      <path d={SHAPES[props.state]} fill={filled ? 'currentColor' : 'none'} stroke={filled ? 'none' : 'currentColor'} stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
