import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Timeouts only catch hangs: no test may depend on how fast the machine is
    // (speed varies about 2x from day to day, more under parallel load).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    // Model and browser suites are CPU-heavy; on 2 cores run files one at a time
    // so timings stay meaningful and memory stays modest.
    fileParallelism: false,
    // One id per run: browser suites build the app once and reuse it (dev/appServer.ts).
    env: { TRACKSCOPE_RUN_ID: `${process.pid}-${Date.now()}` },
    // The JSON report feeds `npm run audit:report` (fault-suite outcomes).
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
