/** A state as the person sees it: icon, colour and words together. */
import type { State } from '../../../src/states';
import { useI18n } from './i18n';
import { StateIcon } from './state-icon';
import { STATE_LABEL } from './state-look';

export function StateLabel(props: { readonly state: State }) {
  const { t } = useI18n();
  return (
    <span class={`state tone-${props.state}`}>
      <StateIcon state={props.state} />
      <span class="state-words">{t(STATE_LABEL[props.state])}</span>
    </span>
  );
}
