/**
 * Joint detection and embedding: RoI-align a CenterNet feature map per box
 * and average it over horizontal bands (e.g. 2 = upper and lower body), so
 * the embedding costs a few small crops of a tensor the detector computed
 * anyway, not a second network.
 */
import * as tf from '@tensorflow/tfjs';
import { l2NormalizeRows } from './l2normalize.ts';
import { cropAndResize } from '../util/cropAndResize.ts';

/**
 * `features` [1, H, W, C], `rois` [N, 4] normalised [y1, x1, y2, x2] →
 * unit-norm [N, bands · C]. Bilinear RoI-align on a `grid` of samples, then
 * mean over each band's rows and all columns. Call inside tf.tidy.
 */
export function pooledFeatureEmbedding(
  features: tf.Tensor4D,
  rois: tf.Tensor2D,
  grid: readonly [rows: number, cols: number],
  bands: number,
): tf.Tensor2D {
  const n = rois.shape[0];
  const channels = features.shape[3];
  const [rows, cols] = grid;
  const crops = cropAndResize(features, rois, tf.zeros([n], 'int32'), [rows, cols], 'bilinear');
  const banded = tf.reshape(crops, [n, bands, rows / bands, cols, channels]);
  const pooled = tf.mean(banded, [2, 3]);
  return l2NormalizeRows(tf.reshape(pooled, [n, bands * channels]));
}
