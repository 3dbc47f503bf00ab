import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Files that run the engine or the runtime against the Node lab (client and lab servers in one
 * process), or wait on real timers: they spend most of their wall time waiting on the probes' 6 s
 * header and 2.5 s body timers and little of it on the CPU. CI runs the two groups as suites of
 * their own (`--project node-lab`, `--project node-runtime`, ~3 min each) beside the CPU-bound rest
 * (`--project unit`), so their waits overlap each other and useful work.
 */
const NODE_LAB_FILES = ['tests/lab/**/*.test.ts', 'tests/extension/background.test.ts', 'tests/cli/check.test.ts'];
const NODE_RUNTIME_FILES = ['tests/runtime/**/*.test.ts'];
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
      { extends: true, test: { name: 'node-runtime', include: NODE_RUNTIME_FILES, exclude: NOT_HERE } },
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'], exclude: [...NOT_HERE, ...NODE_LAB_FILES, ...NODE_RUNTIME_FILES] },
      },
    ],
  },
});
