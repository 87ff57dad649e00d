/**
 * Node-only: opens a tracking input — a video file, or a MOTChallenge
 * image-sequence folder (`seqinfo.ini` + `img1/000001.jpg…`) — as a stream of
 * RGB frames decoded by ffmpeg.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegFrames, probeVideo, type RawFrame } from './ffmpegFrames.ts';

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

export function parseSeqInfo(text: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^=;#[\]]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) info[m[1]] = m[2];
  }
  return info;
}

function openSequence(dir: string): FrameInput {
  const info = parseSeqInfo(readFileSync(join(dir, 'seqinfo.ini'), 'utf8'));
  const frameRate = Number(info.frameRate);
  const width = Number(info.imWidth);
  const height = Number(info.imHeight);
  const seqLength = Number(info.seqLength);
  for (const [key, v] of Object.entries({ frameRate, imWidth: width, imHeight: height })) {
    if (!(v > 0)) throw new Error(`${join(dir, 'seqinfo.ini')}: ${key} must be a positive number`);
  }
  const imDir = join(dir, info.imDir ?? 'img1');
  const ext = info.imExt ?? '.jpg';
  const pattern = join(imDir, `%06d${ext}`);
  if (!existsSync(join(imDir, `000001${ext}`))) throw new Error(`${imDir}: no image 000001${ext} (expected MOTChallenge naming)`);
  const gt = join(dir, 'gt', 'gt.txt');
  return {
    name: info.name ?? dir,
    width,
    height,
    frameRate,
    frameCount: seqLength > 0 ? seqLength : null,
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
