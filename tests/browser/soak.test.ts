/**
 * Short soak of the live pipeline (the full run is `npm run soak`): 2,000
 * camera frames (tensors must stay flat over at least that many; the camera
 * delivers at most 60 a second, so each 1,000 more cost about 17 s of CI) from a looping
 * 60 fps fake camera, sampled every 500 frames.
 * Worker tensors and tensor bytes must be exactly flat, and the JS heap of
 * the page and of the worker (read after a forced GC) must not grow by more
 * than HEAP_GROWTH_BOUND over the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_FILES } from '../../scripts/lib/resultFiles.ts';
import { formatSoakCsv, soakTable, summarizeSoak } from '../../scripts/lib/soakCsv.ts';
import { runSoak } from '../../scripts/lib/soakRun.ts';

const FRAMES = 2000;
const SAMPLE_EVERY = 500;
/** Allowed heap growth, first sample to any later one (live heaps are ~5-6 MiB). */
const HEAP_GROWTH_BOUND = 3 * 2 ** 20;

describe('live pipeline soak (headless Chromium, 60 fps fake camera)', () => {
  it(`keeps tensors and bytes flat and the heap bounded over ${FRAMES} camera frames`, { timeout: 600_000 }, async () => {
    const result = await runSoak({ frames: FRAMES, sampleEvery: SAMPLE_EVERY, fps: 60 });
    const file = RESULT_FILES.soakTest.path;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, formatSoakCsv(result.samples));
    const summary = summarizeSoak(result.samples);
    console.log(soakTable(summary));

    expect(result.pageErrors).toEqual([]);
    expect(result.foreignRequests).toEqual([]);
    expect(result.samples.length).toBeGreaterThanOrEqual(FRAMES / SAMPLE_EVERY);
    expect(summary.frames).toBeGreaterThanOrEqual(FRAMES);
    expect(summary.tensors.min).toBe(summary.tensors.max);
    expect(summary.bytes.min).toBe(summary.bytes.max);
    expect(summary.tensors.first).toBeGreaterThan(0);
    for (const key of ['pageHeap', 'workerHeap'] as const) {
      const values = result.samples.map((s) => s[key]);
      for (const v of values) expect(Number.isFinite(v), `${key} was not measured`).toBe(true);
      expect(Math.max(...values) - values[0], `${key} growth (bytes)`).toBeLessThanOrEqual(HEAP_GROWTH_BOUND);
    }
    // The detector kept running throughout: frames were processed after the first sample.
    expect(result.samples[result.samples.length - 1].framesProcessed).toBeGreaterThan(result.samples[0].framesProcessed);
  });
});
