/**
 * Colour-histogram descriptor, the classic cheap re-id baseline: soft
 * (triangular-kernel) per-channel RGB histograms of the box pixels, for
 * `bands` horizontal bands (shirt vs trousers), square-rooted (Hellinger)
 * and L2-normalised, so cosine similarity is the Bhattacharyya coefficient.
 */
import * as tf from '@tensorflow/tfjs';
import { l2NormalizeRows } from './l2normalize.ts';
import { cropAndResize } from '../util/cropAndResize.ts';

/** Pixels sampled per box (rows, cols); enough for a stable histogram, few enough to stay cheap for 100 boxes. */
export const HISTOGRAM_CROP: readonly [number, number] = [32, 16];

/**
 * `image` [1, H, W, 3] with values 0..255, `rois` [N, 4] normalised →
 * unit-norm [N, bands · 3 · bins]. Call inside tf.tidy.
 */
export function colorHistogramEmbedding(image: tf.Tensor4D, rois: tf.Tensor2D, bins: number, bands: number): tf.Tensor2D {
  const n = rois.shape[0];
  const [rows, cols] = HISTOGRAM_CROP;
  const crops = cropAndResize(image, rois, tf.zeros([n], 'int32'), [rows, cols], 'bilinear');
  // Position of each value on the bin axis (bin centres at 0..bins-1), clamped at the ends.
  const position = tf.clipByValue(tf.sub(tf.mul(crops, bins / 256), 0.5), 0, bins - 1);
  const centres = tf.range(0, bins, 1, 'float32');
  const weights = tf.relu(tf.sub(1, tf.abs(tf.sub(tf.expandDims(position, 4), centres))));
  const banded = tf.reshape(weights, [n, bands, (rows / bands) * cols, 3 * bins]);
  const hist = tf.mean(banded, 2);
  return l2NormalizeRows(tf.sqrt(tf.reshape(hist, [n, bands * 3 * bins])) as tf.Tensor2D);
}
