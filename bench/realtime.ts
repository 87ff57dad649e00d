/**
 * Tracking quality when the detector is slower than the camera.
 *
 *   npm run bench:realtime -- [--seeds N] [--frames N] [--mot15-only]
 *
 * Every configuration runs through the app's `StreamRunner` (the live
 * loop's `DetectionScheduler`), so a row describes what the live overlay
 * would draw:
 * - `k = 1, 2, 4, 8`: the detector runs on every k-th frame and its result is
 *   shown at once (offline `--every k`); the motion model carries the rest.
 * - `100, 200, 300 ms`: the detector starts on the newest frame whenever it is
 *   free and its result is shown only after that latency on the stream clock
 *   (`--realtime --detect-ms N`), carried forward to the current frame.
 *
 * Two data sets:
 * - MOT15 (ten training sequences, motion only): the published `det.txt`
 *   boxes, available only on the frames the detector would have processed.
 *   Data: $MOT_DATA_DIR/mot15 (default ../shared/data/mot15).
 * - Synthetic re-id scenes from real vtest pixels (bench/lib/reid-scene.ts):
 *   CenterNet with fusion embeddings runs once per frame (a detector sees the
 *   same pixels whenever it runs), then each configuration replays them.
 *
 * `+ref` rows add the offline refinement of uploads (k configurations only).
 * Prints MOTA, IDF1, HOTA and IDSW per configuration and writes
 * bench/results/realtime.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { combine, evaluate, type MotMetrics } from '../src/core/metrics/index.ts';
import { ResultsCollector } from '../src/core/export/resultsCollector.ts';
import {
  ReplayDetector,
  StreamRunner,
  TRACKER_PRESETS,
  loadStreamDetector,
  streamSettings,
  type CadenceSetting,
} from '../src/core/pipeline/index.ts';
import type { Detection, TrackerConfigInput } from '../src/core/tracking/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { benchArgs, intValue } from '../src/node/scriptArgs.ts';
import { loadMotSequences, scoreSequence } from '../src/node/motSequence.ts';
import { buildScene, type Scene } from './lib/reid-scene.ts';
import { loadSceneMaterial } from './lib/reid-sprites.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(process.env.MOT_DATA_DIR ?? join(ROOT, '../shared/data'), 'mot15');
const OUT = join(ROOT, 'bench/results/realtime.json');
/** Frame rate of the synthetic scenes (vtest's). */
const SCENE_FPS = 10;

interface Config {
  readonly name: string;
  readonly cadence: CadenceSetting;
  readonly latencyMs: number;
}
const CONFIGS: readonly Config[] = [
  ...[1, 2, 4, 8].map((k) => ({ name: `k=${k}`, cadence: k, latencyMs: 0 })),
  ...[100, 200, 300].map((ms) => ({ name: `${ms} ms`, cadence: 'auto' as const, latencyMs: ms })),
];

/**
 * Recorded detections through a StreamRunner with one configuration: MOT rows
 * as the overlay draws them (`online`), and after the offline refinement an
 * upload gets (`refined`: linking, carried boxes re-drawn between detections, GSI).
 */
async function replay(byFrame: readonly (readonly Detection[])[], frameRate: number, preset: TrackerConfigInput, c: Config) {
  const detector = new ReplayDetector(byFrame);
  const runner = new StreamRunner(detector, { frameRate, cadence: c.cadence, latency: c.latencyMs, classes: null, preset });
  const collector = new ResultsCollector();
  const noPixels = tf.zeros([1, 1, 3]) as tf.Tensor3D;
  try {
    for (let i = 0; i < byFrame.length; i++) {
      detector.frame = i;
      collector.add(await runner.step(noPixels, i));
    }
  } finally {
    noPixels.dispose();
    runner.dispose();
  }
  return { online: collector.rows(), refined: collector.refinedRows(frameRate) };
}

/** Offline refinement applies to uploads (`--every k`), not to the live view (latency rows). */
const refinable = (c: Config) => c.latencyMs === 0;

const compact = (m: MotMetrics) => ({ MOTA: m.MOTA, IDF1: m.IDF1, HOTA: m.HOTA, IDSW: m.IDSW, FP: m.FP, FN: m.FN, numGt: m.numGt });
const pct = (x: number) => (100 * x).toFixed(1).padStart(7);
const line = (name: string, m: MotMetrics) => `${name.padEnd(10)}${pct(m.MOTA)}${pct(m.IDF1)}${pct(m.HOTA)}${String(m.IDSW).padStart(7)}`;
const HEADER = `${''.padEnd(10)}${['MOTA', 'IDF1', 'HOTA', 'IDSW'].map((c) => c.padStart(7)).join('')}`;

async function mot15() {
  const seqs = await loadMotSequences(DATA);
  console.log(`MOT15, ${seqs.length} sequences, motion only (det.txt, tracker defaults)\n${HEADER}`);
  const rows = [];
  for (const c of CONFIGS) {
    const runs = [];
    for (const s of seqs) runs.push({ s, out: await replay(s.detections, s.frameRate, {}, c) });
    const m = combine(runs.map(({ s, out }) => scoreSequence(s, out.online)));
    console.log(line(c.name, m));
    const refined = refinable(c) ? combine(runs.map(({ s, out }) => scoreSequence(s, out.refined))) : null;
    if (refined) console.log(line(`${c.name} +ref`, refined));
    rows.push({ config: c, overall: compact(m), ...(refined ? { refined: compact(refined) } : {}) });
  }
  return rows;
}

/** CenterNet + fusion embeddings on every frame of a scene (what the detector would return whenever it ran). */
async function detectScene(scene: Scene): Promise<Detection[][]> {
  const { detector } = await loadStreamDetector('centernet', {
    models: fileSystemModelSource(join(ROOT, 'models')),
    appearance: 'fusion',
    ...streamSettings('centernet', SCENE_FPS).detector,
  });
  const out: Detection[][] = [];
  try {
    for (const [k, f] of scene.frames.entries()) {
      const t = tf.tensor3d(Int32Array.from(f.image.data), [f.image.height, f.image.width, 3], 'int32');
      try {
        out.push(await detector.detect(t));
      } finally {
        t.dispose();
      }
      process.stderr.write(`\rdetect: frame ${k + 1}/${scene.frames.length}   `);
    }
  } finally {
    detector.dispose();
    process.stderr.write('\n');
  }
  return out;
}

async function reid(seeds: number, frames: number) {
  const material = loadSceneMaterial();
  const scenes = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const scene = buildScene(material, seed, frames);
    scenes.push({ scene, detections: await detectScene(scene) });
  }
  console.log(`\nSynthetic re-id scenes (real vtest pixels), seeds 1–${seeds}, ${frames} frames, CenterNet + fusion\n${HEADER}`);
  const rows = [];
  for (const c of CONFIGS) {
    const runs = [];
    for (const { scene, detections } of scenes)
      runs.push({ scene, out: await replay(detections, SCENE_FPS, TRACKER_PRESETS.centernet, c) });
    const m = combine(runs.map(({ scene, out }) => evaluate(scene.gt, out.online, { iouThreshold: 0.5 })));
    console.log(line(c.name, m));
    const refined = refinable(c) ? combine(runs.map(({ scene, out }) => evaluate(scene.gt, out.refined, { iouThreshold: 0.5 }))) : null;
    if (refined) console.log(line(`${c.name} +ref`, refined));
    rows.push({ config: c, overall: compact(m), ...(refined ? { refined: compact(refined) } : {}) });
  }
  return rows;
}

await useNodeBackend('wasm');
const COMMAND = {
  usage: 'npm run bench:realtime --',
  summary: 'Tracking quality when the detector is slower than the camera (MOT15 and synthetic re-id scenes).',
  options: {
    seeds: { type: 'string', value: 'N', default: '2', description: 're-id scene seeds' },
    frames: { type: 'string', value: 'N', default: '120', description: 're-id scene length in frames' },
    'mot15-only': { type: 'boolean', description: 'skip the re-id scenes' },
  },
} as const;
const args = benchArgs(COMMAND);
const seeds = intValue(args, 'seeds');
const frames = intValue(args, 'frames');
const motOnly = args['mot15-only'] === true;
const results = { generatedAt: new Date().toISOString(), mot15: await mot15(), reid: motOnly ? [] : await reid(seeds, frames) };
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n→ ${OUT}`);
