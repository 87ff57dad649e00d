/**
 * Wide & Deep (Cheng et al. 2016, as in Géron's regression example): the
 * normalised input goes both through the deep path (the hidden layers) and
 * straight to the output, where the two are concatenated. The wide path lets
 * the model learn simple rules; the deep path, complex patterns.
 *
 * TF.js 4.22 has no Keras `Normalization` layer, so normalisation is a frozen
 * dense layer with a diagonal kernel 1/σ and bias −μ/σ, "adapted" from the
 * training inputs (named 'normalization'; its weights are not trained).
 */
import * as tf from '@tensorflow/tfjs';
import type { MlpConfig } from './mlpConfig.ts';
import { compileWith } from './mlpModel.ts';
import { makeKernelInitializer } from './weightInit.ts';

/** Per-feature mean and standard deviation (σ = 1 where a feature is constant). */
export function adaptNormalization(x: readonly number[][]): { mean: number[]; std: number[] } {
  const n = x.length,
    d = x[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => x.reduce((a, r) => a + r[j], 0) / Math.max(1, n));
  const std = mean.map((m, j) => Math.sqrt(x.reduce((a, r) => a + (r[j] - m) ** 2, 0) / Math.max(1, n)) || 1);
  return { mean, std };
}

/** Compiled functional model; caller disposes it. `adaptX` are the training inputs the normalisation is fitted to. */
export function buildWideDeep(c: MlpConfig, adaptX: readonly number[][]): tf.LayersModel {
  const { mean, std } = adaptNormalization(adaptX);
  const n = c.inputSize;
  const input = tf.input({ shape: [n], name: 'input' });
  const normLayer = tf.layers.dense({ units: n, name: 'normalization', trainable: false });
  const norm = normLayer.apply(input) as tf.SymbolicTensor;
  const w = [
    tf.tensor2d(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 / std[i] : 0)))),
    tf.tensor1d(mean.map((m, i) => -m / std[i])),
  ];
  normLayer.setWeights(w); // copies
  tf.dispose(w);
  let deep = norm;
  c.hiddenLayers.forEach((units, i) => {
    deep = tf.layers
      .dense({
        units,
        activation: c.hiddenActivation,
        name: `hidden${i + 1}`,
        kernelInitializer: makeKernelInitializer(c.kernelInit, c.seed + i),
      })
      .apply(deep) as tf.SymbolicTensor;
  });
  const concat = tf.layers.concatenate({ name: 'wide_deep' }).apply([norm, deep]) as tf.SymbolicTensor;
  const act = c.outputActivation === 'none' ? 'linear' : c.outputActivation;
  const output = tf.layers
    .dense({
      units: c.outputSize,
      activation: act,
      name: 'output',
      kernelInitializer: makeKernelInitializer(c.kernelInit, c.seed + c.hiddenLayers.length),
    })
    .apply(concat) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output, name: 'wide_and_deep' });
  compileWith(model, c);
  return model;
}
