/**
 * Node-only: opens a tracking input — a video file, or a MOTChallenge
 * image-sequence folder (`seqinfo.ini` + `img1/000001.jpg…`) — as a stream of
 * RGB frames decoded by ffmpeg.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegFrames, probeVideo, type RawFrame } from './ffmpegFrames.ts';
import { readSeqInfo } from './seqInfo.ts';

export interface FrameInput {
  name: string;
  width: number;
  height: number;
  frameRate: number;
  frameCount: number | null;
  /** Ground truth shipped with a MOTChallenge folder (`gt/gt.txt`), if any. */
  gtPath: string | null;
  /** False for a MOTChallenge folder without its images (opened with `requireImages: false`): `frames()` throws. */
  hasPixels: boolean;
  frames(): AsyncGenerator<RawFrame>;
}

function openSequence(dir: string, requireImages: boolean): FrameInput {
  const info = readSeqInfo(dir);
  const { frameRate, imWidth: width, imHeight: height } = info;
  if (width === null || height === null) throw new Error(`${info.path}: imWidth and imHeight are required for an image sequence`);
  const imDir = join(dir, info.imDir);
  const pattern = join(imDir, `%06d${info.imExt}`);
  const missing = `${imDir}: no image 000001${info.imExt} (expected MOTChallenge naming)`;
  const hasPixels = existsSync(join(imDir, `000001${info.imExt}`));
  if (!hasPixels && requireImages) throw new Error(missing);
  const gt = join(dir, 'gt', 'gt.txt');
  return {
    name: info.name ?? dir,
    width,
    height,
    frameRate,
    frameCount: info.seqLength,
    gtPath: existsSync(gt) ? gt : null,
    hasPixels,
    frames: () => {
      if (!hasPixels) throw new Error(missing);
      return ffmpegFrames(pattern, { width, height }, ['-framerate', String(frameRate), '-start_number', '1']);
    },
  };
}

function openVideoFile(path: string): FrameInput {
  if (statSync(path).size === 0) throw new Error(`${path}: the file is empty (0 bytes)`);
  const p = probeVideo(path);
  return {
    name: path,
    width: p.width,
    height: p.height,
    frameRate: p.frameRate,
    frameCount: p.frameCount,
    gtPath: null,
    hasPixels: true,
    frames: () => ffmpegFrames(path, p),
  };
}

/**
 * Opens `path`. `requireImages: false` also opens a MOTChallenge folder that
 * has no `img1/` (its seqinfo.ini still gives rate, size and length), for
 * replaying its `det.txt`.
 */
export function openFrameInput(path: string, { requireImages = true } = {}): FrameInput {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'seqinfo.ini')))
      throw new Error(`${path}: a folder input must be a MOTChallenge sequence (seqinfo.ini + img1/)`);
    return openSequence(path, requireImages);
  }
  return openVideoFile(path);
}
