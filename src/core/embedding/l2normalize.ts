import * as tf from '@tensorflow/tfjs';

/** Row-wise L2 normalisation of [N, D]; an all-zero row stays zero. Call inside tf.tidy. */
export function l2NormalizeRows(x: tf.Tensor2D): tf.Tensor2D {
  const norm = tf.sqrt(tf.sum(tf.square(x), 1, true));
  return tf.div(x, tf.maximum(norm, 1e-12)) as tf.Tensor2D;
}
