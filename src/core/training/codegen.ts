/** "Show code": the current network as TF.js Layers code (Sequential and Functional). */
import type { InputShape, LayerSpec } from './layerSpecs.ts';
import type { LossName } from './tfLosses.ts';
import type { OptimizerName } from './optimizers.ts';

export interface CompileSpec {
  loss: LossName;
  huberDelta?: number;
  optimizer: OptimizerName;
  learningRate: number;
  momentum?: number;
  /** Output units, to pick binary vs categorical cross-entropy. */
  outputUnits: number;
}

function layerCall(s: LayerSpec, inputShape?: InputShape): string {
  const first = inputShape ? `inputShape: [${inputShape.join(', ')}], ` : '';
  switch (s.kind) {
    case 'dense':
      return `tf.layers.dense({ ${first}name: '${s.name}', units: ${s.units}, activation: '${s.activation}' })`;
    case 'conv2d':
      return `tf.layers.conv2d({ ${first}name: '${s.name}', filters: ${s.filters}, kernelSize: ${s.kernelSize}, strides: ${s.strides}, padding: '${s.padding}', activation: '${s.activation}' })`;
    case 'pool':
      // tf.js has no min-pooling layer: the app's MinPooling2D (src/core/training/minPooling.ts) is −maxPool(−x).
      if (s.pool === 'min') return `new MinPooling2D({ ${first}name: '${s.name}', poolSize: ${s.poolSize}, strides: ${s.strides} })`;
      return `tf.layers.${s.pool === 'max' ? 'maxPooling2d' : 'averagePooling2d'}({ ${first}name: '${s.name}', poolSize: ${s.poolSize}, strides: ${s.strides} })`;
    case 'flatten':
      return `tf.layers.flatten({ ${first}name: '${s.name}' })`;
  }
}

function lossCode(c: CompileSpec): string {
  switch (c.loss) {
    case 'mse':
      return `'meanSquaredError'`;
    case 'l1':
      return `'meanAbsoluteError'`;
    case 'huber':
      return `(yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred, undefined, ${c.huberDelta ?? 1})`;
    case 'crossentropy':
      return c.outputUnits === 1 ? `'binaryCrossentropy'` : `'categoricalCrossentropy'`;
  }
}

function optimizerCode(c: CompileSpec): string {
  if (c.optimizer === 'momentum') return `tf.train.momentum(${c.learningRate}, ${c.momentum ?? 0.9})`;
  return `tf.train.${c.optimizer}(${c.learningRate})`;
}

function compileCode(c: CompileSpec): string {
  const metrics = c.loss === 'crossentropy' ? `, metrics: ['accuracy']` : '';
  return `model.compile({ optimizer: ${optimizerCode(c)}, loss: ${lossCode(c)}${metrics} });`;
}

export function sequentialCode(inputShape: InputShape, specs: readonly LayerSpec[], compile: CompileSpec): string {
  const lines = [`import * as tf from '@tensorflow/tfjs';`, '', 'const model = tf.sequential();'];
  specs.forEach((s, i) => lines.push(`model.add(${layerCall(s, i === 0 ? inputShape : undefined)});`));
  lines.push(compileCode(compile), 'model.summary();');
  return lines.join('\n');
}

export function functionalCode(inputShape: InputShape, specs: readonly LayerSpec[], compile: CompileSpec): string {
  const lines = [`import * as tf from '@tensorflow/tfjs';`, '', `const input = tf.input({ shape: [${inputShape.join(', ')}] });`];
  let prev = 'input';
  for (const s of specs) {
    lines.push(`const ${s.name} = ${layerCall(s)}.apply(${prev}) as tf.SymbolicTensor;`);
    prev = s.name;
  }
  lines.push(`const model = tf.model({ inputs: input, outputs: ${prev} });`, compileCode(compile), 'model.summary();');
  return lines.join('\n');
}
