/**
 * Re-id benchmark with known identities built from real pixels.
 *
 *   npm run bench:reid -- [--seed N] [--frames N] [--dump DIR] [--compare] [--views plain,tiles,tiles+mirror]
 *
 * 1. Background and person sprites come from the committed vtest clip
 *    (bench/lib/reid-sprites.ts); bench/lib/reid-scene.ts composites them along
 *    seeded scripted paths that cross, occlude, turn back and re-enter.
 * 2. CenterNet runs once per frame with joint embeddings (one readback per
 *    frame); the other descriptors are computed for the same boxes.
 * 3. The tracker runs on the same detections without and with each
 *    appearance descriptor; IDF1, IDSW and HOTA come from src/core/metrics.
 * 4. Accuracy mode (`--views`): the same scene through `MultiViewDetector`
 *    (2×2 tiles; tiles + mirror) in the same run, scored the same way, with
 *    the detector's cost as a multiple of the plain run's (bench/lib/reid-views.ts).
 * --compare also scores the descriptors on real vtest pedestrians one second
 * apart (same vs different person distances, rank-1, AUC).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadJointCenterNet, type JointCenterNet } from '../src/core/embedding/jointCenterNet.ts';
import type { EmbeddingConfig } from '../src/core/embedding/config.ts';
import { evaluate } from '../src/core/metrics/index.ts';
import { TRACKER_PRESETS } from '../src/core/pipeline/presets.ts';
import type { Detection } from '../src/core/tracking/index.ts';
import type { Detector } from '../src/core/detection/types.ts';
import { MultiViewDetector } from '../src/core/pipeline/multiViewDetector.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { refineTracks, trackEmbeddings } from '../src/core/refine/index.ts';
import { runOnSequence } from '../src/node/motSequence.ts';
import { buildPairs, scoreDescriptor } from './lib/reid-compare.ts';
import { readFrames } from './lib/reid-frames.ts';
import { buildScene, type Scene } from './lib/reid-scene.ts';
import { encodePng, loadSceneMaterial, type RgbImage } from './lib/reid-sprites.ts';
import { benchArgs, intValue, listValue } from '../src/node/scriptArgs.ts';
import { VIEW_CONFIGS, VIEW_MODES, withPlainFirst, type ViewMode } from './lib/reid-views.ts';

const ROOT = resolve(import.meta.dirname, '..');
const FRAME_RATE = 10;
/** The app's CenterNet preset (score split for CenterNet's scale); nothing is tuned to this set. */
const TRACKER_SCORES = TRACKER_PRESETS.centernet;
const DESCRIPTORS: { name: string; config: Partial<EmbeddingConfig> }[] = [
  { name: 'histogram', config: { method: 'histogram' } },
  { name: 'joint', config: { method: 'joint' } },
  { name: 'fusion', config: { method: 'fusion' } },
];

const toTensor = (img: RgbImage): tf.Tensor3D => tf.tensor3d(Int32Array.from(img.data), [img.height, img.width, 3], 'int32');

interface FrameResult {
  readonly boxes: Detection[];
  readonly embeddings: Map<string, Float32Array[]>;
}

/** Boxes from `main` (plain or multi-view), then each descriptor computed for them on the full frame. */
async function detectScene(
  scene: Scene,
  detectors: Map<string, JointCenterNet>,
  main: Detector & { lastTimings: { embeddingMs: number } },
  mode: ViewMode,
) {
  const results: FrameResult[] = [];
  const cost = { detectMs: 0, embeddingMs: 0, embedBoxesMs: new Map<string, number>() };
  for (const [k, frame] of scene.frames.entries()) {
    const t = toTensor(frame.image);
    try {
      const t0 = performance.now();
      const dets = await main.detect(t);
      cost.detectMs += performance.now() - t0;
      cost.embeddingMs += main.lastTimings.embeddingMs;
      const embeddings = new Map<string, Float32Array[]>();
      for (const [name, d] of detectors) {
        const t1 = performance.now();
        embeddings.set(
          name,
          await d.embedBoxes(
            t,
            dets.map((x) => x.box),
          ),
        );
        cost.embedBoxesMs.set(name, (cost.embedBoxesMs.get(name) ?? 0) + performance.now() - t1);
      }
      results.push({ boxes: dets.map(({ box, score, classId, label }) => ({ box, score, classId, label })), embeddings });
    } finally {
      t.dispose();
    }
    process.stdout.write(`\r${mode}: detect + embed, frame ${k + 1}/${scene.frames.length}   `);
  }
  process.stdout.write('\n');
  return { results, cost };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

/**
 * Accuracy mode against the plain detector, on the same scene and tracker:
 * the multi-view detector's merged boxes get each descriptor computed on the
 * full frame, as the plain boxes do, so only the boxes differ.
 */
function printViewRows(scene: Scene, runs: ReadonlyMap<ViewMode, { results: FrameResult[]; cost: { detectMs: number } }>, plainMs: number) {
  console.log(`\nAccuracy mode (MultiViewDetector; detector cost as a multiple of plain, same run)`);
  console.log('detector       appearance         cost   recall  prec    IDF1    IDSW   HOTA    MOTA');
  for (const [mode, run] of runs) {
    const multiple = `${(run.cost.detectMs / plainMs).toFixed(1)}×`.padStart(5);
    for (const refine of [false, true]) {
      for (const name of [null, 'fusion']) {
        const m = track(scene, run.results, name, refine);
        const label = `${name ?? 'none'}${refine ? ' +refine' : ''}`;
        console.log(
          `${mode.padEnd(14)} ${label.padEnd(18)} ${multiple}  ${pct(m.recall)}  ${pct(m.precision)}  ${pct(m.IDF1)}  ` +
            `${String(m.IDSW).padStart(4)}  ${pct(m.HOTA)}  ${pct(m.MOTA)}`,
        );
      }
    }
  }
}

/** Online tracking, then (with `refine`) offline refinement with tracklet means of the same descriptor. */
function track(scene: Scene, results: FrameResult[], descriptor: string | null, refine = false) {
  const detections = results.map((r) => r.boxes.map((d, i) => (descriptor ? { ...d, embedding: r.embeddings.get(descriptor)![i] } : d)));
  const seq = { name: 'reid-synthetic', frameRate: FRAME_RATE, seqLength: scene.frames.length, detections, gt: scene.gt };
  const { rows } = runOnSequence(seq, { config: TRACKER_SCORES });
  const embeddings = trackEmbeddings(rows, (frame) => detections[frame - 1]);
  return evaluate(scene.gt, refine ? refineTracks(rows, FRAME_RATE, { embeddings }) : rows, { iouThreshold: 0.5 });
}

async function compareOnRealPairs(source: ReturnType<typeof fileSystemModelSource>): Promise<void> {
  const frames = readFrames(Array.from({ length: 15 }, (_, k) => k * 10));
  try {
    const base = await loadJointCenterNet({ source, classes: ['person'] });
    const pairs = await buildPairs(base, frames);
    base.dispose();
    console.log(`\nReal vtest pairs (1 s apart): ${pairs.same.length} same-person pairs`);
    console.log('descriptor  dim  same-mean  diff-mean  rank-1   AUC    embedBoxes ms/frame');
    for (const { name, config } of DESCRIPTORS) {
      const d = await loadJointCenterNet({ source, classes: ['person'], embedding: config });
      const s = await scoreDescriptor(name, d, pairs);
      d.dispose();
      console.log(
        `${name.padEnd(10)} ${String(s.dim).padStart(4)}   ${s.sameMean.toFixed(3)}      ${s.differentMean.toFixed(3)}     ` +
          `${(s.rank1 * 100).toFixed(0)}%    ${s.auc.toFixed(3)}  ${s.msPerFrame.toFixed(1)}`,
      );
    }
  } finally {
    tf.dispose(frames);
  }
}

const COMMAND = {
  usage: 'npm run bench:reid --',
  summary: 'Synthetic re-id scenes from real vtest pixels: IDF1, IDSW and HOTA with and without each appearance descriptor.',
  options: {
    seed: { type: 'string', value: 'N', default: '1', description: 'scene seed' },
    frames: { type: 'string', value: 'N', default: '120', description: 'scene length in frames' },
    dump: { type: 'string', value: 'dir', description: 'also write the scene frames as PNGs here' },
    compare: { type: 'boolean', description: 'also compare descriptors on real same/different-person pairs' },
    views: {
      type: 'string',
      value: 'list',
      description: `accuracy mode rows: comma-separated ${VIEW_MODES.join(', ')} (all when absent; plain always runs)`,
    },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const seed = intValue(args, 'seed');
  const length = intValue(args, 'frames');
  await useNodeBackend('wasm');
  const source = fileSystemModelSource(join(ROOT, 'models'));
  const scene = buildScene(loadSceneMaterial(), seed, length);
  const dump = args.dump as string | undefined;
  if (dump) {
    mkdirSync(dump, { recursive: true });
    scene.frames.forEach((f, k) => writeFileSync(join(dump, `s${String(k).padStart(3, '0')}.png`), encodePng(f.image)));
  }
  console.log(`Scene: seed ${seed}, ${length} frames, ${scene.identities} identities, ${scene.gt.length} gt boxes`);
  const main = await loadJointCenterNet({ source, classes: ['person'] });
  const detectors = new Map<string, JointCenterNet>();
  for (const { name, config } of DESCRIPTORS)
    detectors.set(name, await loadJointCenterNet({ source, classes: ['person'], embedding: config }));
  const runs = new Map<ViewMode, Awaited<ReturnType<typeof detectScene>> & { leaked: number }>();
  for (const mode of withPlainFirst(listValue(args, 'views', VIEW_MODES))) {
    const config = VIEW_CONFIGS[mode];
    // Not disposed: a MultiViewDetector's dispose() would dispose `main`, which it only wraps.
    const detector = config ? new MultiViewDetector(main, config) : main;
    const before = tf.memory().numTensors;
    const run = await detectScene(scene, detectors, detector, mode);
    runs.set(mode, { ...run, leaked: tf.memory().numTensors - before });
  }
  main.dispose();
  for (const d of detectors.values()) d.dispose();
  const n = scene.frames.length;
  const plain = runs.get('plain')!;
  console.log(`\nTracker: defaults + ${JSON.stringify(TRACKER_SCORES)}, ${FRAME_RATE} fps, IoU 0.5`);
  console.log('appearance           IDF1    IDSW   HOTA    AssA    MOTA');
  for (const refine of [false, true]) {
    for (const name of [null, ...DESCRIPTORS.map((d) => d.name)]) {
      const m = track(scene, plain.results, name, refine);
      const label = `${name ?? 'none'}${refine ? ' +refine' : ''}`;
      console.log(`${label.padEnd(18)} ${pct(m.IDF1)}  ${String(m.IDSW).padStart(4)}  ${pct(m.HOTA)}  ${pct(m.AssA)}  ${pct(m.MOTA)}`);
    }
  }
  if (runs.size > 1) printViewRows(scene, runs, plain.cost.detectMs);
  console.log(
    `\nCost per frame (wasm, ${main.embeddingConfig.method} via joint detect): detect+embed ${(plain.cost.detectMs / n).toFixed(1)} ms, ` +
      `of which embedding maths ${(plain.cost.embeddingMs / n).toFixed(2)} ms; tensors leaked over the run: ` +
      [...runs].map(([mode, r]) => `${mode} ${r.leaked}`).join(', '),
  );
  for (const [name, ms] of plain.cost.embedBoxesMs)
    console.log(`  embedBoxes (${name}, given boxes, graph up to the feature node): ${(ms / n).toFixed(1)} ms/frame`);
  if (args.compare) await compareOnRealPairs(source);
}

await main();
