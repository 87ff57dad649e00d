/** MLP config → layer specs → compiled tf.js model. */
import * as tf from '@tensorflow/tfjs';
import { buildSequential } from './buildModel.ts';
import type { DenseSpec } from './layerSpecs.ts';
import { isClassifier, validateMlpConfig, type MlpConfig } from './mlpConfig.ts';
import { makeOptimizer } from './optimizers.ts';
import { makeLossFn } from './tfLosses.ts';

export function mlpLayerSpecs(c: MlpConfig): DenseSpec[] {
  const hidden: DenseSpec[] = c.hiddenLayers.map((units, i) => ({
    kind: 'dense',
    name: `hidden${i + 1}`,
    units,
    activation: c.hiddenActivation,
  }));
  const act = c.outputActivation === 'none' ? 'linear' : c.outputActivation;
  return [...hidden, { kind: 'dense', name: 'output', units: c.outputSize, activation: act }];
}

/**
 * Compiles `model` with the config's loss, optimizer and (for classifiers)
 * accuracy. With `lossWeights` (one per output) each output's loss is scaled
 * by its weight and tf.js sums them, which is Keras's `loss_weights` (tf.js
 * 4.22 has no such option).
 */
export function compileWith(model: tf.LayersModel, c: MlpConfig, lossWeights?: readonly number[]): void {
  const loss = makeLossFn(c.loss, c.huberDelta);
  model.compile({
    optimizer: makeOptimizer(c.optimizer, c.learningRate, c.momentum),
    loss: lossWeights ? lossWeights.map((w) => (t: tf.Tensor, p: tf.Tensor) => tf.tidy(() => tf.mul(w, loss(t, p)) as tf.Scalar)) : loss,
    metrics: isClassifier(c) ? ['accuracy'] : [],
  });
}

/** Caller owns the model (dispose it). */
export function buildMlp(config: Partial<MlpConfig>): tf.Sequential {
  const c = validateMlpConfig(config);
  const model = buildSequential([c.inputSize], mlpLayerSpecs(c), c.seed, c.kernelInit);
  compileWith(model, c);
  return model;
}

/**
 * Plain arrays → tensors for an MLP. Labels become one-hot for softmax,
 * [n, 1] 0/1 for sigmoid and [n, outputSize] values for regression.
 * Caller disposes the returned tensors.
 */
export function mlpTensors(c: MlpConfig, x: readonly number[][], y: readonly (number | number[])[]): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const xs = tf.tensor2d(x as number[][], [x.length, c.inputSize]);
  const ys = tf.tidy(() => {
    if (c.outputActivation === 'softmax') return tf.oneHot(tf.tensor1d(y as number[], 'int32'), c.outputSize).toFloat() as tf.Tensor2D;
    return tf.tensor2d(
      y.map((v) => (Array.isArray(v) ? v : [v])),
      [y.length, c.outputSize],
    );
  });
  return { x: xs, y: ys };
}
