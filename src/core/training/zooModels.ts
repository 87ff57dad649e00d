/**
 * The architecture zoo on MNIST: four small models that each show one idea
 * of the CNN family tree, sized to train in seconds in a browser.
 * - lenet5: the LeNet panel's default (conv → pool → conv → pool → dense).
 * - alexnet: AlexNet's "conv on conv": two 3×3 convs before each pool.
 * - inception: one GoogLeNet block: parallel 1×1, 1×1→3×3, 1×1→5×5 and
 *   3×3 max pool→1×1 branches concatenated on the channel axis.
 * - residual: one ResNet basic block (3×3 → 3×3) whose 8→16 channel change
 *   needs a 1×1 projection shortcut (ResNet "option B"); the shortcut can be
 *   removed, which drops exactly RESIDUAL.in·RESIDUAL.out + RESIDUAL.out weights.
 * All initialisers are seeded; every model takes [28, 28, 1] and ends in a 10-way softmax.
 */
import * as tf from '@tensorflow/tfjs';
import { buildSequential } from './buildModel.ts';
import { disposeModel } from './disposeModel.ts';
import { lenetLayerSpecs, validateLenetConfig } from './lenetConfig.ts';
import { MNIST_CLASSES, MNIST_SIDE } from './mnistData.ts';

export const ZOO_PRESETS = ['lenet5', 'alexnet', 'inception', 'residual'] as const;
export type ZooPreset = (typeof ZOO_PRESETS)[number];

export const ZOO_LABELS: Record<ZooPreset, string> = {
  lenet5: 'LeNet-5',
  alexnet: 'AlexNet-style (conv on conv)',
  inception: 'Inception block',
  residual: 'Residual block',
};

/** Channels into and out of the residual block (the projection shortcut maps one to the other). */
export const RESIDUAL = { in: 8, out: 16 } as const;

/** Filters of each Inception branch: 1×1; 1×1 reduce → 3×3; 1×1 reduce → 5×5; pool → 1×1. */
export const INCEPTION = { b1: 8, b3reduce: 8, b3: 16, b5reduce: 4, b5: 8, pool: 8 } as const;

export interface ZooModelOptions {
  /** Residual preset only: keep the (projection) skip connection. Default true. */
  skip?: boolean;
  seed?: number;
}

type Sym = tf.SymbolicTensor;

class Builder {
  #seed: number;
  constructor(seed: number) {
    this.#seed = seed;
  }
  conv(x: Sym, filters: number, kernelSize: number, name: string, activation: 'relu' | 'linear' = 'relu'): Sym {
    const kernelInitializer = tf.initializers.heNormal({ seed: this.#seed++ });
    return tf.layers.conv2d({ name, filters, kernelSize, padding: 'same', activation, kernelInitializer }).apply(x) as Sym;
  }
  pool(x: Sym, name: string, size = 2, strides = 2): Sym {
    return tf.layers.maxPooling2d({ name, poolSize: size, strides, padding: 'same' }).apply(x) as Sym;
  }
  head(x: Sym, hidden?: number): Sym {
    let h = tf.layers.flatten({ name: 'flatten' }).apply(x) as Sym;
    if (hidden)
      h = tf.layers
        .dense({ name: 'dense', units: hidden, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed: this.#seed++ }) })
        .apply(h) as Sym;
    const kernelInitializer = tf.initializers.glorotUniform({ seed: this.#seed++ });
    return tf.layers.dense({ name: 'output', units: MNIST_CLASSES, activation: 'softmax', kernelInitializer }).apply(h) as Sym;
  }
}

const input = (): Sym => tf.input({ shape: [MNIST_SIDE, MNIST_SIDE, 1], name: 'digit' });

function alexnet(b: Builder): tf.LayersModel {
  const x = input();
  let h = b.pool(b.conv(b.conv(x, 16, 3, 'conv1a'), 16, 3, 'conv1b'), 'pool1');
  h = b.pool(b.conv(b.conv(h, 32, 3, 'conv2a'), 32, 3, 'conv2b'), 'pool2');
  return tf.model({ inputs: x, outputs: b.head(h, 64), name: 'alexnet' });
}

function inception(b: Builder): tf.LayersModel {
  const x = input();
  const stem = b.pool(b.conv(x, 16, 3, 'stem'), 'stem_pool');
  const branches = [
    b.conv(stem, INCEPTION.b1, 1, 'b1x1'),
    b.conv(b.conv(stem, INCEPTION.b3reduce, 1, 'b3x3_reduce'), INCEPTION.b3, 3, 'b3x3'),
    b.conv(b.conv(stem, INCEPTION.b5reduce, 1, 'b5x5_reduce'), INCEPTION.b5, 5, 'b5x5'),
    b.conv(b.pool(stem, 'bpool', 3, 1), INCEPTION.pool, 1, 'bpool_proj'),
  ];
  const cat = tf.layers.concatenate({ name: 'concat', axis: -1 }).apply(branches) as Sym;
  return tf.model({ inputs: x, outputs: b.head(b.pool(cat, 'pool2')), name: 'inception' });
}

function residual(b: Builder, skip: boolean): tf.LayersModel {
  const x = input();
  const stem = b.pool(b.conv(x, RESIDUAL.in, 3, 'stem'), 'stem_pool');
  const main = b.conv(b.conv(stem, RESIDUAL.out, 3, 'res_a'), RESIDUAL.out, 3, 'res_b', 'linear');
  const merged = skip ? (tf.layers.add({ name: 'add' }).apply([main, b.conv(stem, RESIDUAL.out, 1, 'shortcut', 'linear')]) as Sym) : main;
  const out = tf.layers.activation({ name: 'res_relu', activation: 'relu' }).apply(merged) as Sym;
  return tf.model({ inputs: x, outputs: b.head(b.pool(out, 'pool2')), name: skip ? 'residual' : 'plain' });
}

/** Uncompiled model; the caller disposes it. */
export function buildZooModel(preset: ZooPreset, options: ZooModelOptions = {}): tf.LayersModel {
  const seed = options.seed ?? 1;
  switch (preset) {
    case 'lenet5':
      return buildSequential([MNIST_SIDE, MNIST_SIDE, 1], lenetLayerSpecs(validateLenetConfig({ seed })), seed);
    case 'alexnet':
      return alexnet(new Builder(seed));
    case 'inception':
      return inception(new Builder(seed));
    case 'residual':
      return residual(new Builder(seed), options.skip ?? true);
  }
}

/** Parameter count without keeping the model (builds, counts, disposes). */
export function zooParamCount(preset: ZooPreset, options: ZooModelOptions = {}): number {
  const m = buildZooModel(preset, options);
  try {
    return m.countParams();
  } finally {
    disposeModel(m);
  }
}
