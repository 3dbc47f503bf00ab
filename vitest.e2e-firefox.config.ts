/**
 * The scenario files that apply to Firefox (`tests/e2e/firefox/scenario-list.ts`), run as vitest runs the Chromium
 * ones (vitest.e2e.config.ts): one file at a time, long deadlines, ending with the count line
 * `firefox scenarios: N passed, M failed`. `tests/e2e/firefox/run-scenarios.ts` runs it inside a lab namespace with
 * BLOCKWATCH_BROWSER=firefox.
 */
import { defineConfig } from 'vitest/config';
import { CountReporter } from './tests/e2e/harness/count-reporter.ts';
import { firefoxLaneScenarios, firefoxWaitingScenarios } from './tests/e2e/firefox/scenario-list.ts';

/** Deadlines for a hung browser or product, not measurements (as in vitest.e2e.config.ts). */
const TEST_DEADLINE_MS = 300_000;
const HOOK_DEADLINE_MS = 120_000;

export default defineConfig({
  test: {
    environment: 'node',
    // BLOCKWATCH_FIREFOX_LONG=1: the long and waiting ones too (scenario-list.ts says why they are not in CI).
    include: [...firefoxLaneScenarios(), ...firefoxWaitingScenarios()].map((name) => `tests/e2e/scenarios/${name}.test.ts`),
    sequence: { shuffle: false },
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: TEST_DEADLINE_MS,
    hookTimeout: HOOK_DEADLINE_MS,
    reporters: ['default', new CountReporter('firefox scenarios')],
  },
});
