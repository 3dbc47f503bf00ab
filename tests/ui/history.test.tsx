// @vitest-environment happy-dom
/**
 * The history page: availability per span, the charts' words, the incident list and the incident
 * a notification points to, export as a download, imports that fail safely, and deleting only
 * after a confirmation.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryApp } from '../../extension/history-page/history-app';
import { MemoryConnector } from './memory-connector';
import { MAX_IMPORT_BYTES } from '../../src/store/export-format';
import type { Incident } from '../../src/store/queries';
import { DAY, HOUR, NOW, range, series, stats } from './fixtures';
import { en, renderPage } from './page';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const WEEK = range({
  whatsapp: series(28, { reachable: 20_000, blocked: 1_600 }, { latency: stats(320, 120, 4_200), empty: [0] }),
  telegram: series(28, { reachable: 21_600 }, { latency: null, goodput: stats(4_560) }),
});

const INCIDENTS: Incident[] = [
  { subject: 'whatsapp', state: 'blocked', how: 'dns', start: NOW - 2 * DAY, end: NOW - 2 * DAY + 2 * HOUR + 5 * 60_000 },
  { subject: 'telegram', state: 'partial', how: 'reset', start: NOW - 3 * HOUR, end: null },
  { subject: '@network', state: 'restricted', start: NOW - 4 * DAY, end: NOW - 4 * DAY + HOUR },
];

function connectorWith(over: { incidents?: Incident[] } = {}): MemoryConnector {
  return new MemoryConnector({
    history: { '7d': WEEK, '24h': range(WEEK.services, undefined, '24h'), '30d': range(WEEK.services, undefined, '30d'), '90d': range(WEEK.services, undefined, '90d') },
    incidents: over.incidents ?? INCIDENTS,
    now: () => NOW,
  });
}

async function showHistory(connector = connectorWith(), hash = '') {
  renderPage(<HistoryApp hash={hash} />, { connector, now: NOW });
  await screen.findByRole('heading', { name: en('history_incidents') });
  return connector;
}

function availability(subject: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`li.availability[data-subject="${subject}"]`);
  if (!element) throw new Error(`no availability row for ${subject}`);
  return element;
}

describe('history: availability and charts', () => {
  it('says how much of the period the checks went through a VPN or proxy, and per bucket in the table', async () => {
    const proxyShare = WEEK.proxyShare.map((_, i) => (i === 27 ? 1 : i === 26 ? 0.5 : 0));
    const connector = new MemoryConnector({ history: { '7d': { ...WEEK, proxyShare } }, incidents: INCIDENTS, now: () => NOW });
    await showHistory(connector);
    const network = availability('@network');
    // 1.5 buckets of 28 equal ones: 5%.
    expect(network.textContent).toContain(en('history_path_proxy_hint', ['5%']));
    fireEvent.click(within(network).getByText(en('history_show_table')));
    await waitFor(() => expect(within(network).getByRole('columnheader', { name: en('history_path_proxy') })).toBeTruthy());
    const rows = within(network).getAllByRole('row');
    expect(rows.at(-1)?.textContent).toContain('100%');
    expect(rows.at(-2)?.textContent).toContain('50%');
  });

  it('says nothing of VPNs when no check went through one', async () => {
    await showHistory();
    expect(availability('@network').querySelector('[data-path-share]')).toBeNull();
  });

  it('shows each service\'s share of reachable time over the last 7 days, and the connection\'s', async () => {
    const connector = await showHistory();
    expect(connector.callsOf('getHistory')).toEqual([{ span: '7d' }]);
    expect(availability('whatsapp').textContent).toContain('Reachable 93% of checked time');
    expect(availability('telegram').textContent).toContain('Reachable 100% of checked time');
    expect(availability('@network').textContent).toContain('Online 100% of the time');
  });

  it('gives the bars a text alternative with every state\'s share', async () => {
    await showHistory();
    const bars = within(availability('whatsapp')).getByRole('img');
    expect(bars.getAttribute('aria-label')).toBe('WhatsApp, last 7 days: Reachable: 93%, Blocked: 7%.');
    // A bucket without data is drawn empty, not guessed.
    expect(bars.querySelectorAll('rect.bar-empty')).toHaveLength(1);
  });

  it('says a service was not judged when every check found the connection down', async () => {
    const connector = connectorWith();
    connector.history['7d'] = range({ whatsapp: series(28, { offline: 21_600 }, { latency: null }) }, series(28, { offline: 21_600 }));
    await showHistory(connector);
    expect(availability('whatsapp').textContent).toContain(en('history_not_judged'));
    expect(availability('@network').textContent).toContain('Online 0% of the time');
  });

  it('switches to another span', async () => {
    const connector = await showHistory();
    fireEvent.click(screen.getByRole('radio', { name: en('history_span_24h') }));
    await waitFor(() => expect(connector.callsOf('getHistory').at(-1)).toEqual({ span: '24h' }));
    await waitFor(() => expect(within(availability('whatsapp')).getByRole('img').getAttribute('aria-label')).toContain('last 24 hours'));
  });

  it('opens the numbers as a table on request', async () => {
    await showHistory();
    const row = availability('whatsapp');
    expect(row.querySelector('table')).toBeNull();
    const details = row.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(row.querySelectorAll('tbody tr')).toHaveLength(28));
  });

  it('sums up response time and speed in words, and says when there is nothing to chart', async () => {
    await showHistory();
    const chart = (id: string): string => (document.querySelector(`[data-chart="${id}"]`) as HTMLElement).textContent ?? '';
    // Services are listed by name: Telegram comes first.
    expect(chart('latency')).toContain(en('history_no_measurements'));
    expect(chart('goodput')).toContain('Download speed: average 4.6 Mb/s');

    fireEvent.change(screen.getByRole('combobox', { name: en('history_measures_service') }), { target: { value: 'whatsapp' } });
    await waitFor(() => expect(chart('latency')).toContain('Response time: average 320 ms, lowest 120 ms, highest 4.2 sec.'));
    expect(chart('goodput')).toContain(en('history_no_measurements'));
  });

  it('says so when the background does not answer', async () => {
    const connector = connectorWith();
    connector.failing.add('getHistory');
    renderPage(<HistoryApp />, { connector, now: NOW });
    expect(await screen.findByText(en('history_load_failed'))).toBeTruthy();
  });
});

describe('history: incidents', () => {
  it('lists incidents newest first with start, end or "ongoing", duration and how', async () => {
    await showHistory();
    const rows = [...document.querySelectorAll<HTMLElement>('tr.incident')];
    expect(rows.map((row) => row.getAttribute('data-incident'))).toEqual([`telegram|${NOW - 3 * HOUR}`, `whatsapp|${NOW - 2 * DAY}`, `@network|${NOW - 4 * DAY}`]);
    expect(rows[0]?.textContent).toContain('Telegram');
    expect(rows[0]?.textContent).toContain(en('history_ongoing'));
    expect(rows[0]?.textContent).toContain('3 hr so far');
    expect(rows[1]?.textContent).toContain('WhatsApp');
    expect(rows[1]?.textContent).toContain('Mar 1, 2026, 2:30 PM');
    expect(rows[1]?.textContent).toContain('2 hr, 5 min');
    expect(rows[1]?.textContent).toContain(en('how_dns'));
    expect(rows[2]?.textContent).toContain(en('history_network'));
  });

  it('brings the incident named in the address into view, focused and marked', async () => {
    // happy-dom defines scrollIntoView on HTMLElement, browsers on Element.
    const owner = Object.prototype.hasOwnProperty.call(HTMLElement.prototype, 'scrollIntoView') ? HTMLElement.prototype : Element.prototype;
    const scrolled = vi.spyOn(owner, 'scrollIntoView');
    await showHistory(connectorWith(), `#incident=whatsapp|${NOW - 2 * DAY}`);
    const target = document.querySelector<HTMLElement>('tr[aria-current="true"]');
    expect(target?.getAttribute('data-incident')).toBe(`whatsapp|${NOW - 2 * DAY}`);
    expect(document.querySelectorAll('tr[aria-current="true"]')).toHaveLength(1);
    await waitFor(() => expect(scrolled).toHaveBeenCalled());
    expect(document.activeElement).toBe(target);
  });

  it('reads the subject percent-encoded, as the notification writes it', async () => {
    await showHistory(connectorWith(), `#incident=%40network|${NOW - 4 * DAY}`);
    expect(document.querySelector('tr[aria-current="true"]')?.getAttribute('data-incident')).toBe(`@network|${NOW - 4 * DAY}`);
  });

  it('opens a span long enough to reach an older incident, and asks for incidents back to it', async () => {
    const old: Incident = { subject: 'whatsapp', state: 'blocked', how: 'reset', start: NOW - 20 * DAY, end: NOW - 19 * DAY };
    const connector = await showHistory(connectorWith({ incidents: [old] }), `#incident=whatsapp|${old.start}`);
    expect(connector.callsOf('getHistory')[0]).toEqual({ span: '30d' });
    expect(connector.callsOf('getIncidents')[0]?.from).toBeLessThanOrEqual(old.start);
    expect(document.querySelector('tr[aria-current="true"]')).not.toBeNull();
  });

  it('says so when the incident is no longer in the history', async () => {
    await showHistory(connectorWith(), `#incident=whatsapp|${NOW - 5 * DAY}`);
    expect(screen.getByText(en('history_incident_missing'))).toBeTruthy();
    expect(document.querySelector('tr[aria-current="true"]')).toBeNull();
  });
});

describe('history: export and import', () => {
  it('offers an export as a download and says where it went', async () => {
    const connector = await showHistory();
    fireEvent.click(screen.getByRole('button', { name: en('history_export_incidents') }));
    await waitFor(() => expect(connector.saved).toHaveLength(1));
    expect(connector.callsOf('exportData')).toEqual([{ format: 'incidents-csv', full: false }]);
    expect(connector.saved[0]?.filename).toBe('blockwatch-incidents.csv');
    expect(screen.getByRole('status').textContent).toBe('Saved blockwatch-incidents.csv.');
  });

  async function importText(text: string, size?: number): Promise<{ connector: MemoryConnector; file: File; outcome: HTMLElement }> {
    const connector = await showHistory();
    const file = new File([text], 'history.json', { type: 'application/json' });
    if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
    const read = vi.spyOn(file, 'text');
    const input = screen.getByLabelText(en('history_import_label'));
    fireEvent.change(input, { target: { files: [file] } });
    const outcome = document.getElementById('import-outcome') as HTMLElement;
    await waitFor(() => expect(outcome.getAttribute('data-outcome')).not.toBeNull());
    Object.assign(file, { wasRead: read.mock.calls.length > 0 });
    return { connector, file, outcome };
  }

  it('refuses a file that is not JSON, and changes nothing', async () => {
    const { connector, outcome } = await importText('this is not json');
    expect(outcome.textContent).toBe(en('history_import_not_json'));
    expect(outcome.getAttribute('data-outcome')).toBe('error');
    expect(connector.callsOf('clearData')).toHaveLength(0);
  });

  it('refuses JSON that is not a Blockwatch export', async () => {
    const { outcome } = await importText(JSON.stringify({ hello: 'world' }));
    expect(outcome.textContent).toBe('This file is not a Blockwatch export. Nothing was imported.');
  });

  it('refuses a file from a newer version and says to update', async () => {
    const { outcome } = await importText(JSON.stringify({ format: 'blockwatch-history', version: 99, exportedAt: NOW, rounds: [], verdicts: [], observations: [], incidents: [], rollups: [] }));
    expect(outcome.textContent).toBe(en('history_import_newer_version'));
  });

  it('names the damaged record', async () => {
    const { outcome } = await importText(
      JSON.stringify({ format: 'blockwatch-history', version: 1, exportedAt: NOW, rounds: [], verdicts: [], observations: [], incidents: [{ subject: 'whatsapp', state: 'blocked', start: NOW, open: 1 }, { subject: 'whatsapp' }], rollups: [] }),
    );
    expect(outcome.textContent).toBe('Record 2 in the section “incidents” of this file is damaged. Nothing was imported.');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { connector, file, outcome } = await importText('{}', MAX_IMPORT_BYTES + 1);
    expect(outcome.textContent).toBe('This file is too large to import (the limit is 40 MB). Nothing was imported.');
    expect((file as File & { wasRead: boolean }).wasRead).toBe(false);
    expect(connector.callsOf('importData')).toHaveLength(0);
  });

  it('reports what a good file added and shows the history again', async () => {
    const record = { subject: 'whatsapp', state: 'blocked', how: 'dns', start: NOW - HOUR, end: NOW };
    const { connector, outcome } = await importText(JSON.stringify({ format: 'blockwatch-history', version: 1, exportedAt: NOW, rounds: [], verdicts: [], observations: [], incidents: [record], rollups: [] }));
    expect(outcome.textContent).toBe('Import done. New checks: 0. Incidents added or updated: 1.');
    expect(outcome.getAttribute('data-outcome')).toBe('ok');
    await waitFor(() => expect(connector.callsOf('getHistory').length).toBeGreaterThan(1));
  });
});

describe('history: deleting everything', () => {
  it('asks first; Cancel deletes nothing and returns focus; confirming deletes and says so', async () => {
    const connector = await showHistory();
    const button = screen.getByRole('button', { name: en('history_clear') });
    fireEvent.click(button);
    const dialog = screen.getByRole('alertdialog', { name: en('history_clear_title') });
    expect(connector.callsOf('clearData')).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe(en('history_clear_cancel'));

    fireEvent.click(within(dialog).getByRole('button', { name: en('history_clear_cancel') }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(connector.callsOf('clearData')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: en('history_clear') }));

    fireEvent.click(screen.getByRole('button', { name: en('history_clear') }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: en('history_clear_confirm') }));
    await waitFor(() => expect(connector.callsOf('clearData')).toHaveLength(1));
    expect(await screen.findByText(en('history_clear_done'), { selector: 'p.success' })).toBeTruthy();
  });

  it('Escape cancels the question', async () => {
    const connector = await showHistory();
    fireEvent.click(screen.getByRole('button', { name: en('history_clear') }));
    act(() => {
      fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(connector.callsOf('clearData')).toHaveLength(0);
  });
});
