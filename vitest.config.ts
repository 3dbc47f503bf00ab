import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['fake-indexeddb/auto'],
    // One file at a time. Three at once took half the time (190 s) but in a fresh-clone CI run a
    // Node-lab round of tests/lab/engine.test.ts lost its controls to the 6 s timer (client and lab
    // servers share one process, and three such processes starve each other on 2 cores).
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
