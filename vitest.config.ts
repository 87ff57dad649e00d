import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Suites that use several cores each: headless Chromium with its workers
 * (browser/, and video/ through the video harness) and the CLI tests that start
 * several `npm run track` processes. They run one file at a time, after the
 * Node suites, so they never compete with each other for the 2 cores and
 * memory stays modest.
 */
const MULTI_CORE = ['tests/browser/**/*.test.ts', 'tests/cli/**/*.test.ts', 'tests/video/**/*.test.ts'];

/**
 * Node suites that take several times longer than any other (measured: about 65 s against 15 s at most):
 * started first, so the second worker gets through the rest meanwhile. Without a timing cache (a fresh
 * clone, as in CI) vitest would start the largest files first and this one last, on its own.
 */
const LONG_FIRST = ['tests/pipeline/memory.test.ts'];

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.findIndex((path) => f.moduleId.endsWith(path));
      return i < 0 ? LONG_FIRST.length : i;
    };
    // A stable sort: the rest keep vitest's order (groups, then cached durations or sizes).
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    // Timeouts only catch hangs: no test may depend on how fast the machine is
    // (speed varies about 2x from day to day, more under parallel load).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // One id per run: browser suites build the app once and reuse it (dev/appServer.ts).
    env: { TRACKSCOPE_RUN_ID: `${process.pid}-${Date.now()}` },
    // The JSON report feeds `npm run audit:report` (fault-suite outcomes).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        // Node suites (unit, real models in TF.js WASM, ffmpeg): each runs on one core, so two files
        // at a time keep both cores busy; every file still gets its own process (isolated).
        extends: true,
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...MULTI_CORE],
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'multi-core', include: MULTI_CORE, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
