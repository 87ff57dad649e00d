/**
 * Soak run of the live pipeline: headless Chromium, fake camera looping the
 * vtest clip at 640x480 and a high frame rate, sampled every 1,000 camera
 * frames (worker tf.memory() tensors and bytes, page and worker JS heap after
 * GC, FPS). Writes a CSV and prints a summary.
 *
 *   npm run soak -- --frames 20000 [--out soak.csv] [--every 1000] [--fps 60]
 *
 * Without --out the CSV goes to test-results/soak.csv, where
 * `npm run audit:report` reads it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RESULT_FILES } from './lib/resultFiles.ts';
import { formatSoakCsv, soakTable, summarizeSoak } from './lib/soakCsv.ts';
import { runSoak } from './lib/soakRun.ts';
import { benchArgs, intValue } from '../src/node/scriptArgs.ts';

const COMMAND = {
  usage: 'npm run soak --',
  summary: 'Long run of the live pipeline in headless Chromium; samples tensors, bytes, heap and FPS to a CSV.',
  options: {
    frames: { type: 'string', value: 'N', default: '20000', description: 'camera frames to run' },
    every: { type: 'string', value: 'N', default: '1000', description: 'sample every N camera frames' },
    fps: { type: 'string', value: 'N', default: '60', description: 'fake camera frame rate' },
    out: { type: 'string', value: 'file', default: RESULT_FILES.soak.path, description: 'CSV output' },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const frames = intValue(args, 'frames');
  const sampleEvery = intValue(args, 'every');
  const fps = intValue(args, 'fps');
  const out = resolve(String(args.out));
  console.log(`soak: ${frames} camera frames at ${fps} fps, sampling every ${sampleEvery}`);
  const result = await runSoak({
    frames,
    sampleEvery,
    fps,
    onSample: (s) =>
      console.log(
        `  frame ${String(s.frame).padStart(6)}  ${s.elapsedS.toFixed(0).padStart(4)} s  tensors ${s.tensors}  bytes ${s.bytes}  ` +
          `heap page ${(s.pageHeap / 2 ** 20).toFixed(2)} MiB worker ${(s.workerHeap / 2 ** 20).toFixed(2)} MiB  ${s.fps.toFixed(1)} fps`,
      ),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, formatSoakCsv(result.samples));
  console.log(`\n${soakTable(summarizeSoak(result.samples))}`);
  console.log(`page errors: ${result.pageErrors.length}; foreign requests: ${result.foreignRequests.length}`);
  console.log(`CSV: ${out}`);
  if (result.pageErrors.length > 0) throw new Error(`page errors during soak: ${result.pageErrors.join('; ')}`);
}

main().catch((error) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
