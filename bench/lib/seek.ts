/**
 * Scrubbing benchmark: how long the Video view's FrameSeeker takes to show a
 * frame of a long clip, jumping forward and backward. Each jump decodes from
 * the nearest key frame before the target, so the clip keeps an ordinary
 * encoder's key-frame spacing rather than an all-intra one.
 */
import { ffmpegClip, VTEST } from '../../dev/video/clips';
import type { VideoHarness } from '../../dev/video/harness';
import { mulberry32, randInt } from '../../src/core/util/rng';
import { summarize, type Stats } from './node-stats';

/** Frames in the scrubbing clip (issue 12: "a 5,000-frame clip"). */
export const SEEK_CLIP_FRAMES = 5000;
/** vtest's frame rate (ffprobe: 10/1); the loop keeps it. */
const SEEK_CLIP_FPS = 10;
/** x264's default key-frame interval (`keyint` 250), written out so the clip does not depend on the build. */
const KEYFRAME_INTERVAL = 250;
/** Fixed seed: every run seeks to the same frames. */
const SEEK_SEED = 12;

/** vtest looped to 5,000 frames, 320x240 H.264 (veryfast, crf 28), key frames every 250 frames. */
export const seekClip = (): string =>
  ffmpegClip(`vtest-320x240-${SEEK_CLIP_FRAMES}.mp4`, [
    '-stream_loop',
    String(Math.ceil(SEEK_CLIP_FRAMES / 150)),
    '-i',
    VTEST,
    '-an',
    '-frames:v',
    String(SEEK_CLIP_FRAMES),
    '-vf',
    'scale=320:240',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '28',
    '-g',
    String(KEYFRAME_INTERVAL),
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
  ]);

export interface SeekDirection {
  readonly direction: 'forward' | 'backward';
  readonly seeks: number;
  readonly ms: Stats;
  readonly missed: number;
}

/** `count` distinct random frames of the clip, in increasing order. */
function randomFrames(count: number): number[] {
  const rng = mulberry32(SEEK_SEED);
  const frames = new Set<number>();
  while (frames.size < count) frames.add(randInt(rng, 0, SEEK_CLIP_FRAMES - 1));
  return [...frames].sort((a, b) => a - b);
}

/** Seeks `count` random frames in increasing order, then the same frames in decreasing order. */
export async function benchSeek(harness: VideoHarness, count: number): Promise<SeekDirection[]> {
  const clip = seekClip();
  const frames = randomFrames(count);
  const out: SeekDirection[] = [];
  for (const [direction, order] of [
    ['forward', frames],
    ['backward', [...frames].reverse()],
  ] as const) {
    const r = await harness.seek(
      clip,
      order.map((f) => (f * 1e6) / SEEK_CLIP_FPS),
    );
    if (r.error) throw new Error(`seek ${direction}: ${r.error.name}: ${r.error.message}`);
    out.push({ direction, seeks: r.ms.length, ms: summarize(r.ms), missed: r.missed });
  }
  return out;
}

export function formatSeek(rows: readonly SeekDirection[]): string {
  const lines = rows.map(
    (r) =>
      `${r.direction.padEnd(8)}  ${String(r.seeks).padStart(5)}  ${r.ms.median.toFixed(1).padStart(9)}  ${r.ms.p95.toFixed(1).padStart(6)}  ${r.ms.max.toFixed(1).padStart(6)}  ${r.missed}`,
  );
  return [`direction  seeks  median ms  p95 ms  max ms  missed`, ...lines].join('\n');
}
