import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomShift } from '../../src/core/training/augment';
import { useNodeBackend } from '../../src/node/backend';

describe('randomShift (MNIST-style augmentation)', () => {
  beforeAll(async () => {
    await useNodeBackend('wasm');
  });

  it('translates by whole pixels with zero fill, exactly', async () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const draws = [0.1, 0.9]; // randInt(0, 2) → dy = 0 (down by 1), dx = 2 (left by 1)
    const before = tf.memory().numTensors;
    const y = randomShift(x, 1, () => draws.shift()!);
    // Rounded: the WASM y1 = 0 workaround nudges sampling by 1e-7 of a row.
    expect(Array.from(await y.data()).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0, 0, 0, 2, 3, 0, 5, 6, 0]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('rejects a bad shift', () => {
    const x = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    expect(() => randomShift(x, -1, Math.random)).toThrow('maxShift is -1; expected an integer >= 0');
    x.dispose();
  });
});
