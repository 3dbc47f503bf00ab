/**
 * Pause: while paused, what that means and a Resume button; otherwise the three lengths to choose
 * from. The popup and the welcome page both show it; the background does the rest (no probe, no
 * notification until resumed or until the chosen time).
 */
import { useState } from 'preact/hooks';
import { formatMoment } from '../../../src/format/relative-time';
import type { PauseChoice } from '../../../src/settings/pause';
import type { Snapshot } from '../../../src/snapshot/snapshot';
import { useI18n } from './i18n';
import type { MessageKey } from './message-key';
import { usePage } from './page-context';

const CHOICES: readonly { readonly choice: PauseChoice; readonly label: MessageKey }[] = [
  { choice: '1h', label: 'pause_for_1h' },
  { choice: '8h', label: 'pause_for_8h' },
  { choice: 'resume', label: 'pause_until_resume' },
];

export function PauseControl(props: {
  readonly paused: Snapshot['paused'];
  readonly announce: (text: string) => void;
  readonly onChanged?: () => void;
  /** False where a heading right above already says "Pause checks" (the popup's disclosure). */
  readonly legend?: boolean;
}) {
  const { connector, now } = usePage();
  const { t, moment } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const { paused } = props;

  const act = (send: () => Promise<unknown>, done: string): void => {
    setBusy(true);
    setFailed(false);
    send().then(
      () => {
        setBusy(false);
        props.announce(done);
        props.onChanged?.();
      },
      () => {
        setBusy(false);
        setFailed(true);
        props.announce(t('pause_failed'));
      },
    );
  };

  if (paused) {
    const until = paused.until === null ? t('pause_state_until_resumed') : t('pause_state_until', formatMoment(paused.until, now(), moment));
    return (
      <div class="pause pause-on" data-paused="true" role="status">
        <p>
          <strong>{t('pause_state_title')}</strong> {until}
        </p>
        <p class="muted small">{t('pause_state_explain')}</p>
        <button type="button" class="primary" data-action="resume" disabled={busy} onClick={() => act(() => connector.send('resume', {}), t('pause_resumed'))}>
          {t('pause_resume')}
        </button>
        {failed && <p class="error">{t('pause_failed')}</p>}
      </div>
    );
  }
  return (
    <fieldset class="pause" data-paused="false" aria-label={props.legend === false ? t('pause_title') : undefined}>
      {props.legend !== false && <legend>{t('pause_title')}</legend>}
      <div class="row">
        {CHOICES.map(({ choice, label }) => (
          <button key={choice} type="button" data-action={`pause-${choice}`} disabled={busy} onClick={() => act(() => connector.send('pause', { choice }), t('pause_started'))}>
            {t(label)}
          </button>
        ))}
      </div>
      {failed && <p class="error">{t('pause_failed')}</p>}
    </fieldset>
  );
}
