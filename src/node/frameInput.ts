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
  frames(): AsyncGenerator<RawFrame>;
}

function openSequence(dir: string): FrameInput {
  const info = readSeqInfo(dir);
  const { frameRate, imWidth: width, imHeight: height } = info;
  if (width === null || height === null) throw new Error(`${info.path}: imWidth and imHeight are required for an image sequence`);
  const imDir = join(dir, info.imDir);
  const pattern = join(imDir, `%06d${info.imExt}`);
  if (!existsSync(join(imDir, `000001${info.imExt}`)))
    throw new Error(`${imDir}: no image 000001${info.imExt} (expected MOTChallenge naming)`);
  const gt = join(dir, 'gt', 'gt.txt');
  return {
    name: info.name ?? dir,
    width,
    height,
    frameRate,
    frameCount: info.seqLength,
    gtPath: existsSync(gt) ? gt : null,
    frames: () => ffmpegFrames(pattern, { width, height }, ['-framerate', String(frameRate), '-start_number', '1']),
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
    frames: () => ffmpegFrames(path, p),
  };
}

export function openFrameInput(path: string): FrameInput {
  if (!existsSync(path)) throw new Error(`${path}: no such file or folder`);
  if (statSync(path).isDirectory()) {
    if (!existsSync(join(path, 'seqinfo.ini')))
      throw new Error(`${path}: a folder input must be a MOTChallenge sequence (seqinfo.ini + img1/)`);
    return openSequence(path);
  }
  return openVideoFile(path);
}
