/**
 * Accuracy mode (`MultiViewDetector`): what running CenterNet on more views
 * of each frame costs and gains, in ONE run. Each variant (full frame only,
 * + mirror, + 2 × 2 tiles, both) detects every labelled image in turn
 * (round-robin, so load changes hit all alike); it reports ms per frame and
 * the multiple of the plain detector's, and person recall and precision at
 * IoU 0.5 on the hand-labelled frames (bench/lib/labelledImages.ts, as
 * `npm run bench:ladder`), over all kept boxes and over those confident
 * enough to start a track.
 *
 *   npm run bench:accuracy -- [--rounds N]
 *
 * The detector is the CLI's: CenterNet 512² with fusion embeddings, so the
 * extra `embedBoxes` for boxes only a tile found is in the cost. Writes
 * bench/results/accuracy.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { AccuracyConfig } from '../src/core/detection/accuracyConfig.ts';
import type { Detection, Detector } from '../src/core/detection/types.ts';
import { loadJointCenterNet } from '../src/core/embedding/jointCenterNet.ts';
import { MultiViewDetector } from '../src/core/pipeline/multiViewDetector.ts';
import { TRACKER_PRESETS } from '../src/core/pipeline/presets.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { readImageTensor } from '../src/node/readImageTensor.ts';
import { benchArgs, intValue } from '../src/node/scriptArgs.ts';
import { loadLabelledImages, PHOTOS } from './lib/labelledImages.ts';
import { addCounts, matchBoxes, NO_MATCHES, RECALL_IOU, type MatchCount } from './lib/personRecall.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/accuracy.json');
/** Boxes at or above this score can start a track (CenterNet's tracker preset). */
const START_SCORE = TRACKER_PRESETS.centernet.newTrackScoreThreshold as number;

interface Variant {
  readonly name: string;
  /** null: the plain detector. */
  readonly accuracy: Partial<AccuracyConfig> | null;
}

const VARIANTS: readonly Variant[] = [
  { name: 'full frame (plain)', accuracy: null },
  { name: '+ mirror', accuracy: { tiles: 1, flip: true } },
  { name: '+ 2×2 tiles (the default)', accuracy: { tiles: 2, flip: false } },
  { name: '+ 2×2 tiles + mirror (max)', accuracy: { tiles: 2, flip: true, fusion: 'max' } },
  { name: '+ 2×2 tiles + mirror (mean)', accuracy: { tiles: 2, flip: true, fusion: 'mean' } },
];

interface VariantResult {
  readonly name: string;
  readonly accuracy: Partial<AccuracyConfig> | null;
  readonly msPerFrame: number;
  readonly vtest: MatchCount;
  readonly vtestStart: MatchCount;
  readonly astronaut: MatchCount;
  readonly photosFound: string[];
}

const persons = (dets: readonly Detection[], minScore = 0) =>
  dets.filter((d) => d.label === 'person' && d.score >= minScore).map((d) => d.box);

async function run(rounds: number): Promise<VariantResult[]> {
  await useNodeBackend('wasm');
  const { images } = loadLabelledImages();
  const frames = images.map((img) => readImageTensor(img.path));
  const inner = await loadJointCenterNet({ source: fileSystemModelSource(join(ROOT, 'models')), embedding: { method: 'fusion' } });
  const detectors: Detector[] = VARIANTS.map((v) => (v.accuracy ? new MultiViewDetector(inner, v.accuracy) : inner));
  const ms = VARIANTS.map(() => 0);
  const vtest = VARIANTS.map(() => NO_MATCHES);
  const vtestStart = VARIANTS.map(() => NO_MATCHES);
  const astronaut = VARIANTS.map(() => NO_MATCHES);
  const found: string[][] = VARIANTS.map(() => []);
  try {
    for (const d of detectors) await d.detect(frames[0]); // warm-up: kernels for every view shape
    for (let r = 0; r < rounds; r++) {
      for (const [i, img] of images.entries()) {
        for (const [k, detector] of detectors.entries()) {
          const t0 = performance.now();
          const dets = await detector.detect(frames[i]);
          ms[k] += performance.now() - t0;
          if (r > 0) continue; // deterministic: score the first round
          if (img.persons && img.isVtest) {
            vtest[k] = addCounts(vtest[k], matchBoxes(img.persons, persons(dets)));
            vtestStart[k] = addCounts(vtestStart[k], matchBoxes(img.persons, persons(dets, START_SCORE)));
          } else if (img.persons) astronaut[k] = addCounts(astronaut[k], matchBoxes(img.persons, persons(dets)));
          if (!img.isVtest && dets.some((d) => d.label === PHOTOS[img.file])) found[k].push(img.file);
        }
        process.stdout.write(`\rround ${r + 1}/${rounds}, image ${i + 1}/${images.length}   `);
      }
    }
    process.stdout.write('\n');
  } finally {
    inner.dispose();
    tf.dispose(frames);
  }
  return VARIANTS.map((v, k) => ({
    ...v,
    msPerFrame: ms[k] / (rounds * images.length),
    vtest: vtest[k],
    vtestStart: vtestStart[k],
    astronaut: astronaut[k],
    photosFound: found[k],
  }));
}

const pct = (c: MatchCount): string => `${((100 * c.matched) / c.labelled).toFixed(0)}% (${c.matched}/${c.labelled})`;
const precision = (c: MatchCount): string => (c.detected === 0 ? '–' : `${((100 * c.matched) / c.detected).toFixed(0)}%`);

function formatTable(results: readonly VariantResult[]): string {
  const base = results[0].msPerFrame;
  const lines = [
    `| views | Node WASM ms/frame | × plain | person recall, vtest (IoU ${RECALL_IOU}) | precision | recall, score ≥ ${START_SCORE} | precision, score ≥ ${START_SCORE} | astronaut | COCO photos (class found) |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${r.msPerFrame.toFixed(0)} | ${(r.msPerFrame / base).toFixed(2)} | ${pct(r.vtest)} | ${precision(r.vtest)} | ` +
        `${pct(r.vtestStart)} | ${precision(r.vtestStart)} | ${pct(r.astronaut)} | ${r.photosFound.length}/${Object.keys(PHOTOS).length} |`,
    );
  }
  return lines.join('\n');
}

const COMMAND = {
  usage: 'npm run bench:accuracy --',
  summary: 'Accuracy mode (CenterNet on the full frame + tiles + mirror, merged): cost multiple and person recall on labelled frames.',
  options: {
    rounds: { type: 'string', value: 'N', default: '1', description: 'timed passes over the images (after one warm-up detection)' },
  },
} as const;

async function main(): Promise<void> {
  const rounds = intValue(benchArgs(COMMAND), 'rounds');
  const results = await run(rounds);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), rounds, results }, null, 2)}\n`);
  console.log(`\nAccuracy mode, CenterNet 512² + fusion embeddings, Node WASM, ${rounds} round(s), one run\n`);
  console.log(formatTable(results));
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:accuracy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
