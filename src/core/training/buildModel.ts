/**
 * Builds a tf.js Sequential model from layer specs. Kernel initialisers (Glorot
 * by default, see weightInit) are seeded (seed + layer index) so the same spec and seed give the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import type { InputShape, LayerSpec } from './layerSpecs.ts';
import { MinPooling2D } from './minPooling.ts';
import { makeKernelInitializer, type KernelInit } from './weightInit.ts';

function toLayer(spec: LayerSpec, seed: number, first: boolean, inputShape: InputShape, init: KernelInit): tf.layers.Layer {
  const input = first ? { inputShape: [...inputShape] } : {};
  const kernelInitializer = makeKernelInitializer(init, seed);
  switch (spec.kind) {
    case 'dense':
      return tf.layers.dense({ ...input, name: spec.name, units: spec.units, activation: spec.activation, kernelInitializer });
    case 'conv2d':
      return tf.layers.conv2d({
        ...input,
        name: spec.name,
        filters: spec.filters,
        kernelSize: spec.kernelSize,
        strides: spec.strides,
        padding: spec.padding,
        activation: spec.activation,
        kernelInitializer,
      });
    case 'pool': {
      const args = { ...input, name: spec.name, poolSize: spec.poolSize, strides: spec.strides };
      if (spec.pool === 'min') return new MinPooling2D(args);
      return spec.pool === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'flatten':
      return tf.layers.flatten({ ...input, name: spec.name });
  }
}

/** Caller owns the returned model and disposes it. */
export function buildSequential(
  inputShape: InputShape,
  specs: readonly LayerSpec[],
  seed: number,
  init: KernelInit = 'glorot',
): tf.Sequential {
  if (specs.length === 0) throw new Error('layer specs are empty; allowed: at least one layer');
  return tf.sequential({ layers: specs.map((s, i) => toLayer(s, seed + i, i === 0, inputShape, init)) });
}
