/**
 * A plain description of a sequential network, shared by the model builder,
 * the shape/parameter calculator and the code generator, so the three agree.
 */
export const LAYER_ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'softmax'] as const;
export type LayerActivation = (typeof LAYER_ACTIVATIONS)[number];
export const PADDINGS = ['same', 'valid'] as const;
export type Padding = (typeof PADDINGS)[number];
/** 'min' is −maxPool(−x) (see minPooling.ts). */
export const POOL_TYPES = ['max', 'avg', 'min'] as const;
export type PoolType = (typeof POOL_TYPES)[number];

export interface DenseSpec {
  kind: 'dense';
  name: string;
  units: number;
  activation: LayerActivation;
}

export interface Conv2dSpec {
  kind: 'conv2d';
  name: string;
  filters: number;
  kernelSize: number;
  strides: number;
  padding: Padding;
  activation: LayerActivation;
}

export interface PoolSpec {
  kind: 'pool';
  name: string;
  pool: PoolType;
  poolSize: number;
  strides: number;
}

export interface FlattenSpec {
  kind: 'flatten';
  name: string;
}

export type LayerSpec = DenseSpec | Conv2dSpec | PoolSpec | FlattenSpec;

/** Input shape without the batch dimension, e.g. [2] or [28, 28, 1]. */
export type InputShape = readonly number[];
