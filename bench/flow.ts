/**
 * Between-detection motion benchmark: ms per frame for the median-flow step
 * (grayscale, pyramid, LK forward and backward, medians) on 10 person-sized
 * boxes over real 640x480 frames (vtest, cropped), with this repository's
 * motion module and with jsfeat, in Node and in headless Chromium. The
 * baseline in the same run is CenterNet's per-frame detection time (Node
 * WASM), so the figure reads as a fraction of one detection.
 *
 * In Chromium it also times the live view's whole motion step (`LiveMotion`:
 * capture a 640x480 camera frame into the downscaled gray, then carry the 10
 * boxes), split into capture and flow, for an I420 `VideoFrame` (a webcam)
 * and an RGBA `ImageBitmap`, each read with `VideoFrame.copyTo` and with the
 * canvas readback; the canvas path of the same source is the baseline.
 *
 *   npm run bench:flow -- [--frames N] [--env node|browser|both] [--detect-frames N] [--live-frames N]
 */
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { loadCenterNet } from '../src/core/detection/centernet.ts';
import type { Tlwh } from '../src/core/geometry/boxes.ts';
import { DEFAULT_MOTION_CONFIG } from '../src/core/motion/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { ffmpegFrames } from '../src/node/ffmpegFrames.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { benchArgs, choiceOption, intValue } from '../src/node/scriptArgs.ts';
import { benchFlowInChromium, type LiveVariant } from './lib/browser-flow.ts';
import type { LiveMotionTimings } from './lib/liveMotionWorkload.ts';
import { runFlowWorkload, type FlowFrames } from './lib/flowWorkload.ts';

const ROOT = resolve(import.meta.dirname, '..');
const VIDEO = '/usr/share/doc/opencv-doc/examples/data/vtest.avi';
/** The budget: 3 ms per frame for 10 tracks at 640x480. */
const BUDGET_MS = 3;
const WIDTH = 640;
const HEIGHT = 480;
/** vtest is 768x576; the crop keeps its walkers (x 64..704, y 48..528). */
const CROP = { x: 64, y: 48 };
/** Ten person-sized boxes (a vtest walker is about 36x92 px) spread over the frame. */
const BOXES: Tlwh[] = Array.from({ length: 10 }, (_, k) => [40 + (k % 5) * 120, 80 + Math.floor(k / 5) * 200, 36, 92] as const);

async function readFrames(count: number): Promise<FlowFrames> {
  const frames: Uint8Array[] = [];
  for await (const f of ffmpegFrames(VIDEO, { width: 768, height: 576 })) {
    const crop = new Uint8Array(WIDTH * HEIGHT * 3);
    for (let y = 0; y < HEIGHT; y++)
      crop.set(f.data.subarray(((y + CROP.y) * f.width + CROP.x) * 3, ((y + CROP.y) * f.width + CROP.x + WIDTH) * 3), y * WIDTH * 3);
    frames.push(crop);
    if (frames.length === count) break;
  }
  return { width: WIDTH, height: HEIGHT, frames };
}

const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function detectionMs(input: FlowFrames, frames: number): Promise<number> {
  await useNodeBackend('wasm');
  const detector = await loadCenterNet({ source: fileSystemModelSource(resolve(ROOT, 'models')) });
  const samples: number[] = [];
  try {
    for (let i = 0; i <= frames; i++) {
      const t = tf.tensor3d(input.frames[i % input.frames.length], [HEIGHT, WIDTH, 3], 'int32');
      const t0 = performance.now();
      await detector.detect(t);
      if (i > 0) samples.push(performance.now() - t0); // frame 0 warms up
      t.dispose();
    }
  } finally {
    detector.dispose();
  }
  return median(samples);
}

/** The live step's variants: each source read with copyTo (`auto`) and with the canvas readback (the baseline). */
const LIVE_VARIANTS: LiveVariant[] = [
  { source: 'i420', mode: 'auto' },
  { source: 'i420', mode: 'canvas' },
  { source: 'bitmap', mode: 'auto' },
  { source: 'bitmap', mode: 'canvas' },
];

function liveTable(live: readonly LiveMotionTimings[]): string {
  const total = (t: LiveMotionTimings) => median(t.capture.map((c, i) => c + t.flow[i]));
  const lines = [
    '| source | capture path | capture ms | flow ms (10 boxes) | capture + flow ms | ≤ 3 ms | vs canvas path (same source, same run) | boxes measured reliably |',
    '|---|---|---|---|---|---|---|---|',
  ];
  LIVE_VARIANTS.forEach((v, k) => {
    const t = live[k];
    const base = live[LIVE_VARIANTS.findIndex((b) => b.source === v.source && b.mode === 'canvas')];
    const ms = total(t);
    const source = v.source === 'i420' ? 'I420 VideoFrame (webcam)' : 'RGBA ImageBitmap';
    lines.push(
      `| ${source} | ${t.path} | ${median(t.capture).toFixed(2)} | ${median(t.flow).toFixed(2)} | ${ms.toFixed(2)} | ` +
        `${ms <= BUDGET_MS ? 'yes' : 'NO'} | ${(ms / total(base)).toFixed(2)}× | ${t.reliable}/${BOXES.length * t.flow.length} |`,
    );
  });
  return lines.join('\n');
}

function row(env: string, impl: string, ms: number, detectMs: number | null): string {
  const ratio = detectMs ? `${((100 * ms) / detectMs).toFixed(1)}% of a detection` : '';
  return `| ${env} | ${impl} | ${ms.toFixed(2)} | ${ms <= BUDGET_MS ? 'yes' : 'NO'} | ${ratio} |`;
}

const COMMAND = {
  usage: 'npm run bench:flow --',
  summary: 'Between-detection pixel motion (10 boxes, 640x480): ms per frame, own median flow vs jsfeat, vs CenterNet.',
  options: {
    frames: { type: 'string', value: 'N', default: '40', description: 'vtest frames to time' },
    'detect-frames': { type: 'string', value: 'N', default: '5', description: 'CenterNet frames for the baseline' },
    'live-frames': {
      type: 'string',
      value: 'N',
      default: '100',
      description: 'Chromium live step: frames to time (clip played forward and back)',
    },
    env: { type: 'string', value: 'node|browser|both', default: 'both', description: 'where to run' },
  },
} as const;

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  const count = intValue(args, 'frames');
  const env = choiceOption(args, 'env', ['node', 'browser', 'both']);
  const input = await readFrames(count);
  const c = DEFAULT_MOTION_CONFIG;
  console.log(
    `${input.frames.length} vtest frames cropped to ${WIDTH}x${HEIGHT}, ${BOXES.length} boxes, ${c.gridSize}x${c.gridSize} points each, ` +
      `${c.levels} levels, ${2 * c.windowRadius + 1}x${2 * c.windowRadius + 1} window, forward + backward`,
  );
  const lines = ['| env | implementation | ms / frame (median) | ≤ 3 ms | vs CenterNet (Node WASM, same run) |', '|---|---|---|---|---|'];
  let detectMs: number | null = null;
  let liveRows = '';
  let isolated = false;
  if (env !== 'browser') {
    runFlowWorkload({ ...input, frames: input.frames.slice(0, 4) }, BOXES); // warm-up (JIT)
    const node = runFlowWorkload(input, BOXES);
    detectMs = await detectionMs(input, intValue(args, 'detect-frames'));
    console.log(`CenterNet detect, Node WASM: ${detectMs.toFixed(1)} ms / frame (median)`);
    console.log(`own vs jsfeat box motion: ${node.meanDisagreementPx.toFixed(3)} px mean difference`);
    lines.push(
      row('Node', 'own (src/core/motion)', median(node.own), detectMs),
      row('Node', 'jsfeat 0.0.8', median(node.jsfeat), detectMs),
    );
  }
  if (env !== 'node') {
    const browser = await benchFlowInChromium(input, BOXES, LIVE_VARIANTS, intValue(args, 'live-frames'));
    lines.push(
      row('Chromium', 'own (src/core/motion)', median(browser.flow.own), detectMs),
      row('Chromium', 'jsfeat 0.0.8', median(browser.flow.jsfeat), detectMs),
    );
    liveRows = liveTable(browser.live);
    isolated = browser.isolated;
  }
  console.log(lines.join('\n'));
  if (liveRows) {
    console.log(
      `\nLive view motion step in Chromium (LiveMotion, ${WIDTH}x${HEIGHT} frames, ${BOXES.length} tracks), ms per frame (median; ` +
        `timer ${isolated ? '5 µs, cross-origin isolated' : '100 µs, not isolated'}):`,
    );
    console.log(liveRows);
  }
}

main().catch((error: unknown) => {
  console.error(`bench:flow: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
