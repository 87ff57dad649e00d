import * as tf from '@tensorflow/tfjs';
import { cropAndResize } from '../util/cropAndResize.ts';
import { randInt, type Rng } from '../util/rng.ts';

/**
 * Random translation by up to `maxShift` pixels per image (zero fill), the
 * classic MNIST augmentation: a small training set stops over-fitting to
 * where a digit sits. Integer shifts only, via `cropAndResize` boxes whose
 * sample points land exactly on pixel centres (no interpolation blur).
 * The caller disposes the result.
 */
export function randomShift(x: tf.Tensor4D, maxShift: number, rng: Rng): tf.Tensor4D {
  if (!Number.isInteger(maxShift) || maxShift < 0) throw new RangeError(`maxShift is ${maxShift}; expected an integer >= 0`);
  if (maxShift === 0) return x.clone();
  const [n, h, w] = x.shape;
  const big = [h + 2 * maxShift - 1, w + 2 * maxShift - 1];
  const boxes: number[][] = [];
  for (let i = 0; i < n; i++) {
    const dy = randInt(rng, 0, 2 * maxShift);
    const dx = randInt(rng, 0, 2 * maxShift);
    boxes.push([dy / big[0], dx / big[1], (dy + h - 1) / big[0], (dx + w - 1) / big[1]]);
  }
  return tf.tidy(() => {
    const padded = tf.pad(x, [
      [0, 0],
      [maxShift, maxShift],
      [maxShift, maxShift],
      [0, 0],
    ]);
    const boxInd = tf.tensor1d(
      Array.from({ length: n }, (_, i) => i),
      'int32',
    );
    // Bilinear sampling at integer points is exact; WASM's 'nearest' mode is off by a column.
    return cropAndResize(padded, tf.tensor2d(boxes, [n, 4]), boxInd, [h, w], 'bilinear');
  });
}
