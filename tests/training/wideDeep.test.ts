import { beforeAll, describe, expect, it } from 'vitest';
import { validateMlpConfig } from '../../src/core/training/mlpConfig.ts';
import { MlpSession } from '../../src/core/training/mlpSession.ts';
import { makeRegressionSet } from '../../src/core/training/regressionData.ts';
import { adaptNormalization } from '../../src/core/training/wideDeep.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(async () => {
  await useTrainingBackend();
});

describe('Wide & Deep', () => {
  it('adapts the normalisation to the training inputs', () => {
    expect(
      adaptNormalization([
        [1, 5],
        [3, 5],
      ]),
    ).toEqual({ mean: [2, 5], std: [1, 1] });
  });

  it('concatenates the normalised input with the deep path, keeps the normalisation frozen, and trains without leaking', async () => {
    const r = makeRegressionSet({ n: 120, noise: 0.05, outlierFraction: 0, seed: 2 });
    const x = r.x.map((v) => [v * 3 + 1]);
    const c = validateMlpConfig({
      inputSize: 1,
      outputSize: 1,
      outputActivation: 'none',
      loss: 'mse',
      hiddenLayers: [8, 4],
      epochs: 5,
      wide: true,
    });
    const s = new MlpSession();
    const leaked = await leakedTensors(async () => {
      const model = s.build(c, x);
      // normalization 1·1+1 (frozen), hidden 1·8+8, 8·4+4, output (1 + 4)·1 + 1
      expect(model.countParams()).toBe(2 + 16 + 36 + 6);
      expect(model.getLayer('wide_deep').outputShape).toEqual([null, 5]);
      const norm = () =>
        model
          .getLayer('normalization')
          .getWeights()
          .map((t) => Array.from(t.dataSync()));
      const before = norm();
      const { mean, std } = adaptNormalization(x);
      expect(before[0][0]).toBeCloseTo(1 / std[0], 6);
      expect(before[1][0]).toBeCloseTo(-mean[0] / std[0], 6);
      const h = await s.fit({ x, y: r.y }, { x: x.slice(0, 20), y: r.y.slice(0, 20) });
      expect(h.history).toHaveLength(5);
      expect(norm()).toEqual(before);
      // the diagram gets the trainable layers only; the output kernel has input + last-hidden rows
      expect((await s.weights()).map((w) => w.kernel.length)).toEqual([1, 8, 5]);
      expect(await s.trace(x[0], r.y[0])).toBeNull();
      s.dispose();
    });
    expect(leaked).toBe(0);
  });
});
