/**
 * What every page component may reach without props: the connector and the clock (a fixed one in
 * tests, so "3 minutes ago" is exact).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Connector } from './connector';
import { I18nProvider, type I18n } from './i18n';

export interface Page {
  readonly connector: Connector;
  readonly now: () => number;
}

const PageContext = createContext<Page | null>(null);

export function usePage(): Page {
  const page = useContext(PageContext);
  if (!page) throw new Error('usePage outside a PageProviders');
  return page;
}

export function PageProviders(props: { readonly page: Page; readonly i18n: I18n; readonly children: ComponentChildren }) {
  return (
    <PageContext.Provider value={props.page}>
      <I18nProvider i18n={props.i18n}>{props.children}</I18nProvider>
    </PageContext.Provider>
  );
}

/** Relative times ("3 minutes ago") go stale while a page is open: re-read the clock this often, ms. */
const CLOCK_TICK_MS = 30_000;

/** The current time at each render, with a re-render every CLOCK_TICK_MS while the component is shown. */
export function useNow(): number {
  const { now } = usePage();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((tick) => tick + 1), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now();
}
