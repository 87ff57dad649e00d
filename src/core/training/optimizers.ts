import * as tf from '@tensorflow/tfjs';

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/** `momentum` is only used by the 'momentum' optimizer. */
export function makeOptimizer(name: OptimizerName, learningRate: number, momentum = 0.9): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, momentum);
    case 'adam':
      return tf.train.adam(learningRate);
    default:
      throw new Error(`optimizer is ${JSON.stringify(name)}; allowed: ${OPTIMIZER_NAMES.join(', ')}`);
  }
}

/**
 * Disposes an optimizer and every tensor it holds. tfjs 4.22's
 * MomentumOptimizer.dispose() frees its momentum scalar and accumulators but
 * never calls SGDOptimizer.dispose(), so the learning-rate scalar `c` it
 * inherits stays alive: one tensor per momentum optimizer. We free it here.
 */
export function disposeOptimizer(opt: tf.Optimizer): void {
  opt.dispose();
  if (opt instanceof tf.MomentumOptimizer) {
    const c = (opt as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}

/**
 * Changes the learning rate of a live optimizer (used by the LR range test).
 * SGD/momentum expose setLearningRate; Adam reads its `learningRate` field on
 * every step, so assigning it takes effect on the next batch.
 */
export function setLearningRate(opt: tf.Optimizer, lr: number): void {
  const o = opt as unknown as { setLearningRate?: (v: number) => void; learningRate: number };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

/** The rate the optimizer will use for its next step. */
export function getLearningRate(opt: tf.Optimizer): number {
  return (opt as unknown as { learningRate: number }).learningRate;
}
