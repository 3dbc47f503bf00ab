/**
 * The person's own sites. What they type is checked as they type (the catalogue's parser); "Add"
 * asks the browser for access to that one site, straight from the click (Firefox shows the prompt
 * only then), and adds nothing if the person declines. Removing a site gives its access back
 * unless another of the person's sites still needs it.
 */
import { useState } from 'preact/hooks';
import { CATALOGUE } from '../../src/catalogue';
import { hostPermissions } from '../../src/catalogue/permissions';
import type { ServiceInfo } from '../../src/protocol';
import type { CustomTarget, Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { usePage } from '../shared/ui/page-context';
import { FieldErrorList } from './field-error-list';
import type { Save } from './save';
import { checkTarget, customServices, permissionOf, targetErrorMessage } from './target-check';

/** Origins the manifest already grants: never given back (the browser refuses, and the catalogue needs them). */
const REQUIRED_ORIGINS: ReadonlySet<string> = new Set(hostPermissions(CATALOGUE));

type Notice = { readonly ok: boolean; readonly text: string } | null;

export function CustomTargetsSection(props: {
  readonly settings: Settings;
  readonly services: readonly ServiceInfo[];
  readonly errors: readonly SettingsFieldError[];
  readonly save: Save;
  readonly announce: (text: string) => void;
}) {
  const { connector, now } = usePage();
  const i18n = useI18n();
  const { t } = i18n;
  const [input, setInput] = useState('');
  const [tried, setTried] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const targets = props.settings.customTargets;
  const names = new Map(props.services.map((service) => [service.id, service.name]));
  const targetNames = new Map(customServices(targets, now).map((service) => [service.id, service.name]));

  const check = checkTarget(input, targets, now);
  // An empty field is only an error once the person tried to add it.
  const showError = !check.ok && (input.trim() !== '' || tried);
  const error = !check.ok && showError ? targetErrorMessage(check.error, check.duplicateOf ? (names.get(check.duplicateOf) ?? check.duplicateOf) : undefined, i18n) : null;

  const tell = (next: Notice): void => {
    setNotice(next);
    if (next) props.announce(next.text);
  };

  const add = (event: Event): void => {
    event.preventDefault();
    setTried(true);
    setNotice(null);
    if (!check.ok) return;
    const { service, permission } = check;
    const target: CustomTarget = { input: input.trim(), id: service.id };
    // No await before this line: the browser must see the person's click.
    let asked: Promise<boolean>;
    try {
      asked = connector.requestOrigins([permission]);
    } catch (error) {
      asked = Promise.reject(error);
    }
    setBusy(true);
    const afterAnswer = async (granted: boolean): Promise<void> => {
      if (!granted) return tell({ ok: false, text: t('options_custom_declined', service.name) });
      const saved = await props.save({ customTargets: [...targets, target] }, t('options_custom_added', service.name));
      if (!saved) {
        // Nothing was added, so the access asked for is not needed either.
        if (!REQUIRED_ORIGINS.has(permission)) await connector.removeOrigins([permission]);
        return;
      }
      setInput('');
      setTried(false);
      tell({ ok: true, text: t('options_custom_added', service.name) });
    };
    asked
      .then(afterAnswer, () => tell({ ok: false, text: t('options_custom_request_failed', service.name) }))
      .finally(() => setBusy(false));
  };

  const remove = async (target: CustomTarget): Promise<void> => {
    const name = targetNames.get(target.id) ?? target.input;
    const rest = targets.filter((other) => other.id !== target.id);
    const saved = await props.save({ customTargets: rest }, t('options_custom_removed', name));
    if (!saved) return;
    const origin = permissionOf(target, now);
    const stillNeeded = rest.some((other) => permissionOf(other, now) === origin);
    if (origin && !stillNeeded && !REQUIRED_ORIGINS.has(origin)) await connector.removeOrigins([origin]);
    tell({ ok: true, text: t('options_custom_removed', name) });
  };

  return (
    <section class="card stack" aria-labelledby="custom-heading">
      <h2 id="custom-heading">{t('options_custom')}</h2>
      <p class="muted small">{t('options_custom_hint')}</p>
      {targets.length === 0 ? (
        <p class="muted">{t('options_custom_none')}</p>
      ) : (
        <ul class="targets">
          {targets.map((target) => {
            const name = targetNames.get(target.id) ?? target.input;
            return (
              <li key={target.id} data-target={target.id} class="row">
                <span lang="en" dir="ltr">
                  {name}
                </span>
                <button type="button" aria-label={t('options_custom_remove_label', name)} onClick={() => void remove(target)}>
                  {t('options_custom_remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form class="add-target" onSubmit={add} noValidate>
        <label for="target-input">{t('options_custom_label')}</label>
        <div class="row">
          <input
            id="target-input"
            type="text"
            inputMode="url"
            dir="ltr"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.org"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="target-feedback target-errors"
            onInput={(event) => {
              setInput(event.currentTarget.value);
              setNotice(null);
            }}
          />
          <button type="submit" class="primary" data-action="add-target" disabled={busy}>
            {t('options_custom_add')}
          </button>
        </div>
        <p id="target-feedback" class={error ? 'error' : 'muted small'} data-target-feedback={error ? 'error' : check.ok ? 'ok' : 'empty'}>
          {error ?? (check.ok ? t('options_custom_will_check', check.service.name) : '')}
        </p>
        <FieldErrorList id="target-errors" errors={props.errors} field="customTargets" />
        {notice && <p class={notice.ok ? 'success' : 'error'} data-notice={notice.ok ? 'ok' : 'error'}>{notice.text}</p>}
      </form>
    </section>
  );
}
