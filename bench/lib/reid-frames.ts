/**
 * Node-only: decode chosen frames of a committed clip (tests/fixtures/media/
 * vtest-150.mp4) to PNG with ffmpeg, into a temporary folder, and read them
 * as tensors. Deterministic: same clip, same frame numbers, same pixels.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { readImageTensor } from '../../src/node/readImageTensor.ts';

export const VTEST_CLIP = resolve(import.meta.dirname, '../../tests/fixtures/media/vtest-150.mp4');

/** Extracts 0-based `frames` of `clip` (once; cached in the temp dir) and returns their PNG paths. */
export function extractFrames(frames: readonly number[], clip = VTEST_CLIP): string[] {
  const dir = join(tmpdir(), 'trackscope-reid-frames');
  mkdirSync(dir, { recursive: true });
  return frames.map((n) => {
    const out = join(dir, `f${String(n).padStart(4, '0')}.png`);
    if (!existsSync(out)) {
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', clip, '-vf', `select=eq(n\\,${n})`, '-vsync', '0', '-frames:v', '1', out]);
    }
    return out;
  });
}

/** The frames as int32 RGB tensors; the caller disposes them. */
export function readFrames(frames: readonly number[], clip = VTEST_CLIP): tf.Tensor3D[] {
  return extractFrames(frames, clip).map(readImageTensor);
}
