import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type LoadedModel } from '../../src/core/models/registry';
import { readImageTensor } from '../../src/node/readImageTensor';
import { media, modelsSource, useTestBackend } from '../detection/helpers';

let selfie: LoadedModel;

beforeAll(async () => {
  await useTestBackend();
  selfie = await loadModel('selfie', modelsSource());
});
afterAll(() => selfie?.model.dispose());

describe('selfie segmentation via the registry', () => {
  it('reports its signature from the manifest', () => {
    expect(selfie.entry.task).toBe('segmentation');
    expect(selfie.model.inputs[0].shape).toEqual([1, 256, 256, 3]);
    expect(selfie.entry.input.range).toEqual([0, 1]);
  });

  it('produces a [1, 256, 256, 1] person mask on astronaut.png, high on the person, low on the background', async () => {
    const before = tf.memory().numTensors;
    const image = readImageTensor(media('astronaut.png'));
    const batch = tf.tidy(() => tf.expandDims(tf.div(tf.image.resizeBilinear(tf.cast(image, 'float32'), [256, 256]), 255), 0));
    image.dispose();
    const mask = selfie.model.execute(batch, selfie.entry.outputs.mask) as tf.Tensor4D;
    try {
      expect(mask.shape).toEqual([1, 256, 256, 1]);
      const values = (await mask.array())[0];
      const at = (x: number, y: number) => values[y][x][0];
      const all = values.flat(2);
      expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...all)).toBeLessThanOrEqual(1);
      // The astronaut's chest (centre-left, lower half) vs the top-right corner (flag/background).
      // Mean over small patches, in 256x256 mask coordinates.
      const patch = (x0: number, y0: number) => {
        let s = 0;
        for (let y = y0; y < y0 + 8; y++) for (let x = x0; x < x0 + 8; x++) s += at(x, y);
        return s / 64;
      };
      expect(patch(80, 180)).toBeGreaterThan(0.5);
      expect(patch(240, 8)).toBeLessThan(0.5);
    } finally {
      tf.dispose([batch, mask]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
