/**
 * Detector ladder: CenterNet at each input size (512² packaged, 384²/320²/256²
 * rewritten at install time) → ms per frame in Node WASM and Chromium WASM →
 * person recall at IoU 0.5 on hand-labelled real frames, in ONE run, so the
 * speed ratios to 512² are measured under the same load.
 *
 *   npm run bench:ladder -- [--rounds N] [--env node|browser|both]
 *
 * Frames (bench/lib/labelledImages.ts): five vtest.avi frames labelled by hand (tests/fixtures/labels,
 * decoded with ffmpeg at run time) and the four COCO photos of
 * tests/fixtures/media. Node cycles the sizes frame by frame (round-robin), so
 * load changes hit every size alike. Recall and the COCO photo check come from
 * the Node run (same graph and decode as the browser). Writes
 * bench/results/ladder.json.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadCenterNet } from '../src/core/detection/centernet';
import { CENTERNET_INPUT_SIZES, centerNetModelName, type CenterNetInputSize } from '../src/core/detection/centernetSizes';
import type { Detection, Detector } from '../src/core/detection/types';
import type { Tlwh } from '../src/core/geometry/boxes';
import { useNodeBackend } from '../src/node/backend';
import { fileSystemModelSource } from '../src/node/fsModelSource';
import { readImageTensor } from '../src/node/readImageTensor';
import { benchArgs, choiceOption, intValue } from '../src/node/scriptArgs.ts';
import { benchBrowser } from './lib/browser-detect';
import { writeBenchResults } from './lib/node-report';
import { makeRow, type BenchRow, type FrameSample } from './lib/node-stats';
import { addCounts, matchBoxes, NO_MATCHES, RECALL_IOU, type MatchCount } from './lib/personRecall';
import { loadLabelledImages, PHOTOS, type Image } from './lib/labelledImages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/ladder.json');

interface SizeResult {
  readonly size: CenterNetInputSize;
  readonly node: BenchRow;
  readonly vtest: MatchCount;
  readonly astronaut: MatchCount;
  /** COCO photos whose expected class was detected. */
  readonly photosFound: string[];
}

const personBoxes = (detections: readonly Detection[]): Tlwh[] => detections.filter((d) => d.label === 'person').map((d) => d.box);

async function benchNode(images: readonly Image[], rounds: number): Promise<SizeResult[]> {
  await useNodeBackend('wasm');
  const tensors = images.map((img) => readImageTensor(img.path));
  const source = fileSystemModelSource(join(ROOT, 'models'));
  const detectors: Detector[] = [];
  const loadMs: number[] = [];
  try {
    for (const inputSize of CENTERNET_INPUT_SIZES) {
      const t0 = performance.now();
      detectors.push(await loadCenterNet({ source, inputSize }));
      loadMs.push(performance.now() - t0);
    }
    const before = tf.memory().numTensors;
    const samples: FrameSample[][] = detectors.map(() => []);
    const vtest = detectors.map(() => NO_MATCHES);
    const astronaut = detectors.map(() => NO_MATCHES);
    const found: string[][] = detectors.map(() => []);
    const total = rounds * images.length;
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < images.length; i++) {
        // Round-robin over the sizes on the same frame.
        for (let k = 0; k < detectors.length; k++) {
          const detections = await detectors[k].detect(tensors[i]);
          const t = detectors[k].lastTimings;
          samples[k].push({
            preprocess: t.preprocessMs,
            inference: t.inferenceMs,
            postprocess: t.postprocessMs,
            detections: detections.length,
          });
          if (r > 0) continue; // the detector is deterministic: score the first round only
          const img = images[i];
          if (img.persons !== undefined) {
            const counts = matchBoxes(img.persons, personBoxes(detections));
            if (img.isVtest) vtest[k] = addCounts(vtest[k], counts);
            else astronaut[k] = addCounts(astronaut[k], counts);
          }
          if (!img.isVtest && detections.some((d) => d.label === PHOTOS[img.file])) found[k].push(img.file);
        }
        const done = r * images.length + i + 1;
        if (process.stdout.isTTY) process.stdout.write(`\rnode wasm: frame ${done}/${total}   `);
        else if (done % Math.max(1, Math.round(total / 10)) === 0) console.log(`node wasm: frame ${done}/${total}`);
      }
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
    const after = tf.memory().numTensors;
    return CENTERNET_INPUT_SIZES.map((size, k) => ({
      size,
      node: makeRow(
        {
          env: 'node',
          backend: 'wasm',
          detector: centerNetModelName(size),
          loadMs: loadMs[k],
          numTensorsBefore: before,
          numTensorsAfter: after,
        },
        samples[k],
      ),
      vtest: vtest[k],
      astronaut: astronaut[k],
      photosFound: found[k],
    }));
  } finally {
    for (const d of detectors) d.dispose();
    tf.dispose(tensors);
  }
}

const pct = (c: MatchCount): string =>
  c.labelled === 0 ? '–' : `${((100 * c.matched) / c.labelled).toFixed(0)}% (${c.matched}/${c.labelled})`;
const precision = (c: MatchCount): string => (c.detected === 0 ? '–' : `${((100 * c.matched) / c.detected).toFixed(0)}%`);

function formatTable(results: readonly SizeResult[], browser: readonly BenchRow[]): string {
  const base = results[0];
  const browserMs = (size: CenterNetInputSize) => browser.find((r) => r.detector === centerNetModelName(size))?.stages.total.median;
  const ratio = (ms: number | undefined, ref: number | undefined) =>
    ms === undefined || ref === undefined ? '–' : `${((100 * ms) / ref).toFixed(0)}%`;
  const lines = [
    `| input | Node WASM ms/frame | vs 512² | Chromium WASM ms/frame | vs 512² | person recall, vtest (IoU ${RECALL_IOU}) | precision | astronaut | COCO photos (class found) |`,
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const nodeMs = r.node.stages.total.median;
    const chrome = browserMs(r.size);
    lines.push(
      `| ${r.size}² | ${nodeMs.toFixed(0)} | ${ratio(nodeMs, base.node.stages.total.median)} | ${chrome?.toFixed(0) ?? '–'} | ` +
        `${ratio(chrome, browserMs(base.size))} | ${pct(r.vtest)} | ${precision(r.vtest)} | ${pct(r.astronaut)} | ` +
        `${r.photosFound.length}/${Object.keys(PHOTOS).length} |`,
    );
  }
  return lines.join('\n');
}

const COMMAND = {
  usage: 'npm run bench:ladder --',
  summary: 'CenterNet at each input size: ms per frame (Node and Chromium WASM) and person recall on hand-labelled frames.',
  options: {
    rounds: { type: 'string', value: 'N', default: '3', description: 'passes over the frames per size' },
    env: { type: 'string', value: 'node|browser|both', default: 'both', description: 'where to time' },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const rounds = intValue(args, 'rounds');
  const env = choiceOption(args, 'env', ['node', 'browser', 'both']);
  const { dir, images } = loadLabelledImages();
  const results = await benchNode(images, rounds);
  const browser =
    env === 'node'
      ? []
      : await benchBrowser(['wasm'], {
          mediaDir: dir,
          media: images.map((i) => i.file),
          framesFor: () => rounds * images.length,
          capMs: 300_000,
          inputSizes: CENTERNET_INPUT_SIZES,
        });
  const rows = [...results.map((r) => r.node), ...browser];
  writeBenchResults(OUT, rows);
  const summary = results.map(({ size, vtest, astronaut, photosFound }) => ({ size, vtest, astronaut, photosFound }));
  writeFileSync(OUT.replace(/\.json$/, '-recall.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nCenterNet input-size ladder, ${rounds} round(s) of ${images.length} frames, median ms/frame (all stages)\n`);
  console.log(formatTable(results, browser));
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:ladder: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
