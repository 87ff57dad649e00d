/**
 * `npm run bench:train -- --shift`: the LeNet panel's shift test with its
 * default settings (shiftStudy.ts: 2000 training digits, 3 epochs, 300 test
 * digits, all four directions) on WASM. Prints each model's test accuracy at
 * every shift, the run's wall time and the longest stretch the thread was
 * blocked (the study yields between batches and sweep chunks; Node's
 * event-loop delay, 10 ms resolution, over the same core code the panel runs).
 * Writes bench/results/shift.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/node/backend.ts';
import { loadMnistFs } from '../src/node/training/mnistFs.ts';
import { registerWasmConvBackpropFilter } from '../src/core/training/wasmConvBackpropFilter.ts';
import { splitMnist } from '../src/core/training/mnistData.ts';
import { DEFAULT_SHIFT_STUDY, runShiftStudy } from '../src/core/training/shiftStudy.ts';

export async function runShiftBench(): Promise<void> {
  registerWasmConvBackpropFilter();
  await useNodeBackend('wasm');
  const mnist = loadMnistFs();
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const t0 = performance.now();
  delay.enable();
  const { series } = await runShiftStudy(DEFAULT_SHIFT_STUDY, mnist, splitMnist(mnist.count));
  delay.disable();
  const seconds = (performance.now() - t0) / 1000;
  const width = Math.max(...series.map((s) => s.label.length));
  console.log(`${'shift (px)'.padEnd(width)}  ${series[0].accuracy.map((_, i) => String(i).padStart(5)).join(' ')}`);
  for (const s of series) console.log(`${s.label.padEnd(width)}  ${s.accuracy.map((a) => a.toFixed(2).padStart(5)).join(' ')}`);
  console.log(`wasm: ${seconds.toFixed(1)} s for the four models; longest blocked stretch ${(delay.max / 1e6).toFixed(0)} ms`);
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'shift.json'),
    `${JSON.stringify({ date: new Date().toISOString(), tfjs: tf.version.tfjs, config: DEFAULT_SHIFT_STUDY, seconds, longestTaskMs: delay.max / 1e6, series }, null, 2)}\n`,
  );
}
