import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto'],
    // Most of the long files wait on the Node lab's timers (tests/lab/engine.test.ts: 144 s of wall
    // time for 53 s of CPU), so three files at once on 2 cores take about half the time of one.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
