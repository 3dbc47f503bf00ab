/**
 * "Check now": starts a full round, shows its progress from the pushed snapshots, and says when it
 * is done. Disabled while any round runs (the background only joins a running round anyway).
 *
 * The background answers `runNow` when the round it started (or joined) has ended. Completion is
 * read from whichever comes first: a pushed snapshot of a round that ended at or after the click
 * with nothing running, or that answer followed by a snapshot with nothing running (pushes to a
 * popup can be missed), so the button never stays disabled.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { isBadState } from '../../src/states';
import { numberFormat } from '../../src/format/intl-cache';
import { useI18n } from '../shared/ui/i18n';
import { usePage } from '../shared/ui/page-context';

type Phase = 'idle' | 'starting' | 'running';

export function finishedAfter(snapshot: Snapshot, clickedAt: number): boolean {
  return !snapshot.activity.running && snapshot.lastRoundAt !== undefined && snapshot.lastRoundAt >= clickedAt;
}

export function CheckNow(props: { readonly snapshot: Snapshot; readonly announce: (text: string) => void; readonly onSnapshot: (snapshot: Snapshot) => void }) {
  const { connector, now } = usePage();
  const { t, locale } = useI18n();
  const { snapshot, announce } = props;
  const [phase, setPhase] = useState<Phase>('idle');
  const [failed, setFailed] = useState(false);
  const clickedAt = useRef<number | null>(null);
  const count = (value: number): string => numberFormat(locale, {}).format(value);

  const finish = (done: Snapshot): void => {
    clickedAt.current = null;
    setPhase('idle');
    if (done.network.state === 'offline') announce(t('popup_check_done_offline'));
    else {
      const problems = done.services.filter((service) => isBadState(service.state)).length;
      announce(problems === 0 ? t('popup_check_done_ok') : t('popup_check_done_problems', count(problems)));
    }
  };

  useEffect(() => {
    if (clickedAt.current === null) return;
    if (snapshot.activity.running) setPhase('running');
    else if (finishedAfter(snapshot, clickedAt.current)) finish(snapshot);
  }, [snapshot]);

  const start = (): void => {
    const at = now();
    clickedAt.current = at;
    setFailed(false);
    setPhase('starting');
    announce(t('popup_checking_start'));
    connector
      .send('runNow', {})
      .then(() => connector.send('getSnapshot', {}))
      .then((latest) => {
        props.onSnapshot(latest);
        if (clickedAt.current !== at) return;
        // Still running means another round followed ours: its pushes end the wait.
        if (latest.activity.running) setPhase('running');
        else finish(latest);
      })
      .catch(() => {
        if (clickedAt.current !== at) return;
        clickedAt.current = null;
        setPhase('idle');
        setFailed(true);
        announce(t('popup_check_failed'));
      });
  };

  const { running, done, total } = snapshot.activity;
  const busy = running || phase !== 'idle';
  return (
    <div class="check-now">
      <button type="button" class="primary" data-action="check-now" disabled={busy} onClick={start} aria-describedby="check-progress">
        {busy ? t('popup_checking_button') : t('popup_check_now')}
      </button>
      <span id="check-progress" class="muted small">
        {running && total > 0 ? (
          <>
            <progress max={total} value={done} aria-hidden="true" /> {t('popup_checking', [count(done), count(total)])}
          </>
        ) : busy ? (
          t('popup_checking_start')
        ) : null}
      </span>
      {failed && <p class="error">{t('popup_check_failed')}</p>}
    </div>
  );
}
