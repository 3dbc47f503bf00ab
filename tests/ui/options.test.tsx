// @vitest-environment happy-dom
/**
 * The settings page: a custom target checked as it is typed, added only with the person's
 * permission, removed with its permission given back; field errors in words; every switch saved.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../extension/options/options-app';
import { MemoryConnector } from './memory-connector';
import { DEFAULT_SETTINGS, MAX_CUSTOM_TARGETS, type Settings } from '../../src/settings/schema';
import { NOW, snapshot } from './fixtures';
import { en, renderPage } from './page';

afterEach(cleanup);

async function showOptions(options: { settings?: Settings; grantOrigins?: boolean } = {}) {
  const connector = new MemoryConnector({ settings: options.settings ?? DEFAULT_SETTINGS, grantOrigins: options.grantOrigins ?? true, snapshot: snapshot(), now: () => NOW });
  renderPage(<OptionsApp />, { connector, now: NOW });
  await screen.findByRole('heading', { name: en('options_services') });
  return connector;
}

const targetInput = (): HTMLInputElement => screen.getByLabelText(en('options_custom_label'));
const feedback = (): HTMLElement => document.getElementById('target-feedback') as HTMLElement;

function type(text: string): void {
  fireEvent.input(targetInput(), { target: { value: text } });
}

describe('options: custom targets', () => {
  it('checks an address as it is typed', async () => {
    await showOptions();
    type('ftp://example.org');
    expect(feedback().textContent).toBe(en('options_target_error_not_http'));
    expect(targetInput().getAttribute('aria-invalid')).toBe('true');

    type('https://user:secret@example.org');
    expect(feedback().textContent).toBe(en('options_target_error_credentials'));

    type('web.whatsapp.com');
    expect(feedback().textContent).toBe('WhatsApp already checks this site.');

    type('whatsapp');
    expect(feedback().textContent).toBe(en('options_target_error_bad_host'));

    type('example.org');
    expect(feedback().textContent).toBe('Blockwatch will check example.org.');
    expect(targetInput().getAttribute('aria-invalid')).toBeNull();
  });

  it('does not scold an empty field until the person tries to add it', async () => {
    const connector = await showOptions();
    expect(feedback().textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    expect(feedback().textContent).toBe(en('options_target_error_empty'));
    expect(connector.granted.size).toBe(0);
  });

  it('asks for no permission and saves nothing for an invalid address', async () => {
    const connector = await showOptions();
    type('ftp://example.org');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    expect(connector.granted.size).toBe(0);
    expect(connector.callsOf('updateSettings')).toHaveLength(0);
  });

  it('adds nothing when the person declines the permission, and says so', async () => {
    const connector = await showOptions({ grantOrigins: false });
    type('example.org');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    expect(await screen.findByText('You did not allow access to example.org, so it was not added.', { selector: 'p[data-notice]' })).toBeTruthy();
    expect(connector.callsOf('updateSettings')).toHaveLength(0);
    expect(connector.settings.customTargets).toEqual([]);
    expect(targetInput().value).toBe('example.org');
  });

  it('adds nothing when the browser refuses to ask at all (an origin the manifest does not allow)', async () => {
    const connector = await showOptions();
    connector.requestOrigins = () => Promise.reject(new Error('Cannot request origin permission for https://example.org/*'));
    type('example.org');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    expect(await screen.findByText('Your browser did not let Blockwatch ask for access to example.org, so it was not added.', { selector: 'p[data-notice]' })).toBeTruthy();
    expect(connector.callsOf('updateSettings')).toHaveLength(0);
  });

  it('asks for exactly that site, then saves it and lists it', async () => {
    const connector = await showOptions();
    type('Example.org/status');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    await waitFor(() => expect(connector.settings.customTargets).toEqual([{ input: 'Example.org/status', id: 'custom:example.org' }]));
    expect([...connector.granted]).toEqual(['https://example.org/*']);
    expect(await screen.findByText('example.org was added.', { selector: 'p.success' })).toBeTruthy();
    expect(document.querySelector('[data-target="custom:example.org"]')?.textContent).toContain('example.org');
    expect(targetInput().value).toBe('');
  });

  it('treats the person\'s own site as taken too', async () => {
    await showOptions({ settings: { ...DEFAULT_SETTINGS, customTargets: [{ input: 'example.org', id: 'custom:example.org' }] } });
    type('http://EXAMPLE.org/other');
    expect(feedback().textContent).toBe('example.org already checks this site.');
  });

  it('removes a site and gives its permission back', async () => {
    const connector = await showOptions({ settings: { ...DEFAULT_SETTINGS, customTargets: [{ input: 'example.org', id: 'custom:example.org' }] } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.org' }));
    await waitFor(() => expect(connector.removed).toEqual(['https://example.org/*']));
    expect(connector.settings.customTargets).toEqual([]);
    expect(await screen.findByText(en('options_custom_none'))).toBeTruthy();
  });

  it('when the background refuses the new list, shows why and gives the permission back', async () => {
    const full = Array.from({ length: MAX_CUSTOM_TARGETS }, (_, i) => ({ input: `site${i}.example`, id: `custom:site${i}.example` }));
    const connector = await showOptions({ settings: { ...DEFAULT_SETTINGS, customTargets: full } });
    type('example.org');
    fireEvent.click(screen.getByRole('button', { name: en('options_custom_add') }));
    expect(await screen.findByText(`You can add at most ${MAX_CUSTOM_TARGETS} sites.`)).toBeTruthy();
    expect(connector.settings.customTargets).toHaveLength(MAX_CUSTOM_TARGETS);
    expect(connector.removed).toEqual(['https://example.org/*']);
  });
});

describe('options: fields', () => {
  it('shows an interval out of range in words, marks the field, and keeps the old value', async () => {
    const connector = await showOptions();
    const input = screen.getByLabelText(en('options_interval'));
    fireEvent.change(input, { target: { value: '0' } });
    expect(await screen.findByText(en('options_error_interval_range'))).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(connector.settings.intervalMin).toBe(DEFAULT_SETTINGS.intervalMin);

    fireEvent.change(input, { target: { value: '2.5' } });
    expect(await screen.findByText(en('options_error_not_integer'))).toBeTruthy();

    fireEvent.change(input, { target: { value: '15' } });
    await waitFor(() => expect(connector.settings.intervalMin).toBe(15));
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(en('options_saved'));
  });

  it('takes the budget in MB, refuses one out of range, and shows what today used', async () => {
    const connector = await showOptions();
    expect(await screen.findByText('Used today: 1.2 MB of 40 MB.')).toBeTruthy();
    const input = screen.getByLabelText(en('options_budget'));
    fireEvent.change(input, { target: { value: '0.5' } });
    expect(await screen.findByText(en('options_error_budget_range'))).toBeTruthy();
    fireEvent.change(input, { target: { value: '50' } });
    await waitFor(() => expect(connector.settings.dataBudgetBytesPerDay).toBe(50_000_000));
  });

  it('says when the budget is smaller than a day of checks at the interval, so speed tests would stop early', async () => {
    await showOptions({ settings: { ...DEFAULT_SETTINGS, country: 'RU' } });
    // The default budget covers a day at the default interval.
    expect(document.querySelector('[data-budget-below-day]')).toBeNull();
    fireEvent.change(screen.getByLabelText(en('options_budget')), { target: { value: '15' } });
    const warning = await waitFor(() => {
      const shown = document.querySelector<HTMLElement>('[data-budget-below-day]');
      if (!shown) throw new Error('no warning yet');
      return shown;
    });
    expect(warning.textContent).toMatch(/^At this interval the checks use about \d+ MB a day, more than this budget leaves room for: speed tests will stop before the day is out\.$/);
    // A longer interval costs less a day: 15 MB is enough at every 15 min.
    fireEvent.change(screen.getByLabelText(en('options_interval')), { target: { value: '15' } });
    await waitFor(() => expect(document.querySelector('[data-budget-below-day]')).toBeNull());
    // No speed tests, nothing to stop.
    fireEvent.change(screen.getByLabelText(en('options_interval')), { target: { value: '5' } });
    await waitFor(() => expect(document.querySelector('[data-budget-below-day]')).not.toBeNull());
    fireEvent.click(document.querySelector('input[data-setting="throughputEnabled"]') as HTMLInputElement);
    await waitFor(() => expect(document.querySelector('[data-budget-below-day]')).toBeNull());
  });

  it('turns a service off and on', async () => {
    const connector = await showOptions();
    const box = document.querySelector<HTMLInputElement>('input[data-service-toggle="telegram"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(connector.settings.disabledServices).toEqual(['telegram']));
    expect(screen.getByRole('status').textContent).toBe('Telegram will no longer be checked.');
  });

  it('mutes one service\'s notifications, and turns them all off', async () => {
    const connector = await showOptions();
    const section = screen.getByRole('heading', { name: en('options_notifications') }).closest('section') as HTMLElement;
    fireEvent.click(within(section).getByLabelText('WhatsApp'));
    await waitFor(() => expect(connector.settings.notifications.muted).toEqual(['whatsapp']));
    fireEvent.click(within(section).getByLabelText(en('options_notify_partial')));
    await waitFor(() => expect(connector.settings.notifications.alsoPartialAndSlow).toBe(true));
    fireEvent.click(within(section).getByLabelText(en('options_notify_enabled')));
    await waitFor(() => expect(connector.settings.notifications.enabled).toBe(false));
    expect((section.querySelector('fieldset') as HTMLFieldSetElement).disabled).toBe(true);
  });

  it('offers countries by name and "none"', async () => {
    const connector = await showOptions();
    const select = screen.getByRole('combobox', { name: en('options_country') }) as HTMLSelectElement;
    expect(within(select).getByRole('option', { name: 'Russia' }).getAttribute('value')).toBe('RU');
    expect(select.options[0]?.textContent).toBe(en('options_country_none'));
    fireEvent.change(select, { target: { value: 'IR' } });
    await waitFor(() => expect(connector.settings.country).toBe('IR'));
    fireEvent.change(select, { target: { value: '' } });
    await waitFor(() => expect(connector.settings.country).toBeNull());
  });

  it('says plainly what leaves the device', async () => {
    await showOptions();
    expect(screen.getByText(en('options_privacy_probes'))).toBeTruthy();
    expect(screen.getByText(en('options_privacy_no_telemetry'))).toBeTruthy();
    expect(screen.getByText(en('options_privacy_history'))).toBeTruthy();
  });

  it('says so when a change cannot reach the background', async () => {
    const connector = await showOptions();
    connector.failing.add('updateSettings');
    fireEvent.change(screen.getByLabelText(en('options_interval')), { target: { value: '10' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en('options_save_failed')));
  });
});
