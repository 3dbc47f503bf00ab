// @vitest-environment happy-dom
/**
 * The popup's shell (extension/popup/index.html + shell.ts): what a person sees in the first frame,
 * before the app's code has run — the title and "Loading…" in their language and direction — and
 * what happens next: the app loads once, and if it cannot, the shell says so instead of "Loading…"
 * for ever.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, fillShell } from '../../extension/popup/shell';

type Messages = Record<string, { message: string }>;
const messages = (locale: string): Messages => JSON.parse(readFileSync(join(process.cwd(), `assets/_locales/${locale}/messages.json`), 'utf8')) as Messages;
const HTML = readFileSync(join(process.cwd(), 'extension/popup/index.html'), 'utf8');

function openShell(locale: string): void {
  const table = messages(locale);
  vi.stubGlobal('chrome', { i18n: { getMessage: (name: string) => table[name]?.message ?? '' } });
  document.documentElement.innerHTML = new DOMParser().parseFromString(HTML, 'text/html').documentElement.innerHTML;
}

beforeEach(() => {
  document.documentElement.removeAttribute('dir');
  document.documentElement.removeAttribute('lang');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const status = (): HTMLElement => document.querySelector<HTMLElement>('[data-shell-status]') as HTMLElement;

describe('the popup shell', () => {
  it('shows the title and "Loading…" in English, left to right', () => {
    openShell('en');
    fillShell(document);
    expect(document.querySelector('h1')?.textContent).toBe('Blockwatch');
    expect(status().textContent).toBe(messages('en').page_loading!.message);
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows them in Persian, right to left, before any of the app has run', () => {
    openShell('fa');
    fillShell(document);
    expect(status().textContent).toBe(messages('fa').page_loading!.message);
    expect(status().textContent).not.toBe(messages('en').page_loading!.message);
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('fa');
  });

  it('loads the app once, after the first frame or, with no frame, after a short wait', async () => {
    openShell('en');
    vi.useFakeTimers();
    const load = vi.fn(async () => undefined);
    afterFirstPaint(document, load);
    expect(load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says the popup could not load when the app\'s code fails, instead of "Loading…" for ever', async () => {
    openShell('en');
    fillShell(document);
    vi.useFakeTimers();
    afterFirstPaint(document, async () => {
      throw new Error('chunk missing');
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status().textContent).toBe(messages('en').popup_load_failed!.message);
    expect(status().className).toBe('error');
  });
});
