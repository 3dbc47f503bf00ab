import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Files that run the engine against the Node lab (client and lab servers in one process) or wait
 * on real timers: they spend most of their wall time waiting on the probes' 6 s header and 2.5 s
 * body timers and little of it on the CPU. CI runs them as a suite of their own (`--project
 * node-lab`) beside the CPU-bound rest (`--project unit`), so the waits overlap useful work.
 */
const NODE_LAB_FILES = ['tests/lab/**/*.test.ts', 'tests/runtime/**/*.test.ts', 'tests/extension/background.test.ts', 'tests/cli/check.test.ts'];
const NOT_HERE = ['tests/e2e/**', 'node_modules/**'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    // One file at a time. Three at once took half the time (190 s) but in a fresh-clone CI run a
    // Node-lab round of tests/lab/engine.test.ts lost its controls to the 6 s timer (client and lab
    // servers share one process, and three such processes starve each other on 2 cores).
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'node-lab', include: NODE_LAB_FILES, exclude: NOT_HERE } },
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: [...NOT_HERE, ...NODE_LAB_FILES] } },
    ],
  },
});
