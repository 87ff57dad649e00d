/**
 * "Show code": the current network as runnable TF.js Layers code (Sequential
 * and Functional). Plain JavaScript: after its import lines the code defines
 * `model`, and every kernel starts from the same seeded initialiser as the
 * panel's own model (layer i: `init(seed + i)`), so the code builds the same
 * weights. Subclassing lives in subclassCode.ts, Wide & Deep in wideDeepCode.ts.
 */
import type { InputShape, LayerSpec } from './layerSpecs.ts';
import type { LossName } from './tfLosses.ts';
import type { OptimizerName } from './optimizers.ts';
import type { KernelInit } from './weightInit.ts';

export interface CompileSpec {
  loss: LossName;
  huberDelta?: number;
  optimizer: OptimizerName;
  learningRate: number;
  momentum?: number;
  /** Output units, to pick binary vs categorical cross-entropy. */
  outputUnits: number;
}

/** The kernel initialiser and the base seed the panel's builder uses. */
export interface InitSpec {
  init: KernelInit;
  seed: number;
}

export const TF_IMPORT = `import * as tf from '@tensorflow/tfjs';`;
/** tf.js has no min-pooling layer: the app's MinPooling2D is −maxPool(−x). */
export const MIN_POOLING_IMPORT = `import { MinPooling2D } from './minPooling.ts'; // src/core/training: tf.js has no min pooling`;
/** tfjs 4.22's MomentumOptimizer.dispose() leaves its learning-rate scalar alive: the app's disposeOptimizer frees it. */
export const DISPOSE_OPTIMIZER_IMPORT = `import { disposeOptimizer } from './optimizers.ts'; // src/core/training: tfjs 4.22's momentum dispose() leaks a scalar`;

/** The `init(seed)` helper every generated file starts with (biases start at zero, Keras' default). */
export function initHelper(init: KernelInit): string {
  const make = {
    glorot: 'tf.initializers.glorotUniform({ seed })',
    he: 'tf.initializers.heNormal({ seed })',
    zeros: 'tf.initializers.zeros()',
  };
  const arg = init === 'zeros' ? '_seed' : 'seed';
  return `// Seeded like the panel's model, so this code starts from the same weights.\nconst init = (${arg}) => ${make[init]};`;
}

export function importLines(specs: readonly LayerSpec[]): string[] {
  return specs.some((s) => s.kind === 'pool' && s.pool === 'min') ? [TF_IMPORT, MIN_POOLING_IMPORT] : [TF_IMPORT];
}

/** `tf.layers.…({…})` for one spec; `seed` is its kernel initialiser's seed. */
export function layerCall(s: LayerSpec, seed: number, inputShape?: InputShape): string {
  const first = inputShape ? `inputShape: [${inputShape.join(', ')}], ` : '';
  switch (s.kind) {
    case 'dense':
      return `tf.layers.dense({ ${first}name: '${s.name}', units: ${s.units}, activation: '${s.activation}', kernelInitializer: init(${seed}) })`;
    case 'conv2d':
      return `tf.layers.conv2d({ ${first}name: '${s.name}', filters: ${s.filters}, kernelSize: ${s.kernelSize}, strides: ${s.strides}, padding: '${s.padding}', activation: '${s.activation}', kernelInitializer: init(${seed}) })`;
    case 'pool':
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

export function optimizerCode(c: CompileSpec): string {
  if (c.optimizer === 'momentum') return `tf.train.momentum(${c.learningRate}, ${c.momentum ?? 0.9})`;
  return `tf.train.${c.optimizer}(${c.learningRate})`;
}

/** The loss of one output as an expression of `yTrue` and `yPred`. */
function lossExpr(c: CompileSpec): string {
  switch (c.loss) {
    case 'mse':
      return 'tf.losses.meanSquaredError(yTrue, yPred)';
    case 'l1':
      return 'tf.losses.absoluteDifference(yTrue, yPred)';
    case 'huber':
      return `tf.losses.huberLoss(yTrue, yPred, undefined, ${c.huberDelta ?? 1})`;
    case 'crossentropy':
      return `tf.metrics.${c.outputUnits === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy'}(yTrue, yPred).mean()`;
  }
}

/**
 * `model.compile(…)`. With `lossWeights` (one per output; Keras' loss_weights,
 * which tf.js lacks) each output's loss is scaled by its weight and summed.
 */
export function compileCode(c: CompileSpec, lossWeights?: readonly number[]): string {
  const metrics = c.loss === 'crossentropy' ? `, metrics: ['accuracy']` : '';
  const loss = lossWeights ? `[${lossWeights.join(', ')}].map((w) => (yTrue, yPred) => ${lossExpr(c)}.mul(w))` : lossCode(c);
  const note = lossWeights ? "// tf.js has no lossWeights: each output's loss is scaled by its weight, and tf.js sums them.\n" : '';
  return `${note}model.compile({ optimizer: ${optimizerCode(c)}, loss: ${loss}${metrics} });`;
}

export function sequentialCode(inputShape: InputShape, specs: readonly LayerSpec[], compile: CompileSpec, init: InitSpec): string {
  const lines = [...importLines(specs), '', initHelper(init.init), '', 'const model = tf.sequential();'];
  specs.forEach((s, i) => lines.push(`model.add(${layerCall(s, init.seed + i, i === 0 ? inputShape : undefined)});`));
  lines.push(compileCode(compile), 'model.summary();');
  return lines.join('\n');
}

export function functionalCode(inputShape: InputShape, specs: readonly LayerSpec[], compile: CompileSpec, init: InitSpec): string {
  const lines = [...importLines(specs), '', initHelper(init.init), '', `const input = tf.input({ shape: [${inputShape.join(', ')}] });`];
  let prev = 'input';
  specs.forEach((s, i) => {
    lines.push(`const ${s.name} = ${layerCall(s, init.seed + i)}.apply(${prev});`);
    prev = s.name;
  });
  lines.push(`const model = tf.model({ inputs: input, outputs: ${prev} });`, compileCode(compile), 'model.summary();');
  return lines.join('\n');
}
