import * as tf from '@tensorflow/tfjs';

/** How far a y1 of exactly 0 is nudged: a 1e-7 fraction of the image height, far below a pixel. */
const Y1_NUDGE = 1e-7;

/**
 * `tf.image.cropAndResize`, working around a tfjs-backend-wasm 4.22 bug: for
 * a box whose y1 is exactly 0, the WASM kernel ignores x1 and crops from
 * column 0 (measured: box [0, 0.5, 0.5, 1] on a 5x5 image returns columns
 * 0-2 instead of 2-4; cpu is right, and any y1 other than 0 is right on both).
 * Such y1 values are nudged to `Y1_NUDGE`. Call inside `tf.tidy` or dispose
 * the result.
 */
export function cropAndResize(
  image: tf.Tensor4D,
  boxes: tf.Tensor2D,
  boxInd: tf.Tensor1D,
  cropSize: [number, number],
  method: 'bilinear' | 'nearest' = 'bilinear',
): tf.Tensor4D {
  return tf.tidy(() => {
    const [y1, rest] = tf.split(boxes, [1, 3], 1);
    const safeY1 = tf.where(tf.equal(y1, 0), tf.fill(y1.shape, Y1_NUDGE), y1);
    return tf.image.cropAndResize(image, tf.concat([safeY1, rest], 1) as tf.Tensor2D, boxInd, cropSize, method);
  });
}
