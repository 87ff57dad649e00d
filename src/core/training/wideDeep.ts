/**
 * Wide & Deep (Cheng et al. 2016, as in Géron's regression example): the
 * normalised input goes both through the deep path (the hidden layers) and
 * straight to the output, where the two are concatenated. The wide path lets
 * the model learn simple rules; the deep path, complex patterns.
 *
 * TF.js 4.22 has no Keras `Normalization` layer, so normalisation is a frozen
 * dense layer with a diagonal kernel 1/σ and bias −μ/σ, "adapted" from the
 * training inputs (named 'normalization'; its weights are not trained).
 *
 * With `auxWeight` > 0 an auxiliary output ('aux_output') sits on the last
 * hidden layer, as in Géron's Keras example: it regularises the deep path,
 * which must then be useful on its own. The losses are weighted
 * (1 − auxWeight, auxWeight), e.g. 0.9 / 0.1, and both heads learn the same
 * target; predictions come from the main output.
 */
import * as tf from '@tensorflow/tfjs';
import { hasAuxOutput, type MlpConfig } from './mlpConfig.ts';
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

/** Layer name of the auxiliary output. */
export const AUX_OUTPUT = 'aux_output';

/** Loss weight per output: [1] without the auxiliary output, else [1 − auxWeight, auxWeight]. */
export function wideDeepLossWeights(c: Pick<MlpConfig, 'wide' | 'auxWeight'>): number[] {
  return hasAuxOutput(c) ? [1 - c.auxWeight, c.auxWeight] : [1];
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
  if (!hasAuxOutput(c)) {
    const model = tf.model({ inputs: input, outputs: output, name: 'wide_and_deep' });
    compileWith(model, c);
    return model;
  }
  const aux = tf.layers
    .dense({
      units: c.outputSize,
      activation: act,
      name: AUX_OUTPUT,
      kernelInitializer: makeKernelInitializer(c.kernelInit, c.seed + c.hiddenLayers.length + 1),
    })
    .apply(deep) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: [output, aux], name: 'wide_and_deep' });
  compileWith(model, c, wideDeepLossWeights(c));
  return model;
}
