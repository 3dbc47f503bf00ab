// @vitest-environment happy-dom
/**
 * The popup as a person meets it: each state in words with the stable hooks, "Check now" and its
 * progress, unconfirmed states marked, advice for a blocked service, and nothing but the
 * connection line when offline.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryConnector } from './memory-connector';
import { PopupApp } from '../../extension/popup/popup-app';
import { STATES, type State } from '../../src/states';
import type { Snapshot } from '../../src/snapshot/snapshot';
import { HOUR, MINUTE, NOW, service, snapshot, strip } from './fixtures';
import { en, renderPage } from './page';

afterEach(cleanup);

const LABEL: Record<State, string> = {
  reachable: 'Reachable',
  slow: 'Slow (throttled)',
  partial: 'Partly blocked',
  blocked: 'Blocked',
  offline: 'You are offline',
  restricted: 'Only domestic sites work',
  unknown: 'Not checked yet',
};

async function showPopup(first: Snapshot, options: { failing?: boolean; paused?: boolean } = {}) {
  const connector = new MemoryConnector({ snapshot: first, failing: options.failing ? ['getSnapshot'] : [], now: () => NOW });
  const view = renderPage(<PopupApp />, { connector, now: NOW });
  const ready = options.paused ? '[data-paused="true"]' : '[data-action="check-now"]';
  if (!options.failing) await waitFor(() => expect(document.querySelector(ready)).not.toBeNull());
  return { connector, view };
}

function row(id: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-service="${id}"]`);
  if (!element) throw new Error(`no row for ${id}`);
  return element;
}

describe('popup: states', () => {
  it('shows every state in words, with an icon, on a row carrying data-service and data-state', async () => {
    await showPopup(snapshot({ services: STATES.map((state) => service({ id: `svc-${state}`, name: `Service ${state}`, state })) }));
    for (const state of STATES) {
      const element = row(`svc-${state}`);
      expect(element.getAttribute('data-state')).toBe(state);
      expect(within(element).getByText(LABEL[state])).toBeTruthy();
      expect(element.querySelector('svg.state-icon')).not.toBeNull();
    }
  });

  it('says how a service is blocked in plain words', async () => {
    await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns', since: NOW - 25 * MINUTE })] }));
    expect(within(row('whatsapp')).getByText("Your network's DNS does not give the real address of WhatsApp.")).toBeTruthy();
  });

  it('says since when: a duration for recent states, a clock time for older ones', async () => {
    await showPopup(
      snapshot({
        services: [
          service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'reset', since: NOW - 25 * MINUTE }),
          service({ id: 'telegram', name: 'Telegram', state: 'blocked', how: 'connect', since: NOW - 3 * HOUR }),
        ],
      }),
    );
    expect(row('whatsapp').textContent).toContain('for 25 min');
    expect(row('telegram').textContent).toContain('since 11:30 AM');
    expect(row('telegram').textContent).toContain('checked 3 minutes ago');
  });

  it('a service whose site access was withheld reads "no access" with the fix, not blocked', async () => {
    await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'unknown', confirmed: false, access: 'withheld' }), service({ id: 'telegram', name: 'Telegram' })] }));
    expect(row('whatsapp').dataset['access']).toBe('withheld');
    expect(within(row('whatsapp')).getByText(en('popup_no_access'))).toBeTruthy();
    expect(within(row('whatsapp')).getByText(en('popup_no_access_fix'))).toBeTruthy();
    expect(row('telegram').dataset['access']).toBeUndefined();
  });

  it('marks a state seen in one check only as unconfirmed, and a confirmed one not', async () => {
    await showPopup(
      snapshot({
        services: [
          service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns', confirmed: false }),
          service({ id: 'telegram', name: 'Telegram', state: 'blocked', how: 'dns', confirmed: true }),
        ],
      }),
    );
    expect(within(row('whatsapp')).getByText(en('popup_unconfirmed'))).toBeTruthy();
    expect(within(row('telegram')).queryByText(en('popup_unconfirmed'))).toBeNull();
  });

  it('describes the 24-hour strip in words', async () => {
    await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', strip: strip(['reachable', 'reachable', 'blocked']) })] }));
    const image = within(row('whatsapp')).getByRole('img');
    expect(image.getAttribute('aria-label')).toBe('Checks in the last 24 hours: 3. Reachable: 2, Blocked: 1.');
    expect(image.querySelectorAll('rect')).toHaveLength(3);
  });

  it('re-renders when the background pushes a new snapshot', async () => {
    const { connector } = await showPopup(snapshot());
    expect(row('whatsapp').getAttribute('data-state')).toBe('reachable');
    act(() => connector.push(snapshot({ generatedAt: NOW, services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'reset' })] })));
    expect(row('whatsapp').getAttribute('data-state')).toBe('blocked');
  });

  it('shows the data used today against the budget', async () => {
    await showPopup(snapshot());
    expect(screen.getByText('Data used today: 1.2 MB of 15 MB.')).toBeTruthy();
  });

  it('says honestly what a browser cannot test', async () => {
    await showPopup(snapshot());
    expect(screen.getByText(en('popup_limits'))).toBeTruthy();
  });

  it('links to the history page and the settings', async () => {
    await showPopup(snapshot());
    expect(screen.getByRole('link', { name: en('nav_history') }).getAttribute('href')).toBe('/history-page.html');
    expect(screen.getByRole('link', { name: en('nav_settings') }).getAttribute('href')).toBe('/options.html');
  });

  it('says so when the background does not answer, instead of showing nothing', async () => {
    await showPopup(snapshot(), { failing: true });
    expect(await screen.findByText(en('popup_load_failed'))).toBeTruthy();
  });
});

describe('popup: check now', () => {
  it('sends runNow, shows progress from the pushed snapshots and announces the end', async () => {
    const { connector } = await showPopup(snapshot());
    connector.holdRounds = true;
    const button = screen.getByRole('button', { name: en('popup_check_now') });
    expect(button.getAttribute('data-action')).toBe('check-now');

    fireEvent.click(button);
    await waitFor(() => expect(connector.callsOf('runNow')).toHaveLength(1));
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(true);

    act(() => connector.push(snapshot({ generatedAt: NOW, activity: { running: true, kind: 'manual', done: 3, total: 12 } })));
    expect(screen.getByText('Tests done: 3 of 12')).toBeTruthy();
    expect((document.querySelector('progress') as HTMLProgressElement).getAttribute('value')).toBe('3');

    act(() =>
      connector.push(
        snapshot({
          generatedAt: NOW + MINUTE,
          lastRoundAt: NOW + MINUTE,
          services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns', confirmed: false })],
        }),
      ),
    );
    expect(screen.getByRole('status').textContent).toBe('Check finished. Services with problems: 1.');
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(false);
    // The answer to runNow comes after the push: nothing is announced twice.
    act(() => connector.completeRound());
    await waitFor(() => expect(connector.callsOf('getSnapshot')).toHaveLength(2));
    expect(screen.getByRole('status').textContent).toBe('Check finished. Services with problems: 1.');
  });

  it('ends the wait when runNow answers even if no push arrived', async () => {
    const { connector } = await showPopup(snapshot());
    connector.holdRounds = true;
    fireEvent.click(screen.getByRole('button', { name: en('popup_check_now') }));
    await waitFor(() => expect(connector.callsOf('runNow')).toHaveLength(1));
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(true);
    connector.snapshot = snapshot({ generatedAt: NOW + MINUTE, lastRoundAt: NOW + MINUTE });
    act(() => connector.completeRound());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en('popup_check_done_ok')));
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('is disabled while a scheduled round runs', async () => {
    await showPopup(snapshot({ activity: { running: true, kind: 'regular', done: 1, total: 9 } }));
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says the check could not start when the background does not answer, and lets the person retry', async () => {
    const { connector } = await showPopup(snapshot());
    connector.failing.add('runNow');
    fireEvent.click(screen.getByRole('button', { name: en('popup_check_now') }));
    expect(await screen.findByText(en('popup_check_failed'), { selector: 'p.error' })).toBeTruthy();
    expect((document.querySelector('[data-action="check-now"]') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('popup: speed test', () => {
  it('measures one service on demand and announces its speed', async () => {
    const { connector } = await showPopup(snapshot({ services: [service({ id: 'youtube', name: 'YouTube', latencyMs: 200 })] }));
    // What the background will know once the measurement is done.
    connector.snapshot = snapshot({ generatedAt: NOW, services: [service({ id: 'youtube', name: 'YouTube', latencyMs: 200, goodputKbps: 4_560 })] });
    fireEvent.click(screen.getByRole('button', { name: 'Test the download speed of YouTube' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Speed test of YouTube done: 4.6 Mb/s.'));
    expect(connector.callsOf('measureSpeed')).toEqual([{ serviceId: 'youtube' }]);
    expect(row('youtube').textContent).toContain('Answers in 200 ms. Speed: 4.6 Mb/s.');
  });

  it('says plainly when the day\'s data budget is spent', async () => {
    const { connector } = await showPopup(snapshot({ services: [service({ id: 'youtube', name: 'YouTube' })] }));
    connector.speedAnswer = { ok: false, reason: 'budget_spent' };
    fireEvent.click(screen.getByRole('button', { name: 'Test the download speed of YouTube' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(en('popup_speed_budget_spent')));
  });

  it('is not offered for a site of the person\'s own (nothing to download), nor while offline', async () => {
    await showPopup(
      snapshot({
        network: { state: 'offline', restricted: false },
        services: [service({ id: 'youtube', name: 'YouTube', state: 'offline' }), service({ id: 'custom:example.org', name: 'example.org', custom: true, state: 'offline' })],
      }),
    );
    expect(within(row('youtube')).queryByRole('button', { name: 'Test the download speed of YouTube' })).toBeNull();
    expect(within(row('custom:example.org')).queryByRole('button')).toBeNull();
  });

  it('waits while a round runs', async () => {
    await showPopup(snapshot({ activity: { running: true, kind: 'regular', done: 1, total: 9 }, services: [service({ id: 'youtube', name: 'YouTube' })] }));
    expect((within(row('youtube')).getByRole('button', { name: 'Test the download speed of YouTube' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('popup: guidance', () => {
  it('leads a DNS block with two or three one-line steps, another DNS first, and folds the rest under "More ways"', async () => {
    await showPopup(snapshot({ country: 'RU', services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns' })] }));
    const panel = row('whatsapp').querySelector('details.guidance') as HTMLElement;
    expect(within(panel).getByText(en('guidance_title'))).toBeTruthy();
    const lead = [...panel.querySelectorAll(':scope > ol.lead-steps > li')];
    expect(lead.map((step) => step.getAttribute('data-lead-step'))).toEqual(['guidance_lead_dns', 'guidance_lead_whatsapp_proxy', 'guidance_lead_tool_dns']);
    expect(lead[0]?.textContent).toBe(en('guidance_lead_dns'));
    // Each tool line carries its one link: WhatsApp's help page, and Amnezia's mirror (its site is blocked in Russia).
    expect(within(lead[1] as HTMLElement).getByRole('link', { name: en('guidance_link_help_page') }).getAttribute('href')).toBe('https://faq.whatsapp.com/520504143274092');
    expect(lead[2]?.textContent).toContain('Amnezia VPN: any VPN gets past a DNS block.');
    expect(within(lead[2] as HTMLElement).getAllByRole('link')).toHaveLength(1);
    // Everything else is in the folded "More ways", closed until asked for.
    const more = panel.querySelector(':scope > details.more-ways') as HTMLDetailsElement;
    expect(more.open).toBe(false);
    expect(within(more).getByText(en('guidance_more_ways')).tagName).toBe('SUMMARY');
    const steps = [...more.querySelectorAll('li.step')];
    expect(steps[0]?.textContent).toBe('WhatsApp is blocked on your network.');
    expect(steps.find((step) => step.classList.contains('step-action'))?.textContent).toContain('Try another DNS: turn on secure DNS');
    expect(panel.querySelectorAll(':scope > ol.lead-steps, :scope > p.lead-safety').length).toBe(2);
  });

  it('opens "More ways" from its summary', async () => {
    await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns' })] }));
    const more = row('whatsapp').querySelector('details.more-ways') as HTMLDetailsElement;
    fireEvent.click(more.querySelector('summary') as HTMLElement);
    await waitFor(() => expect(more.open).toBe(true));
  });

  it('keeps the short safety notes in sight, outside "More ways", with the country\'s law where it applies', async () => {
    await showPopup(snapshot({ country: 'RU', services: [service({ id: 'telegram', name: 'Telegram', state: 'blocked', how: 'reset' })] }));
    const safety = row('telegram').querySelector('details.guidance > p.lead-safety') as HTMLElement;
    expect([...safety.querySelectorAll('[data-safety]')].map((note) => note.textContent?.trim())).toEqual([
      en('guidance_lead_safety_law'),
      en('guidance_lead_safety_official'),
    ]);
    expect(safety.closest('details.more-ways')).toBeNull();
  });

  it('for a filter (connection reset) leads with the messenger\'s own proxy, with links that open in a new tab', async () => {
    await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'reset' })] }));
    const panel = row('whatsapp').querySelector('details.guidance') as HTMLElement;
    const first = panel.querySelector('li.lead-step') as HTMLElement;
    expect(first.getAttribute('data-lead-step')).toBe('guidance_lead_whatsapp_proxy');
    const link = within(first).getByRole('link', { name: en('guidance_link_help_page') });
    expect(link.getAttribute('href')).toBe('https://faq.whatsapp.com/520504143274092');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    // The full advice is still there, under "More ways".
    expect(panel.querySelector('details.more-ways li.step-action')?.getAttribute('data-step')).toBe('guidance_whatsapp_proxy');
  });

  it('adds the country\'s own warnings when the country is set', async () => {
    await showPopup(snapshot({ country: 'RU', services: [service({ id: 'telegram', name: 'Telegram', state: 'blocked', how: 'reset' })] }));
    expect(row('telegram').querySelector('[data-step="guidance_country_ru_law"]')).not.toBeNull();
    expect(row('telegram').querySelector('[data-step="guidance_safety_legal"]')).toBeNull();
  });

  it('offers advice for slow and partial services too, but not for working ones', async () => {
    await showPopup(
      snapshot({
        services: [
          service({ id: 'youtube', name: 'YouTube', state: 'slow', goodputKbps: 128 }),
          service({ id: 'telegram', name: 'Telegram', state: 'partial', how: 'reset' }),
          service({ id: 'signal', name: 'Signal', state: 'reachable', latencyMs: 320 }),
        ],
      }),
    );
    expect(row('youtube').querySelector('details.guidance')).not.toBeNull();
    expect(row('youtube').textContent).toContain('Speed: 128 kb/s.');
    expect(row('telegram').querySelector('details.guidance')).not.toBeNull();
    expect(row('signal').querySelector('details.guidance')).toBeNull();
    expect(row('signal').textContent).toContain('Answers in 320 ms.');
  });
});

describe('popup: the connection', () => {
  it('when offline, says so once and offers no tools', async () => {
    await showPopup(
      snapshot({
        network: { state: 'offline', restricted: false },
        services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'offline' }), service({ id: 'telegram', name: 'Telegram', state: 'offline' })],
      }),
    );
    expect(document.querySelector('[data-network]')?.getAttribute('data-network')).toBe('offline');
    expect(screen.getByText(en('popup_network_offline'))).toBeTruthy();
    expect(document.querySelector('details.guidance')).toBeNull();
    expect(document.querySelector('.tool')).toBeNull();
    expect(row('whatsapp').getAttribute('data-state')).toBe('offline');
  });

  it('when only domestic sites work, says so with since when, and offers the allowlist advice', async () => {
    await showPopup(
      snapshot({
        network: { state: 'online', restricted: true, since: NOW - 3 * HOUR },
        services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'restricted' })],
      }),
    );
    const line = document.querySelector('[data-network]') as HTMLElement;
    expect(line.getAttribute('data-network')).toBe('restricted');
    expect(line.textContent).toContain(en('popup_network_restricted'));
    expect(line.textContent).toContain('since 11:30 AM');
    expect(row('whatsapp').querySelector('[data-step="guidance_restricted_no_tools"]')).not.toBeNull();
  });

  it('when it works, says so with the last and next check', async () => {
    await showPopup(snapshot());
    const line = document.querySelector('[data-network]') as HTMLElement;
    expect(line.textContent).toContain(en('popup_network_online'));
    expect(line.textContent).toContain('Last check: 3 minutes ago');
    expect(line.textContent).toContain('next: in 2 minutes');
  });
});

describe('popup: languages', () => {
  it('renders in Persian with Persian words', async () => {
    const connector = new MemoryConnector({ snapshot: snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'blocked', how: 'dns' })] }) });
    renderPage(<PopupApp />, { connector, now: NOW, language: 'fa' });
    await screen.findByRole('button', { name: 'همین حالا بررسی کن' });
    expect(within(row('whatsapp')).getByText('مسدود')).toBeTruthy();
  });
});

describe('popup: pause', () => {
  it('pauses for the chosen time from its own section, then says so instead of offering Check now', async () => {
    const { connector } = await showPopup(snapshot({ services: [service({ id: 'whatsapp', name: 'WhatsApp', state: 'reachable' })] }));
    fireEvent.click(screen.getByText(en('pause_title'), { selector: '[data-action="open-pause"]' }));
    fireEvent.click(screen.getByRole('button', { name: en('pause_for_8h') }));
    await waitFor(() => expect(document.querySelector('[data-paused="true"]')).not.toBeNull());
    expect(connector.callsOf('pause')).toEqual([{ choice: '8h' }]);
    expect(document.querySelector('[data-action="check-now"]')).toBeNull();
    expect(screen.getByText(en('pause_state_title'))).toBeTruthy();
    // NOW is 14:30 UTC (the page's zone in tests): eight hours later.
    expect(document.querySelector('[data-paused="true"]')?.textContent).toContain(en('pause_state_until', '10:30 PM'));
  });

  it('while paused: no Check now, no speed test, the time it ends, and Resume brings Check now back', async () => {
    const { connector } = await showPopup(snapshot({ paused: { since: NOW - HOUR, until: null }, services: [service({ id: 'youtube', name: 'YouTube', state: 'reachable' })] }), { paused: true });
    expect(document.querySelector('[data-action="check-now"]')).toBeNull();
    expect(document.querySelector('[data-action="test-speed"]')).toBeNull();
    expect(screen.getByText(en('pause_state_until_resumed'), { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: en('pause_resume') }));
    await waitFor(() => expect(document.querySelector('[data-action="check-now"]')).not.toBeNull());
    expect(connector.callsOf('resume')).toEqual([{}]);
  });
});
