/**
 * Detector ladder: CenterNet at each input size (512² packaged, 384²/320²/256²
 * rewritten at install time) and NanoDet (416², same package) → ms per frame
 * in Node WASM and Chromium WASM → person recall at IoU 0.5 on hand-labelled
 * real frames, in ONE run, so the speed ratios to 512² are measured under the
 * same load.
 *
 *   npm run bench:ladder -- [--rounds N] [--env node|browser|both] [--wasm-threads N]
 *
 * Frames (bench/lib/labelledImages.ts): five vtest.avi frames labelled by hand
 * (tests/fixtures/labels, decoded with ffmpeg at run time) and the four COCO
 * photos of tests/fixtures/media. Both environments run the same loop
 * (bench/lib/ladderRun.ts): every rung loaded and warmed up first, then each
 * frame through every rung in turn (round-robin), so load changes hit every
 * rung alike. Each image is decoded once (a tensor in Node, an ImageBitmap in
 * Chromium); the times are the detector's: preprocessing from that frame,
 * inference with readback, decoding. Recall is scored for both environments
 * (their resizes differ: tf.image.resizeBilinear in Node, the 2D canvas in
 * Chromium). Writes bench/results/ladder.json and ladder-recall.json.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useNodeBackend } from '../src/node/backend';
import { fileSystemModelSource } from '../src/node/fsModelSource';
import { readImageTensor } from '../src/node/readImageTensor';
import { benchArgs, choiceOption, intValue } from '../src/node/scriptArgs.ts';
import type { BrowserLadderRun } from './browser/main';
import { benchBrowserLadder } from './lib/browser-ladder';
import { LADDER_RUNGS, runLadder, type LadderTimes } from './lib/ladderRun';
import { formatLadderTable, formatStageTable, scoreLadder, type RungResult } from './lib/ladderTable';
import { loadLabelledImages, PHOTOS, type Image } from './lib/labelledImages.ts';
import { writeBenchResults } from './lib/node-report';
import { makeRow, type BenchRow } from './lib/node-stats';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/ladder.json');

async function benchNode(images: readonly Image[], rounds: number): Promise<LadderTimes> {
  await useNodeBackend('wasm');
  const tensors = images.map((img) => readImageTensor(img.path));
  try {
    return await runLadder(LADDER_RUNGS, fileSystemModelSource(join(ROOT, 'models')), tensors, rounds, (done, total) => {
      if (process.stdout.isTTY) process.stdout.write(`\rnode wasm: frame ${done}/${total}   ${done === total ? '\n' : ''}`);
      else if (done % Math.max(1, Math.round(total / 10)) === 0) console.log(`node wasm: frame ${done}/${total}`);
    });
  } finally {
    for (const t of tensors) t.dispose();
  }
}

function rowsOf(times: LadderTimes, env: BenchRow['env'], note?: string): BenchRow[] {
  return LADDER_RUNGS.map((rung, k) =>
    makeRow(
      {
        env,
        backend: 'wasm',
        detector: rung.name,
        loadMs: times.loadMs[k],
        numTensorsBefore: times.numTensorsBefore,
        numTensorsAfter: times.numTensorsAfter,
        note,
      },
      times.samples[k],
    ),
  );
}

function browserNote(run: BrowserLadderRun): string {
  const { crossOriginIsolated, hardwareConcurrency, wasmThreads } = run.environment;
  return `${run.backend.renderer}, ${wasmThreads} WASM thread(s) of ${hardwareConcurrency} logical cores, ${crossOriginIsolated ? '' : 'not '}cross-origin isolated`;
}

const COMMAND = {
  usage: 'npm run bench:ladder --',
  summary: 'CenterNet at each input size and NanoDet: ms per frame (Node and Chromium WASM) and person recall on hand-labelled frames.',
  options: {
    rounds: { type: 'string', value: 'N', default: '3', description: 'passes over the frames per rung' },
    env: { type: 'string', value: 'node|browser|both', default: 'both', description: 'where to time' },
    'wasm-threads': { type: 'string', value: 'N', description: "Chromium WASM threads (default: tfjs's own choice)" },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const rounds = intValue(args, 'rounds');
  const env = choiceOption(args, 'env', ['node', 'browser', 'both']);
  const threads = args['wasm-threads'] === undefined ? undefined : intValue(args, 'wasm-threads');
  const { dir, images } = loadLabelledImages();
  const node = env === 'browser' ? null : await benchNode(images, rounds);
  const browser =
    env === 'node'
      ? null
      : await benchBrowserLadder({
          backend: 'wasm',
          mediaDir: dir,
          media: images.map((i) => i.file),
          rounds,
          capMs: 600_000,
          wasmThreads: threads,
        });
  const results: RungResult[] = LADDER_RUNGS.map((rung, k) => ({
    rung,
    node: node === null ? undefined : { row: rowsOf(node, 'node')[k], recall: scoreLadder(images, node.found[k], PHOTOS) },
    browser:
      browser === null
        ? undefined
        : { row: rowsOf(browser, 'browser', browserNote(browser))[k], recall: scoreLadder(images, browser.found[k], PHOTOS) },
  }));
  writeBenchResults(
    OUT,
    results.flatMap((r) => [r.node?.row, r.browser?.row].filter((row) => row !== undefined)),
  );
  const recall = results.map(({ rung, node: n, browser: b }) => ({ rung: rung.name, node: n?.recall, browser: b?.recall }));
  writeFileSync(OUT.replace(/\.json$/, '-recall.json'), `${JSON.stringify(recall, null, 2)}\n`);
  console.log(`\nDetector ladder, ${rounds} round(s) of ${images.length} frames, median ms/frame (preprocess + inference + decode)`);
  if (browser !== null) console.log(`Chromium: ${browserNote(browser)}`);
  console.log(`\n${formatLadderTable(results)}\n\nWhere the time goes (median ms per stage)\n\n${formatStageTable(results)}`);
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:ladder: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
