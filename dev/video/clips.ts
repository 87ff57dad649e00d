/**
 * Test clips derived at run time with ffmpeg from the committed fixture
 * (tests/fixtures/media/vtest-150.mp4) or from lavfi test sources, cached in
 * the OS temp folder by name. Nothing here is committed; see
 * tests/fixtures/video/README.md for what each clip is for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const VTEST = resolve(import.meta.dirname, '../../tests/fixtures/media/vtest-150.mp4');
export const CLIP_DIR = join(tmpdir(), 'trackscope-video-clips-v1');

const QUIET = ['-v', 'error', '-nostdin', '-y'];

/** Runs `ffmpeg args... out` once and caches the result as CLIP_DIR/name. */
export function ffmpegClip(name: string, args: readonly string[]): string {
  mkdirSync(CLIP_DIR, { recursive: true });
  const out = join(CLIP_DIR, name);
  if (existsSync(out)) return out;
  const partial = join(CLIP_DIR, `partial-${process.pid}-${name}`);
  execFileSync('ffmpeg', [...QUIET, ...args, partial], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(partial, out);
  return out;
}

/** Writes bytes derived from another file (truncation, corruption) once. */
export function derivedFile(name: string, make: () => Buffer): string {
  mkdirSync(CLIP_DIR, { recursive: true });
  const out = join(CLIP_DIR, name);
  if (!existsSync(out)) writeFileSync(out, make());
  return out;
}

/** Frames a full decode produces, per ffprobe -count_frames (the ground truth). */
export function ffprobeFrameCount(path: string): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=nb_read_frames',
    '-of',
    'csv=p=0',
    path,
  ]);
  return Number(out.toString().trim().split(/[\s,]/)[0]);
}

const fromVtest = (extra: readonly string[]): string[] => ['-i', VTEST, '-an', ...extra];

export const clips = {
  /** The committed fixture: H.264 High with B-frames, 768x576, 150 frames, moov first. */
  mp4H264: (): string => VTEST,
  webmVp8: (): string =>
    ffmpegClip(
      'vtest-vp8.webm',
      fromVtest(['-vf', 'scale=384:288', '-c:v', 'libvpx', '-b:v', '400k', '-deadline', 'realtime', '-cpu-used', '8']),
    ),
  webmVp9: (): string =>
    ffmpegClip(
      'vtest-vp9.webm',
      fromVtest(['-vf', 'scale=384:288', '-c:v', 'libvpx-vp9', '-b:v', '400k', '-deadline', 'realtime', '-cpu-used', '8', '-row-mt', '1']),
    ),
  /** 640x480 H.264 for the decode benchmark. */
  bench640: (): string =>
    ffmpegClip(
      'vtest-640x480.mp4',
      fromVtest([
        '-vf',
        'scale=640:480',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '23',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+faststart',
      ]),
    ),
  /** Same stream with a 90° display-matrix rotation (stream copy, no re-encode). */
  rotated90: (): string => ffmpegClip('vtest-rot90.mp4', ['-i', VTEST, '-c', 'copy', '-metadata:s:v:0', 'rotate=90']),
  /** Variable frame rate: every third gap is stretched (pts, s: 0, .1, .2, .5, .6, .7, .9, 1.0, ...; the encoder rounds to 0.1 s). */
  vfr: (): string =>
    ffmpegClip(
      'vtest-vfr.mp4',
      fromVtest([
        '-vf',
        'settb=1/1000,setpts=(N+floor(N/3)*1.5)*100',
        '-fps_mode',
        'passthrough',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
      ]),
    ),
  /** 4096x2304 (longer side > 1920): accepted, flagged needsDownscale. 3 frames. */
  huge: (): string =>
    ffmpegClip('huge-4096x2304.mp4', [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=4096x2304:rate=10',
      '-frames:v',
      '3',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
    ]),
  /** >= 5,000 frames at 160x120 for the flat-heap check (B-frames on, as a real upload would be). */
  long5000: (): string =>
    ffmpegClip('long-5000-160x120.mp4', [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x120:rate=25',
      '-frames:v',
      '5000',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-bf',
      '2',
      '-pix_fmt',
      'yuv420p',
    ]),
  audioOnly: (): string => ffmpegClip('tone.m4a', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'aac']),
  hevc: (): string =>
    ffmpegClip(
      'vtest-hevc.mp4',
      fromVtest(['-frames:v', '10', '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1']),
    ),
  mpeg4Part2: (): string => ffmpegClip('vtest-mpeg4.mp4', fromVtest(['-frames:v', '10', '-c:v', 'mpeg4'])),
  /** First 60% of the fixture's bytes: header (moov first) intact, media data cut. */
  truncatedMp4: (): string => derivedFile('vtest-truncated.mp4', () => cut(VTEST, 0.6)),
  /** moov at the end (no faststart), then cut: the index is lost. */
  truncatedNoIndex: (): string =>
    derivedFile('vtest-noindex-truncated.mp4', () => cut(ffmpegClip('vtest-moov-last.mp4', ['-i', VTEST, '-c', 'copy']), 0.6)),
  truncatedWebm: (): string => derivedFile('vtest-vp9-truncated.webm', () => cut(clips.webmVp9(), 0.5)),
  /** The VP9 clip with a stretch of its cluster data overwritten by pseudo-random bytes (container intact). */
  corruptVp9: (): string => derivedFile('vtest-vp9-corrupt.webm', () => scramble(clips.webmVp9(), 0.4, 0.6)),
  corruptMp4: (): string => derivedFile('vtest-corrupt.mp4', () => scramble(VTEST, 0.4, 0.6)),
  empty: (): string => derivedFile('empty.mp4', () => Buffer.alloc(0)),
  png: (): string => resolve(import.meta.dirname, '../../tests/fixtures/media/coffee.png'),
  text: (): string => derivedFile('notes.mp4', () => Buffer.from('This is a text file renamed to .mp4\n'.repeat(20))),
};

function cut(path: string, fraction: number): Buffer {
  const bytes = readFileSync(path);
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** Copy of `path` with bytes in [from, to) (fractions of the length) replaced by a fixed LCG sequence. */
function scramble(path: string, from: number, to: number): Buffer {
  const bytes = Buffer.from(readFileSync(path));
  let x = 12345;
  for (let i = Math.floor(bytes.length * from); i < Math.floor(bytes.length * to); i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}
