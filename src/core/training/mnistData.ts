/**
 * MNIST as packed by scripts/install-mnist.mjs: uint8 pixels (count × 784,
 * 0..255) + uint8 labels. Platform-free: the browser fetches the files
 * (mnistFetch.ts), Node reads them (src/node/training/mnistFs.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32, permutation } from './rng.ts';

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;
export const MNIST_CLASSES = 10;
export const MNIST_FILES = { pixels: 'mnist-10k.u8', labels: 'labels.u8', meta: 'mnist.json' } as const;

export interface MnistData {
  pixels: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface MnistSplitConfig {
  train: number;
  val: number;
  test: number;
  seed: number;
}

export const DEFAULT_MNIST_SPLIT: Readonly<MnistSplitConfig> = { train: 8000, val: 1000, test: 1000, seed: 2024 };

export interface MnistSplit {
  train: number[];
  val: number[];
  test: number[];
}

export function makeMnistData(pixels: Uint8Array, labels: Uint8Array): MnistData {
  const count = labels.length;
  if (pixels.length !== count * MNIST_PIXELS) {
    throw new Error(`mnist pixels have ${pixels.length} bytes for ${count} labels; expected ${count * MNIST_PIXELS} (count × 784)`);
  }
  const bad = labels.findIndex((l) => l >= MNIST_CLASSES);
  if (bad >= 0) throw new Error(`mnist label #${bad} is ${labels[bad]}; allowed: 0..9`);
  return { pixels, labels, count };
}

/** Fixed, seeded shuffle split: disjoint index sets, same seed → same split. */
export function splitMnist(count: number, config: Partial<MnistSplitConfig> = {}): MnistSplit {
  const c = { ...DEFAULT_MNIST_SPLIT, ...config };
  for (const k of ['train', 'val', 'test'] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 0) throw new Error(`mnist split ${k} is ${c[k]}; allowed: integer >= 0`);
  }
  if (c.train + c.val + c.test > count) {
    throw new Error(`mnist split ${c.train}+${c.val}+${c.test} = ${c.train + c.val + c.test} exceeds the ${count} digits available`);
  }
  const order = permutation(mulberry32(c.seed), count);
  return {
    train: order.slice(0, c.train),
    val: order.slice(c.train, c.train + c.val),
    test: order.slice(c.train + c.val, c.train + c.val + c.test),
  };
}

/** x: [n, 28, 28, 1] float32 in 0..1; y: one-hot [n, 10]. Caller disposes both. */
export function mnistTensors(data: MnistData, indices: readonly number[]): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const n = indices.length;
  const px = new Float32Array(n * MNIST_PIXELS);
  const lb = new Int32Array(n);
  indices.forEach((idx, i) => {
    for (let p = 0; p < MNIST_PIXELS; p++) px[i * MNIST_PIXELS + p] = data.pixels[idx * MNIST_PIXELS + p] / 255;
    lb[i] = data.labels[idx];
  });
  const x = tf.tensor4d(px, [n, MNIST_SIDE, MNIST_SIDE, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(lb, 'int32'), MNIST_CLASSES).toFloat() as tf.Tensor2D);
  return { x, y };
}

/** The digits at `indices`, copied into new arrays (e.g. to transfer a subset to a worker). */
export function mnistSubset(data: MnistData, indices: readonly number[]): MnistData {
  const pixels = new Uint8Array(indices.length * MNIST_PIXELS);
  indices.forEach((idx, i) => pixels.set(data.pixels.subarray(idx * MNIST_PIXELS, (idx + 1) * MNIST_PIXELS), i * MNIST_PIXELS));
  return makeMnistData(
    pixels,
    Uint8Array.from(indices, (i) => data.labels[i]),
  );
}

export function labelsOf(data: MnistData, indices: readonly number[]): number[] {
  return indices.map((i) => data.labels[i]);
}
