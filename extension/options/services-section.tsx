/** Which catalogue services are checked. A turned-off service is not probed and costs nothing. */
import type { ServiceInfo } from '../../src/protocol';
import type { Settings } from '../../src/settings/schema';
import type { SettingsFieldError } from '../../src/settings/validate';
import { useI18n } from '../shared/ui/i18n';
import { FieldErrorList } from './field-error-list';
import type { Save } from './save';

export function ServicesSection(props: { readonly settings: Settings; readonly services: readonly ServiceInfo[]; readonly errors: readonly SettingsFieldError[]; readonly save: Save }) {
  const { t } = useI18n();
  const disabled = props.settings.disabledServices;
  const toggle = (service: ServiceInfo, enabled: boolean): void => {
    const next = enabled ? disabled.filter((id) => id !== service.id) : [...disabled, service.id];
    void props.save({ disabledServices: next }, enabled ? t('options_service_on', service.name) : t('options_service_off', service.name));
  };
  return (
    <section class="card" aria-labelledby="services-heading">
      <h2 id="services-heading">{t('options_services')}</h2>
      <p class="muted small">{t('options_services_hint')}</p>
      <ul class="choices">
        {props.services
          .filter((service) => !service.custom)
          .map((service) => (
            <li key={service.id}>
              <label>
                <input
                  type="checkbox"
                  data-service-toggle={service.id}
                  checked={!disabled.includes(service.id)}
                  onChange={(event) => toggle(service, event.currentTarget.checked)}
                  aria-describedby="services-errors"
                />{' '}
                <span lang="en">{service.name}</span>
              </label>
            </li>
          ))}
      </ul>
      <FieldErrorList id="services-errors" errors={props.errors} field="disabledServices" />
    </section>
  );
}
