/** Real vtest frames for the embedding suites, decoded from the committed clip with ffmpeg at test time. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import { iouTlwh, type Tlwh } from '../../src/core/geometry/boxes.ts';
import { readImageTensor } from '../../src/node/readImageTensor.ts';
import { media } from '../detection/helpers.ts';

/** 0-based frame `n` of tests/fixtures/media/vtest-150.mp4 as a tensor (caller disposes). */
export function vtestFrame(n: number): tf.Tensor3D {
  const dir = join(tmpdir(), 'trackscope-embedding-tests');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `f${n}.png`);
  if (!existsSync(out)) {
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-i',
      media('vtest-150.mp4'),
      '-vf',
      `select=eq(n\\,${n})`,
      '-vsync',
      '0',
      '-frames:v',
      '1',
      out,
    ]);
  }
  return readImageTensor(out);
}

/** Pairs [i, j] where a[i] and b[j] are each other's best overlap with IoU ≥ minIou (the same walker a second later). */
export function mutualBestPairs(a: readonly Tlwh[], b: readonly Tlwh[], minIou = 0.3): [number, number][] {
  const best = (box: Tlwh, list: readonly Tlwh[]) => {
    let k = -1;
    let v = 0;
    list.forEach((o, m) => {
      const iou = iouTlwh(box, o);
      if (iou > v) [k, v] = [m, iou];
    });
    return { k, v };
  };
  const pairs: [number, number][] = [];
  a.forEach((box, i) => {
    const { k: j, v } = best(box, b);
    if (j >= 0 && v >= minIou && best(b[j], a).k === i) pairs.push([i, j]);
  });
  return pairs;
}
