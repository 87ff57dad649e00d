import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cropAndResize } from '../../src/core/util/cropAndResize';
import { useNodeBackend } from '../../src/node/backend';

describe('cropAndResize (tfjs-backend-wasm y1 = 0 workaround)', () => {
  it('crops the right columns on WASM when a box starts at the top row', async () => {
    await useNodeBackend('wasm');
    const img = tf.tensor4d(
      Array.from({ length: 25 }, (_, i) => i + 1),
      [1, 5, 5, 1],
    );
    const boxes = tf.tensor2d([[0, 0.5, 0.5, 1]]);
    const ind = tf.tensor1d([0], 'int32');
    const raw = tf.image.cropAndResize(img, boxes, ind, [3, 3]);
    const fixed = cropAndResize(img, boxes, ind, [3, 3]);
    // The bug this guards against: the raw WASM kernel starts at column 0.
    expect(Array.from(await raw.data())).toEqual([1, 2, 3, 6, 7, 8, 11, 12, 13]);
    expect(Array.from(await fixed.data()).map((v) => Math.round(v * 1000) / 1000)).toEqual([3, 4, 5, 8, 9, 10, 13, 14, 15]);
    tf.dispose([img, boxes, ind, raw, fixed]);
  });
});
