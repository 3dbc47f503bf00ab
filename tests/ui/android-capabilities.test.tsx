// @vitest-environment happy-dom
/**
 * Firefox for Android may lack notifications: the settings page then says that changes show only
 * on the button and in the history, and a browser that has them shows no such note.
 */
import { cleanup, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../extension/options/options-app';
import { MemoryConnector } from './memory-connector';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { NOW, snapshot } from './fixtures';
import { en, renderPage } from './page';

const realNotifications = fakeBrowser.notifications;
afterEach(() => {
  cleanup();
  (fakeBrowser as { notifications: unknown }).notifications = realNotifications;
});

async function showOptions(): Promise<void> {
  const connector = new MemoryConnector({ settings: DEFAULT_SETTINGS, grantOrigins: true, snapshot: snapshot(), now: () => NOW });
  renderPage(<OptionsApp />, { connector, now: NOW });
  await screen.findByRole('heading', { name: en('options_notifications') });
}

describe('a browser without notifications', () => {
  it('gets a note above the notification settings', async () => {
    (fakeBrowser as { notifications: unknown }).notifications = undefined;
    await showOptions();
    expect(screen.getByRole('note').textContent).toBe(en('options_notifications_unavailable'));
  });

  it('a browser with notifications gets no note', async () => {
    await showOptions();
    expect(screen.queryByText(en('options_notifications_unavailable'))).toBeNull();
  });
});
