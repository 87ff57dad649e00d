/**
 * Editable LeNet-5-style architecture: conv blocks (conv → optional pool),
 * then flatten, dense layers and a softmax output. Zero conv blocks gives a
 * plain dense network (DENSE_MNIST_CONFIG: Flatten → 300 → 100 → 10).
 * Default follows LeNet-5's layout (6@5×5 'same' → pool → 16@5×5 'valid' → pool
 * → 120 → 84 → 10) with ReLU and max pooling instead of the 1998 tanh and
 * average "subsampling": same shapes and 61 706 parameters, faster to train.
 */
import * as tf from '@tensorflow/tfjs';
import { buildSequential } from './buildModel.ts';
import {
  LAYER_ACTIVATIONS,
  PADDINGS,
  POOL_TYPES,
  type LayerActivation,
  type LayerSpec,
  type Padding,
  type PoolType,
} from './layerSpecs.ts';
import { computeLayerShapes } from './layerShapes.ts';
import { makeOptimizer, OPTIMIZER_NAMES, type OptimizerName } from './optimizers.ts';
import { crossEntropyTf } from './tfLosses.ts';
import { KERNEL_INITS, type KernelInit } from './weightInit.ts';

export interface ConvBlock {
  filters: number;
  kernelSize: number;
  stride: number;
  padding: Padding;
  pool: PoolType | 'none';
  poolSize: number;
  poolStride: number;
}

export interface LenetConfig {
  inputShape: [number, number, number];
  convBlocks: ConvBlock[];
  denseUnits: number[];
  /** Activation of every conv and hidden dense layer. */
  activation: Exclude<LayerActivation, 'softmax'>;
  numClasses: number;
  optimizer: OptimizerName;
  learningRate: number;
  seed: number;
  kernelInit: KernelInit;
}

export const DEFAULT_LENET_CONFIG: Readonly<LenetConfig> = {
  inputShape: [28, 28, 1],
  convBlocks: [
    { filters: 6, kernelSize: 5, stride: 1, padding: 'same', pool: 'max', poolSize: 2, poolStride: 2 },
    { filters: 16, kernelSize: 5, stride: 1, padding: 'valid', pool: 'max', poolSize: 2, poolStride: 2 },
  ],
  denseUnits: [120, 84],
  activation: 'relu',
  numClasses: 10,
  optimizer: 'adam',
  learningRate: 0.001,
  seed: 1,
  kernelInit: 'glorot',
};

/** The study note's dense MNIST model: no convolutions, Flatten → 300 → 100 → 10 (266 610 parameters). */
export const DENSE_MNIST_CONFIG: Readonly<Pick<LenetConfig, 'convBlocks' | 'denseUnits'>> = { convBlocks: [], denseUnits: [300, 100] };

function intIn(name: string, v: number, lo: number, hi: number): void {
  if (!Number.isInteger(v) || v < lo || v > hi) throw new Error(`${name} is ${v}; allowed: integer ${lo}..${hi}`);
}

function oneOf<T extends string>(name: string, v: T, allowed: readonly T[]): void {
  if (!allowed.includes(v)) throw new Error(`${name} is ${JSON.stringify(v)}; allowed: ${allowed.join(', ')}`);
}

function validateBlock(b: ConvBlock, i: number): void {
  intIn(`convBlocks[${i}].filters`, b.filters, 1, 256);
  intIn(`convBlocks[${i}].kernelSize`, b.kernelSize, 1, 11);
  intIn(`convBlocks[${i}].stride`, b.stride, 1, 4);
  oneOf(`convBlocks[${i}].padding`, b.padding, PADDINGS);
  oneOf(`convBlocks[${i}].pool`, b.pool, [...POOL_TYPES, 'none'] as const);
  intIn(`convBlocks[${i}].poolSize`, b.poolSize, 1, 4);
  intIn(`convBlocks[${i}].poolStride`, b.poolStride, 1, 4);
}

/** Copies the input; also checks that every layer's output is at least 1×1. */
export function validateLenetConfig(input: Partial<LenetConfig> = {}): LenetConfig {
  const d = DEFAULT_LENET_CONFIG;
  const c: LenetConfig = {
    ...d,
    ...input,
    inputShape: [...(input.inputShape ?? d.inputShape)],
    convBlocks: (input.convBlocks ?? d.convBlocks).map((b) => ({ ...b })),
    denseUnits: [...(input.denseUnits ?? d.denseUnits)],
  };
  c.inputShape.forEach((v, i) => intIn(`inputShape[${i}]`, v, 1, 512));
  intIn('convBlocks.length', c.convBlocks.length, 0, 4);
  c.convBlocks.forEach(validateBlock);
  intIn('denseUnits.length', c.denseUnits.length, 0, 4);
  c.denseUnits.forEach((u, i) => intIn(`denseUnits[${i}]`, u, 1, 1024));
  oneOf(
    'activation',
    c.activation,
    LAYER_ACTIVATIONS.filter((a) => a !== 'softmax'),
  );
  intIn('numClasses', c.numClasses, 2, 1000);
  oneOf('optimizer', c.optimizer, OPTIMIZER_NAMES);
  oneOf('kernelInit', c.kernelInit, KERNEL_INITS);
  if (!(c.learningRate > 0 && c.learningRate <= 10)) throw new Error(`learningRate is ${c.learningRate}; allowed: 0 < lr <= 10`);
  computeLayerShapes(c.inputShape, lenetLayerSpecs(c)); // throws naming the layer that collapses
  return c;
}

export function lenetLayerSpecs(c: LenetConfig): LayerSpec[] {
  const specs: LayerSpec[] = [];
  c.convBlocks.forEach((b, i) => {
    specs.push({
      kind: 'conv2d',
      name: `conv${i + 1}`,
      filters: b.filters,
      kernelSize: b.kernelSize,
      strides: b.stride,
      padding: b.padding,
      activation: c.activation,
    });
    if (b.pool !== 'none') specs.push({ kind: 'pool', name: `pool${i + 1}`, pool: b.pool, poolSize: b.poolSize, strides: b.poolStride });
  });
  specs.push({ kind: 'flatten', name: 'flatten' });
  c.denseUnits.forEach((units, i) => specs.push({ kind: 'dense', name: `dense${i + 1}`, units, activation: c.activation }));
  specs.push({ kind: 'dense', name: 'output', units: c.numClasses, activation: 'softmax' });
  return specs;
}

export function compileLenet(model: tf.LayersModel, c: LenetConfig): void {
  model.compile({ optimizer: makeOptimizer(c.optimizer, c.learningRate), loss: crossEntropyTf, metrics: ['accuracy'] });
}

/** Compiled model; caller disposes it. */
export function buildLenet(config: Partial<LenetConfig> = {}): tf.Sequential {
  const c = validateLenetConfig(config);
  const model = buildSequential(c.inputShape, lenetLayerSpecs(c), c.seed, c.kernelInit);
  compileLenet(model, c);
  return model;
}
