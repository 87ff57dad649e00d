import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateMlpConfig, type MlpConfig } from '../../src/core/training/mlpConfig.ts';
import { MlpSession } from '../../src/core/training/mlpSession.ts';
import { makeRegressionSet } from '../../src/core/training/regressionData.ts';
import { adaptNormalization, AUX_OUTPUT, wideDeepLossWeights } from '../../src/core/training/wideDeep.ts';
import { evaluateModel } from '../../src/core/training/trainer.ts';
import { classAccuracy } from '../../src/core/training/trainMlp.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

/** A shifted 1-D regression set and a Wide & Deep 1 → 8 → 4 → 1 config for it. */
function regressionCase(extra: Partial<MlpConfig>) {
  const r = makeRegressionSet({ n: 120, noise: 0.05, outlierFraction: 0, seed: 2 });
  const x = r.x.map((v) => [v * 3 + 1]);
  const c = validateMlpConfig({
    inputSize: 1,
    outputSize: 1,
    outputActivation: 'none',
    loss: 'mse',
    hiddenLayers: [8, 4],
    wide: true,
    ...extra,
  });
  return { r, x, c };
}

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
    const { r, x, c } = regressionCase({ epochs: 5 });
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

  it('weights the losses 1 − auxWeight and auxWeight (Géron: 0.9 / 0.1), and only with the wide path', () => {
    expect(wideDeepLossWeights({ wide: true, auxWeight: 0.1 })).toEqual([0.9, 0.1]);
    expect(wideDeepLossWeights({ wide: true, auxWeight: 0 })).toEqual([1]);
    expect(wideDeepLossWeights({ wide: false, auxWeight: 0.3 })).toEqual([1]);
    expect(() => validateMlpConfig({ auxWeight: 1 })).toThrow('auxWeight is 1; allowed: 0 <= auxWeight < 1');
    expect(() => validateMlpConfig({ auxWeight: -0.1 })).toThrow('auxWeight is -0.1');
  });

  it('adds an auxiliary output on the deep path: two outputs, exact parameters, a 0.9/0.1-weighted loss, main-output predictions', async () => {
    const { r, x, c } = regressionCase({ epochs: 3, auxWeight: 0.1 });
    const s = new MlpSession();
    const leaked = await leakedTensors(async () => {
      const model = s.build(c, x);
      expect(model.outputs).toHaveLength(2);
      expect(model.outputNames).toEqual(['output', AUX_OUTPUT]);
      // as without aux (2 + 16 + 36 + 6), plus the aux head on hidden2: 4·1 + 1
      expect(model.countParams()).toBe(2 + 16 + 36 + 6 + 5);
      expect(model.getLayer(AUX_OUTPUT).inboundNodes[0].inboundLayers.map((l) => l.name)).toEqual(['hidden2']);
      const h = await s.fit({ x, y: r.y }, { x: x.slice(0, 20), y: r.y.slice(0, 20) });
      expect(h.history).toHaveLength(3);
      expect(h.history.every((e) => Number.isFinite(e.loss) && Number.isFinite(e.val_loss ?? NaN))).toBe(true);
      // the reported loss is 0.9·mse(main) + 0.1·mse(aux), from each head's own predictions
      const xs = tf.tensor2d(x.slice(0, 20));
      const ys = tf.tensor2d(r.y.slice(0, 20).map((v) => [v as number]));
      const [main, aux] = model.predict(xs) as tf.Tensor[];
      const mse = (p: tf.Tensor) => tf.tidy(() => tf.mean(tf.square(tf.sub(ys, p))).dataSync()[0]);
      const expected = 0.9 * mse(main) + 0.1 * mse(aux);
      expect(mse(main)).not.toBeCloseTo(mse(aux), 3);
      expect((await evaluateModel(model, xs, ys)).loss).toBeCloseTo(expected, 5);
      expect((await s.predict(x.slice(0, 20)))?.map((p) => p[0])).toEqual(Array.from(main.dataSync()));
      tf.dispose([xs, ys, main, aux]);
      // the diagram's main chain is unchanged; the aux head has one row per last-hidden unit
      expect((await s.weights()).map((w) => w.kernel.length)).toEqual([1, 8, 5]);
      expect((await s.auxWeights())?.kernel.length).toBe(4);
      s.dispose();
    });
    expect(leaked).toBe(0);
  });

  it('reports the main output accuracy for a classifier with an auxiliary output', async () => {
    const x = Array.from({ length: 40 }, (_, i) => [((i * 7) % 40) / 20 - 1, ((i * 13) % 40) / 20 - 1]);
    const y = x.map(([a, b]) => (a + b > 0 ? 1 : 0));
    const c = validateMlpConfig({ hiddenLayers: [4], epochs: 2, wide: true, auxWeight: 0.2 });
    const s = new MlpSession();
    const leaked = await leakedTensors(async () => {
      s.build(c, x);
      const h = await s.fit({ x, y }, { x, y });
      expect(h.history.every((e) => e.accuracy !== undefined)).toBe(true);
      // val_accuracy is the main output's, as the panel computes it from the predictions
      expect(h.history.at(-1)?.val_accuracy).toBeCloseTo(classAccuracy((await s.predict(x))!, y), 6);
      expect(await s.auxWeights()).not.toBeNull();
      s.dispose();
    });
    expect(leaked).toBe(0);
  });
});
