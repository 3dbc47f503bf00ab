/**
 * End-to-end scenarios: the production build in Debian's Chromium against the censorship lab.
 * Run inside a lab namespace (tests/e2e/README.md), one file at a time: a lab owns the namespace's
 * DNS port, and two Chromiums on 2 cores would make each other's rounds slow.
 */
import { defineConfig } from 'vitest/config';
import { CountReporter } from './tests/e2e/harness/count-reporter.ts';

/**
 * Deadlines for a hung browser or product, not measurements: a scenario runs up to a dozen rounds,
 * some of which end at the product's 15 s timers.
 */
const TEST_DEADLINE_MS = 300_000;
const HOOK_DEADLINE_MS = 120_000;

export default defineConfig({
  test: {
    environment: 'node',
    // The stores' screenshots (tests/e2e/store/, ~3 min) are made on request, not in every CI run:
    // BLOCKWATCH_STORE_SCREENSHOTS=1 node --import tsx tests/e2e/run-scenarios.ts store-screenshots
    include: ['tests/e2e/scenarios/**/*.test.ts', ...(process.env.BLOCKWATCH_STORE_SCREENSHOTS === '1' ? ['tests/e2e/store/**/*.test.ts'] : [])],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: TEST_DEADLINE_MS,
    hookTimeout: HOOK_DEADLINE_MS,
    reporters: ['default', new CountReporter('e2e scenarios')],
  },
});
