/**
 * Loss functions as tf.js (yTrue, yPred) → scalar functions for model.compile.
 * They mirror `losses.ts` exactly (mean over all elements).
 */
import * as tf from '@tensorflow/tfjs';

export const LOSS_NAMES = ['mse', 'l1', 'huber', 'crossentropy'] as const;
export type LossName = (typeof LOSS_NAMES)[number];
export type TfLossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

const EPS = 1e-7;

export function huberTf(yTrue: tf.Tensor, yPred: tf.Tensor, delta: number): tf.Scalar {
  return tf.tidy(() => {
    // With q = min(|e|, δ): ½q² + δ(|e| − q) equals the piecewise definition
    // and, unlike tf.where on a comparison, is differentiable in tf.js.
    const a = tf.abs(tf.sub(yTrue, yPred));
    const q = tf.minimum(a, delta);
    return tf.mean(tf.add(tf.mul(0.5, tf.square(q)), tf.mul(delta, tf.sub(a, q)))) as tf.Scalar;
  });
}

/** Cross-entropy on probabilities: categorical for ≥ 2 outputs, binary for 1. */
export function crossEntropyTf(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const p = tf.clipByValue(yPred, EPS, 1 - EPS);
    const units = yPred.shape[yPred.shape.length - 1];
    if (units === 1) {
      const t = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
      return tf.neg(tf.mean(t)) as tf.Scalar;
    }
    return tf.neg(tf.mean(tf.sum(tf.mul(yTrue, tf.log(p)), -1))) as tf.Scalar;
  });
}

export function makeLossFn(name: LossName, huberDelta = 1): TfLossFn {
  switch (name) {
    case 'mse':
      return (t, p) => tf.tidy(() => tf.mean(tf.square(tf.sub(t, p))) as tf.Scalar);
    case 'l1':
      return (t, p) => tf.tidy(() => tf.mean(tf.abs(tf.sub(t, p))) as tf.Scalar);
    case 'huber':
      return (t, p) => huberTf(t, p, huberDelta);
    case 'crossentropy':
      return crossEntropyTf;
    default:
      throw new Error(`loss is ${JSON.stringify(name)}; allowed: ${LOSS_NAMES.join(', ')}`);
  }
}
