/**
 * Pipeline benchmark: per-stage latency (median / p95) of detect, embed,
 * track, segment and render, and end-to-end FPS, on the vtest clip scaled to
 * 640x480.
 *
 *   npm run bench:pipeline -- [--frames N] [--seconds S] [--env node|browser|both]
 *
 * - Node (WASM): every frame detected (k = 1), segmentation on every frame,
 *   no rendering; the tracker alone is timed too.
 * - Headless Chromium (the live app, fake camera at 30 fps from the clip):
 *   adaptive cadence, so "tracked FPS" counts frames drawn with tracks
 *   (detected or carried by the Kalman prediction) and "detect FPS" frames
 *   the detector saw.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TrackingPipeline, loadStreamDetector, streamSettings } from '../src/core/pipeline/index.ts';
import { loadSegmenter } from '../src/core/segmentation/index.ts';
import { useNodeBackend } from '../src/node/backend.ts';
import { ffmpegFrames } from '../src/node/ffmpegFrames.ts';
import { fileSystemModelSource } from '../src/node/fsModelSource.ts';
import { startAppServer } from '../dev/appServer.ts';
import { launchChromium } from '../dev/browser.ts';
import { summarize } from './lib/node-stats.ts';
import { intArg, stringArg } from './lib/args.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLIP = join(ROOT, 'tests/fixtures/media/vtest-150.mp4');
const SIZE = { width: 640, height: 480 };
type Row = { env: string; stage: string; median: number; p95: number; n: number };

/** The clip at 640x480 (cached), as mp4 for Node and y4m at 30 fps for Chromium's fake camera. */
function derived(ext: 'mp4' | 'y4m'): string {
  const out = join(tmpdir(), `trackscope-bench-640x480.${ext}`);
  if (!existsSync(out)) {
    const rate = ext === 'y4m' ? ['-r', '30'] : [];
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', CLIP, '-vf', 'scale=640:480', ...rate, '-pix_fmt', 'yuv420p', out]);
  }
  return out;
}

async function benchNode(frames: number): Promise<Row[]> {
  await useNodeBackend('wasm');
  const models = fileSystemModelSource(join(ROOT, 'models'));
  const settings = streamSettings('centernet', 10, 1);
  const { detector } = await loadStreamDetector('centernet', { models, appearance: 'fusion', ...settings.detector });
  const pipeline = new TrackingPipeline(detector, settings.tracker);
  const segmenter = await loadSegmenter({ source: models });
  const stages: Record<string, number[]> = { detect: [], embed: [], track: [], segment: [], total: [] };
  let n = 0;
  try {
    while (n < frames) {
      for await (const f of ffmpegFrames(derived('mp4'), SIZE)) {
        if (n >= frames) break;
        const t0 = performance.now();
        const x = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
        try {
          const r = await pipeline.detectAndTrack(x, n);
          const s0 = performance.now();
          await segmenter.segment(x);
          stages.segment.push(performance.now() - s0);
          const t = r.timings;
          stages.detect.push(t.preprocessMs + t.inferenceMs + t.postprocessMs);
          stages.embed.push(t.embedMs);
          stages.track.push(t.trackMs);
        } finally {
          x.dispose();
        }
        stages.total.push(performance.now() - t0);
        process.stderr.write(`\rnode: frame ${++n}/${frames}   `);
      }
    }
  } finally {
    pipeline.dispose();
    segmenter.dispose();
    process.stderr.write('\n');
  }
  const rows = Object.entries(stages).map(([stage, v]) => ({ env: 'node wasm (k=1)', stage, ...pick(v) }));
  const total = summarize(stages.total);
  rows.push({ env: 'node wasm (k=1)', stage: 'end-to-end FPS', median: 1000 / total.median, p95: 1000 / total.p95, n: total.n });
  return rows;
}

const pick = (v: number[]) => {
  const s = summarize(v);
  return { median: s.median, p95: s.p95, n: s.n };
};

async function benchBrowser(seconds: number): Promise<Row[]> {
  const server = await startAppServer();
  const browser = await launchChromium({ fakeCameraFile: derived('y4m') });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/?testHooks=1`);
    await page.getByTestId('backend-name').waitFor({ timeout: 120_000 });
    await page.getByTestId('camera-toggle').click();
    await page.waitForTimeout(seconds * 1000);
    const stats = await page.evaluate(
      () => (window as unknown as { trackscope: { liveStats: Record<string, unknown> } }).trackscope.liveStats,
    );
    if (!stats) throw new Error('no live stats: the camera or the worker did not start');
    const s = stats as unknown as {
      stages: Record<string, { median: number; p95: number }>;
      trackedFps: number;
      detectFps: number;
      cameraFps: number;
      cadence: number;
      framesProcessed: number;
    };
    const env = `chromium wasm (auto k≈${s.cadence.toFixed(1)})`;
    const rows: Row[] = Object.entries(s.stages).map(([stage, v]) => ({ env, stage, median: v.median, p95: v.p95, n: s.framesProcessed }));
    rows.push({ env, stage: 'tracked FPS', median: s.trackedFps, p95: NaN, n: s.framesProcessed });
    rows.push({ env, stage: 'detect FPS', median: s.detectFps, p95: NaN, n: s.framesProcessed });
    rows.push({ env, stage: 'camera FPS', median: s.cameraFps, p95: NaN, n: s.framesProcessed });
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const env = stringArg('--env') ?? 'both';
  const rows: Row[] = [];
  if (env !== 'browser') rows.push(...(await benchNode(intArg('--frames', 40))));
  if (env !== 'node') rows.push(...(await benchBrowser(intArg('--seconds', 30))));
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');
  console.log(`\nPipeline on vtest at 640x480, ms per frame unless FPS (median / p95)\n`);
  console.log(`${'env'.padEnd(32)} ${'stage'.padEnd(16)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'n'.padStart(5)}`);
  for (const r of rows)
    console.log(
      `${r.env.padEnd(32)} ${r.stage.padEnd(16)} ${fmt(r.median).padStart(9)} ${fmt(r.p95).padStart(9)} ${String(r.n).padStart(5)}`,
    );
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/pipeline.json'), `${JSON.stringify({ generatedAt: new Date().toISOString(), rows }, null, 2)}\n`);
}

main().catch((error) => {
  console.error(`bench:pipeline: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
