/**
 * Video input benchmark: frames per second through src/browser/video in headless
 * Chromium (WebCodecs VideoDecoder fed by mediabunny), written to
 * bench/results/video.json.
 *
 *   npm run bench:video -- [--loops N] [--repeats N]
 *   npm run bench:video -- --retrack [--frames N] [--repeats N]
 *   npm run bench:video -- --seek [--seeks N]
 *
 * The clip is tests/fixtures/media/vtest-150.mp4 scaled to 640x480 (H.264,
 * veryfast, crf 23) and looped N times (default 4 → 600 frames) so one pass
 * lasts long enough to time; it is derived with ffmpeg into the temp folder.
 * Each stage runs `repeats` times after one warm-up pass; the table shows
 * the median and the spread.
 *
 * Full processing (decode + detect + track, every frame) is timed on the
 * 150-frame 640x480 clip: in the app's Video view in headless Chromium per
 * TF.js backend (`?backend=…`; the rate counts processing only, after the
 * model is loaded; a backend that cannot finish within its cap is cancelled
 * and rated on the frames done), and in Node through `npm run track` (WASM,
 * ffmpeg decode; the rate its progress line reports, model load excluded).
 * Skip them with --decode-only.
 *
 * `--retrack [--frames N]` runs only the re-tracking benchmark
 * (bench/lib/retrack.ts): N frames of vtest processed fully while the
 * detection cache is recorded, then re-tracked from that cache `repeats`
 * times, in Node; writes bench/results/retrack.json.
 *
 * `--seek [--seeks N]` runs only the scrubbing benchmark (bench/lib/seek.ts):
 * the Video view's FrameSeeker in headless Chromium on a 5,000-frame clip
 * (vtest looped, 320x240 H.264, key frames every 250), N random frames
 * forward then the same frames backward; writes bench/results/seek.json.
 *
 * Extending: add a BenchStage to STAGES. A stage gets the running harness
 * (a page with the video layer; see dev/video/pages/harness.ts) and the
 * clip path, and returns one timed pass. Rows merge into video.json by
 * (stage, clip), so a later pipeline stage can be run on its own.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { benchArgs, intValue } from '../src/node/scriptArgs.ts';
import { clips, ffmpegClip, ffprobeFrameCount } from '../dev/video/clips';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startVideoHarness, type VideoHarness } from '../dev/video/harness';
import { openVideoApp } from '../dev/video/appVideo';
import { summarize, type Stats } from './lib/node-stats';
import { benchRetrack, formatRetrack } from './lib/retrack.ts';
import { benchSeek, formatSeek, SEEK_CLIP_FRAMES } from './lib/seek.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/video.json');
const RETRACK_OUT = join(ROOT, 'bench/results/retrack.json');
const SEEK_OUT = join(ROOT, 'bench/results/seek.json');

/** One timed pass of a stage over the whole clip. */
export interface StagePass {
  readonly frames: number;
  readonly ms: number;
}

export interface BenchStage {
  readonly name: string;
  readonly description: string;
  run(harness: VideoHarness, clip: string): Promise<StagePass>;
}

export interface VideoBenchRow {
  readonly stage: string;
  readonly description: string;
  readonly clip: string;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly repeats: number;
  readonly fps: Stats;
  readonly msPerFrame: Stats;
  readonly browser: string;
}

const decodeOnly: BenchStage = {
  name: 'decode',
  description: 'demux + VideoDecoder, every frame pulled and closed (no drawing, no inference)',
  async run(harness, clip) {
    const r = await harness.run(clip);
    if (r.error) throw new Error(`decode failed: ${r.error.name}: ${r.error.message}`);
    return { frames: r.frames, ms: r.decodeMs };
  },
};

/** Stages in run order; append detection / tracking stages here. */
export const STAGES: BenchStage[] = [decodeOnly];

/** One full-processing measurement (decode + detect + track every frame). */
interface ProcessPass extends StagePass {
  readonly capped: boolean;
}

/** Browser backends to rate, with the most seconds each may run (SwiftShader WebGL is very slow). */
const BROWSER_BACKENDS: ReadonlyArray<{ backend: string; capS: number }> = [
  { backend: 'wasm', capS: 120 },
  { backend: 'webgl', capS: 45 },
];

async function processInApp(backend: string, clip: string, capS: number): Promise<ProcessPass> {
  const app = await openVideoApp(`&backend=${backend}`);
  try {
    const { page } = app;
    await page.getByTestId('video-file').setInputFiles(clip);
    const t0 = Date.now();
    let capped = false;
    // Poll until the run ends; past the cap, cancel (the summary then rates the frames done).
    while ((await page.getByTestId('video-summary').count()) === 0 && (await page.getByTestId('video-error').count()) === 0) {
      if (Date.now() - t0 > (capS + 300) * 1000) throw new Error(`${backend}: no result ${capS + 300} s after choosing the file`);
      if (!capped && Date.now() - t0 > capS * 1000 && (await page.getByTestId('video-cancel').count()) > 0) {
        capped = true;
        await page.getByTestId('video-cancel').click();
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    if (await page.getByTestId('video-error').count())
      throw new Error(`${backend}: ${await page.getByTestId('video-error').textContent()}`);
    const summary = page.getByTestId('video-summary');
    const frames = Number(await summary.getAttribute('data-frames'));
    const fps = Number(await summary.getAttribute('data-fps'));
    return { frames, ms: (frames * 1000) / fps, capped };
  } finally {
    await app.close();
  }
}

async function processInNode(clip: string): Promise<ProcessPass> {
  const out = join(tmpdir(), 'trackscope-bench-video-cli.txt');
  const { stderr } = await promisify(execFile)('npx', ['tsx', 'cli/track.ts', clip, '--out', out], { cwd: ROOT, timeout: 900_000 });
  const last = stderr
    .split('\r')
    .map((l) => /(\d+)(?:\/\d+)?(?: \(\d+%\))? frames, ([\d.]+) fps/.exec(l))
    .filter(Boolean)
    .pop();
  if (!last) throw new Error(`track CLI printed no progress: ${stderr.slice(-300)}`);
  const frames = Number(last[1]);
  return { frames, ms: (frames * 1000) / Number(last[2]), capped: false };
}

function processRow(stage: string, description: string, clip: string, pass: ProcessPass, browser: string): VideoBenchRow {
  const fps = (pass.frames * 1000) / pass.ms;
  const one = (v: number): Stats => summarize([v]);
  return {
    stage,
    description: `${description}${pass.capped ? ' (time cap reached: rated on the frames done)' : ''}`,
    clip: basename(clip),
    width: 640,
    height: 480,
    frames: pass.frames,
    repeats: 1,
    fps: one(fps),
    msPerFrame: one(pass.ms / pass.frames),
    browser,
  };
}

async function processStages(browser: string): Promise<VideoBenchRow[]> {
  const clip = clips.bench640();
  const rows: VideoBenchRow[] = [];
  for (const { backend, capS } of BROWSER_BACKENDS) {
    process.stdout.write(`process-${backend}: running (cap ${capS} s)…\n`);
    try {
      const pass = await processInApp(backend, clip, capS);
      rows.push(
        processRow(`process-${backend}`, `Video view: decode + CenterNet (${backend}) + tracker, every frame`, clip, pass, browser),
      );
    } catch (error) {
      // One backend failing (e.g. WebGL unavailable in a worker) must not lose the others' numbers.
      console.error(`process-${backend}: failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  process.stdout.write('process-node-cli: running…\n');
  rows.push(
    processRow(
      'process-node-cli',
      'npm run track: ffmpeg decode + CenterNet (Node WASM) + tracker, every frame',
      clip,
      await processInNode(clip),
      `Node ${process.version}`,
    ),
  );
  return rows;
}

function benchClip(loops: number): string {
  const base = clips.bench640();
  if (loops === 1) return base;
  return ffmpegClip(`vtest-640x480-x${loops}.mp4`, [
    '-stream_loop',
    String(loops - 1),
    '-i',
    base,
    '-c',
    'copy',
    '-movflags',
    '+faststart',
  ]);
}

async function benchStage(
  stage: BenchStage,
  harness: VideoHarness,
  clip: string,
  repeats: number,
  browser: string,
): Promise<VideoBenchRow> {
  await stage.run(harness, clip); // warm-up: decoder init, JIT, file cache
  const passes: StagePass[] = [];
  for (let i = 0; i < repeats; i++) {
    passes.push(await stage.run(harness, clip));
    process.stdout.write(`\r${stage.name}: pass ${i + 1}/${repeats}   `);
  }
  process.stdout.write('\n');
  const frames = passes[0].frames;
  if (passes.some((p) => p.frames !== frames))
    throw new Error(`${stage.name}: frame counts differ between passes: ${passes.map((p) => p.frames).join(', ')}`);
  return {
    stage: stage.name,
    description: stage.description,
    clip: basename(clip),
    width: 640,
    height: 480,
    frames,
    repeats,
    fps: summarize(passes.map((p) => (p.frames * 1000) / p.ms)),
    msPerFrame: summarize(passes.map((p) => p.ms / p.frames)),
    browser,
  };
}

function writeResults(rows: VideoBenchRow[]): void {
  const key = (r: VideoBenchRow): string => `${r.stage}|${r.clip}`;
  const previous: VideoBenchRow[] = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as { rows: VideoBenchRow[] }).rows : [];
  const replaced = new Set(rows.map(key));
  const results = {
    generatedAt: new Date().toISOString(),
    host: { node: process.version, platform: platform(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    rows: [...previous.filter((r) => !replaced.has(key(r))), ...rows],
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
}

function formatTable(rows: readonly VideoBenchRow[]): string {
  const header = ['stage', 'clip', 'frames', 'fps median', 'fps min–max', 'ms/frame median'];
  const f = (v: number): string => v.toFixed(v < 10 ? 2 : 0);
  const body = rows.map((r) => [
    r.stage,
    r.clip,
    String(r.frames),
    f(r.fps.median),
    `${f(r.fps.min)}–${f(r.fps.max)}`,
    r.msPerFrame.median.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const COMMAND = {
  usage: 'npm run bench:video --',
  summary: 'Decode and full-processing frames per second for uploaded videos (headless Chromium and the Node CLI).',
  options: {
    loops: { type: 'string', value: 'N', default: '4', description: 'times the 150-frame clip is looped for the decode stages' },
    repeats: { type: 'string', value: 'N', default: '3', description: 'timed passes per stage after one warm-up' },
    'decode-only': { type: 'boolean', description: 'skip the full-processing stages' },
    retrack: {
      type: 'boolean',
      description: 'instead: full processing of vtest vs re-tracking from its detection cache (Node only, ms per 1,000 frames)',
    },
    frames: { type: 'string', value: 'N', default: '200', description: 'with --retrack: frames of vtest to process' },
    seek: {
      type: 'boolean',
      description: `instead: scrubbing a ${SEEK_CLIP_FRAMES}-frame clip with the Video view's FrameSeeker (median and p95 ms per seek)`,
    },
    seeks: { type: 'string', value: 'N', default: '50', description: 'with --seek: random frames sought each way' },
  },
} as const;

async function retrackMain(frames: number, passes: number): Promise<void> {
  const result = await benchRetrack(frames, passes);
  mkdirSync(dirname(RETRACK_OUT), { recursive: true });
  writeFileSync(RETRACK_OUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, ...result }, null, 2)}\n`);
  console.log(`\n${formatRetrack(result)}\n\nwrote ${RETRACK_OUT.slice(ROOT.length + 1)}`);
  if (!result.identical) process.exitCode = 1;
}

async function seekMain(count: number): Promise<void> {
  const harness = await startVideoHarness();
  const browser = `Chromium ${harness.browserVersion}`;
  try {
    const rows = await benchSeek(harness, count);
    mkdirSync(dirname(SEEK_OUT), { recursive: true });
    writeFileSync(SEEK_OUT, `${JSON.stringify({ generatedAt: new Date().toISOString(), browser, cores: cpus().length, rows }, null, 2)}\n`);
    console.log(
      `\nScrubbing ${SEEK_CLIP_FRAMES} frames (320x240 H.264, key frame every 250), headless ${browser}, ${cpus().length} cores\n`,
    );
    console.log(`${formatSeek(rows)}\n\nwrote ${SEEK_OUT.slice(ROOT.length + 1)}`);
    if (rows.some((r) => r.missed > 0)) process.exitCode = 1;
  } finally {
    await harness.close();
  }
}

async function main(): Promise<void> {
  const args = benchArgs(COMMAND);
  if (args.retrack) return retrackMain(intValue(args, 'frames'), intValue(args, 'repeats'));
  if (args.seek) return seekMain(intValue(args, 'seeks'));
  const loops = intValue(args, 'loops');
  const repeats = intValue(args, 'repeats');
  const clip = benchClip(loops);
  const expected = ffprobeFrameCount(clip);
  const harness = await startVideoHarness();
  const browser = `Chromium ${harness.browserVersion}`;
  const rows: VideoBenchRow[] = [];
  try {
    for (const stage of STAGES) {
      const row = await benchStage(stage, harness, clip, repeats, browser);
      if (row.frames !== expected) throw new Error(`${stage.name}: ${row.frames} frames, ffprobe counts ${expected}`);
      rows.push(row);
    }
  } finally {
    await harness.close();
  }
  if (!args['decode-only']) rows.push(...(await processStages(browser)));
  writeResults(rows);
  console.log(
    `\nVideo input, 640x480 H.264, headless ${browser}, ${cpus().length} cores (decode: ${repeats} passes after a warm-up; processing: one pass)\n`,
  );
  console.log(formatTable(rows));
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:video: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
