/**
 * "Test speed" for one service: a throughput probe on demand (the background runs it as a small
 * round and answers when it is done). The result shows in the row from the next snapshot and is
 * announced; a spent data budget or a service with nothing to download is said plainly.
 */
import { useState } from 'preact/hooks';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { formatGoodput } from '../../src/format/measures';
import { useI18n } from '../shared/ui/i18n';
import { usePage } from '../shared/ui/page-context';

export function SpeedTest(props: {
  readonly serviceId: string;
  readonly name: string;
  readonly disabled: boolean;
  readonly announce: (text: string) => void;
  readonly onSnapshot: (snapshot: Snapshot) => void;
}) {
  const { connector } = usePage();
  const { t, locale } = useI18n();
  const [testing, setTesting] = useState(false);
  const { name, announce } = props;

  const run = async (): Promise<void> => {
    setTesting(true);
    announce(t('popup_speed_testing', name));
    try {
      const answer = await connector.send('measureSpeed', { serviceId: props.serviceId });
      if (!answer.ok) {
        if (answer.reason === 'budget_spent') announce(t('popup_speed_budget_spent'));
        else if (answer.reason === 'no_object') announce(t('popup_speed_no_object', name));
        else announce(t('popup_speed_unknown_service', name));
        return;
      }
      const latest = await connector.send('getSnapshot', {});
      props.onSnapshot(latest);
      const goodput = latest.services.find((service) => service.id === props.serviceId)?.goodputKbps;
      announce(goodput === undefined ? t('popup_speed_done_plain', name) : t('popup_speed_done', [name, formatGoodput(goodput, locale)]));
    } catch {
      announce(t('popup_speed_failed'));
    } finally {
      setTesting(false);
    }
  };

  return (
    <button type="button" class="small quiet" data-action="test-speed" disabled={props.disabled || testing} aria-label={t('popup_test_speed_label', name)} onClick={() => void run()}>
      {testing ? t('popup_speed_testing_button') : t('popup_test_speed')}
    </button>
  );
}
