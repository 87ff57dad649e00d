import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { featureMaps } from '../../src/core/training/featureMaps.ts';
import { convKernels, kernelSlice } from '../../src/core/training/kernels.ts';
import { buildLenet, DEFAULT_LENET_CONFIG, type LenetConfig } from '../../src/core/training/lenetConfig.ts';
import { minPool } from '../../src/core/training/minPooling.ts';
import { loadValidatedModel, saveToArtifacts } from '../../src/core/training/modelIO.ts';
import { trainModel } from '../../src/core/training/trainer.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

/** tanh, not ReLU: after a ReLU most windows' minimum is 0 and the gradient to conv1 vanishes. */
const minConfig: Partial<LenetConfig> = {
  activation: 'tanh',
  convBlocks: DEFAULT_LENET_CONFIG.convBlocks.map((b) => ({ ...b, pool: 'min' as const })),
};

describe('min pooling', () => {
  it('is the window minimum (brute force) and −maxPool(−x)', () => {
    const values = Array.from({ length: 4 * 4 * 2 }, (_, i) => Math.sin(i * 1.7) * 10);
    const x = tf.tensor4d(values, [1, 4, 4, 2]);
    const got = minPool(x, 2, 2).arraySync()[0];
    for (let r = 0; r < 2; r++)
      for (let c = 0; c < 2; c++)
        for (let ch = 0; ch < 2; ch++) {
          const win = [0, 1].flatMap((dr) => [0, 1].map((dc) => values[((2 * r + dr) * 4 + 2 * c + dc) * 2 + ch]));
          expect(got[r][c][ch]).toBeCloseTo(Math.min(...win), 5);
        }
    x.dispose();
  });

  it('builds, trains (gradient flows), saves and reloads with the same output, and shows as a feature map', async () => {
    const m = buildLenet(minConfig);
    const x = tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 1);
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
    try {
      expect(m.getLayer('pool1').getClassName()).toBe('MinPooling2D');
      const before = (m.getLayer('conv1').getWeights()[0].arraySync() as number[][][][]).flat(3);
      await trainModel(m, { x, y }, { epochs: 1, batchSize: 8 }); // creates the optimizer's slots
      const leaked = await leakedTensors(() => trainModel(m, { x, y }, { epochs: 1, batchSize: 8 }));
      expect(leaked).toBe(0);
      const after = (m.getLayer('conv1').getWeights()[0].arraySync() as number[][][][]).flat(3);
      expect(after).not.toEqual(before);

      const loaded = await loadValidatedModel(tf.io.fromMemory(await saveToArtifacts(m)), { inputShape: [28, 28, 1], outputUnits: 10 });
      try {
        const [a, b] = [m, loaded].map((mm) => tf.tidy(() => (mm.predict(x) as tf.Tensor).arraySync()));
        expect(b).toEqual(a);
      } finally {
        disposeModel(loaded);
      }
      const maps = await featureMaps(m, x.slice([0], [1]));
      expect(maps.map((f) => `${f.name}:${f.className}`)).toContain('pool1:MinPooling2D');
    } finally {
      disposeModel(m);
      tf.dispose([x, y]);
    }
  });
});

describe('learned kernels', () => {
  it('reads every conv kernel in tf layout without leaking tensors', async () => {
    const m = buildLenet();
    try {
      let sets: Awaited<ReturnType<typeof convKernels>> = [];
      expect(await leakedTensors(async () => (sets = await convKernels(m)))).toBe(0);
      expect(sets.map((k) => [k.layer, k.size, k.inChannels, k.filters])).toEqual([
        ['conv1', 5, 1, 6],
        ['conv2', 5, 6, 16],
      ]);
      const w = m.getLayer('conv2').getWeights()[0];
      const expected = tf.tidy(() => w.slice([0, 0, 3, 7], [5, 5, 1, 1]).reshape([25]).arraySync());
      expect(Array.from(kernelSlice(sets[1], 7, 3))).toEqual(expected);
    } finally {
      disposeModel(m);
    }
  });
});
