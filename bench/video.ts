/**
 * Video input benchmark: frames per second through src/core/video in headless
 * Chromium (WebCodecs VideoDecoder fed by mediabunny), written to
 * bench/results/video.json.
 *
 *   npm run bench:video -- [--loops N] [--repeats N]
 *
 * The clip is tests/fixtures/media/vtest-150.mp4 scaled to 640x480 (H.264,
 * veryfast, crf 23) and looped N times (default 4 → 600 frames) so one pass
 * lasts long enough to time; it is derived with ffmpeg into the temp folder.
 * Each stage runs `repeats` times after one warm-up pass; the table shows
 * the median and the spread.
 *
 * Extending: add a BenchStage to STAGES. A stage gets the running harness
 * (a page with the video layer; see tests/video/pages/harness.ts) and the
 * clip path, and returns one timed pass. Rows merge into video.json by
 * (stage, clip), so a later pipeline stage can be run on its own.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { clips, ffmpegClip, ffprobeFrameCount } from '../tests/video/lib/clips';
import { startVideoHarness, type VideoHarness } from '../tests/video/lib/harness';
import { summarize, type Stats } from './lib/node-stats';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/results/video.json');

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

function intArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} is ${process.argv[i + 1]}; expected an integer >= 1`);
  return value;
}

function benchClip(loops: number): string {
  const base = clips.bench640();
  if (loops === 1) return base;
  return ffmpegClip(`vtest-640x480-x${loops}.mp4`, ['-stream_loop', String(loops - 1), '-i', base, '-c', 'copy', '-movflags', '+faststart']);
}

async function benchStage(stage: BenchStage, harness: VideoHarness, clip: string, repeats: number, browser: string): Promise<VideoBenchRow> {
  await stage.run(harness, clip); // warm-up: decoder init, JIT, file cache
  const passes: StagePass[] = [];
  for (let i = 0; i < repeats; i++) {
    passes.push(await stage.run(harness, clip));
    process.stdout.write(`\r${stage.name}: pass ${i + 1}/${repeats}   `);
  }
  process.stdout.write('\n');
  const frames = passes[0].frames;
  if (passes.some((p) => p.frames !== frames)) throw new Error(`${stage.name}: frame counts differ between passes: ${passes.map((p) => p.frames).join(', ')}`);
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
  const body = rows.map((r) => [r.stage, r.clip, String(r.frames), r.fps.median.toFixed(0), `${r.fps.min.toFixed(0)}–${r.fps.max.toFixed(0)}`, r.msPerFrame.median.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const loops = intArg('--loops', 4);
  const repeats = intArg('--repeats', 3);
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
  writeResults(rows);
  console.log(`\nVideo input, 640x480 H.264, headless ${browser}, ${cpus().length} cores, ${repeats} passes after a warm-up\n`);
  console.log(formatTable(rows));
  console.log(`\nwrote ${OUT.slice(ROOT.length + 1)}`);
}

main().catch((error) => {
  console.error(`bench:video: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
