/**
 * Detection benchmark: CenterNet per-stage latency on real frames for each
 * backend Node can run and each backend headless Chromium can run, written to
 * bench/results/detect.json and printed as one table.
 *
 *   npm run bench:detect -- [--frames N] [--backends wasm,cpu] [--cpu-frames N] [--time-cap-s S]
 *                           [--browser-backends wasm,webgl,webgpu,cpu] [--env node|browser|both]
 *
 * Frames cycle through tests/fixtures/media/*.png (vtest pedestrians first).
 * The 'cpu' backend is pure JS and slow, so it gets fewer frames by default
 * and every backend stops early when the time cap is reached. Rows merge into
 * the existing file, so the browser bench can add its own rows.
 */
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadCenterNet } from '../src/core/detection/centernet';
import { NODE_BACKENDS, useNodeBackend, type NodeBackend } from '../src/node/backend';
import { fileSystemModelSource } from '../src/node/fsModelSource';
import { readImageTensor } from '../src/node/readImageTensor';
import { BROWSER_BACKENDS, benchBrowser, type BrowserBackend } from './lib/browser-detect';
import { writeBenchResults } from './lib/node-report';
import { formatTable, makeRow, type BenchRow, type FrameSample } from './lib/node-stats';
import { benchArgs, choiceOption, intValue, listValue } from '../src/node/scriptArgs.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MEDIA = ['vtest-f000.png', 'vtest-f120.png', 'astronaut.png', 'coffee.png', 'motorcycle_left.png', 'chelsea.png'];
const OUT = join(ROOT, 'bench/results/detect.json');

async function benchBackend(backend: NodeBackend, frames: number, capMs: number): Promise<BenchRow> {
  await useNodeBackend(backend);
  const images = MEDIA.map((f) => readImageTensor(join(ROOT, 'tests/fixtures/media', f)));
  const numTensorsBefore = tf.memory().numTensors;
  const t0 = performance.now();
  const detector = await loadCenterNet({ source: fileSystemModelSource(join(ROOT, 'models')) });
  const loadMs = performance.now() - t0;
  const samples: FrameSample[] = [];
  const start = performance.now();
  try {
    for (let i = 0; i < frames && performance.now() - start < capMs; i++) {
      const detections = await detector.detect(images[i % images.length]);
      const t = detector.lastTimings;
      samples.push({ preprocess: t.preprocessMs, inference: t.inferenceMs, postprocess: t.postprocessMs, detections: detections.length });
      process.stdout.write(`\r${backend}: frame ${i + 1}/${frames}, inference ${t.inferenceMs.toFixed(0)} ms   `);
    }
  } finally {
    detector.dispose();
    process.stdout.write('\n');
  }
  const numTensorsAfter = tf.memory().numTensors;
  tf.dispose(images);
  const note = samples.length < frames ? `stopped at the ${capMs / 1000}s time cap` : undefined;
  return makeRow({ env: 'node', backend, detector: detector.name, loadMs, numTensorsBefore, numTensorsAfter, note }, samples);
}

const COMMAND = {
  usage: 'npm run bench:detect --',
  summary: 'CenterNet per-stage latency (median, p95) per backend, in Node and in headless Chromium.',
  options: {
    frames: { type: 'string', value: 'N', default: '20', description: 'timed frames per backend' },
    'cpu-frames': { type: 'string', value: 'N', description: "frames for the slow 'cpu' backend (default: min(frames, 5))" },
    'time-cap-s': { type: 'string', value: 'S', default: '120', description: 'wall-clock cap per backend, seconds' },
    env: { type: 'string', value: 'node|browser|both', default: 'both', description: 'where to run' },
    backends: { type: 'string', value: 'list', description: `Node backends (default: ${NODE_BACKENDS.join(',')})` },
    'browser-backends': { type: 'string', value: 'list', description: `browser backends (default: ${BROWSER_BACKENDS.join(',')})` },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const frames = intValue(args, 'frames');
  const cpuFrames = args['cpu-frames'] === undefined ? Math.min(frames, 5) : intValue(args, 'cpu-frames');
  const capMs = intValue(args, 'time-cap-s') * 1000;
  const env = choiceOption(args, 'env', ['node', 'browser', 'both']);
  const rows: BenchRow[] = [];
  for (const backend of env === 'browser' ? [] : listValue(args, 'backends', NODE_BACKENDS)) {
    try {
      rows.push(await benchBackend(backend, backend === 'cpu' ? cpuFrames : frames, capMs));
    } catch (error) {
      console.error(`${backend}: skipped (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (env !== 'node') {
    const list = listValue(args, 'browser-backends', BROWSER_BACKENDS);
    const framesFor = (b: BrowserBackend) => (b === 'wasm' ? frames : cpuFrames);
    rows.push(...(await benchBrowser(list, { mediaDir: join(ROOT, 'tests/fixtures/media'), media: MEDIA, framesFor, capMs })));
  }
  writeBenchResults(OUT, rows);
  console.log(`\nCenterNet 512x512, per-stage ms (median / p95), Node ${process.version}\n`);
  console.log(formatTable(rows));
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:detect: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
