import { disposeModel } from '../../src/core/training/disposeModel.ts';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { huber, l1, mse } from '../../src/core/training/losses.ts';
import { huberTf } from '../../src/core/training/tfLosses.ts';
import { makeRegressionSet } from '../../src/core/training/regressionData.ts';
import { validateMlpConfig, type MlpConfig } from '../../src/core/training/mlpConfig.ts';
import { buildMlp, mlpLayerSpecs, mlpTensors } from '../../src/core/training/mlpModel.ts';
import { predictMlp, trainMlp } from '../../src/core/training/trainMlp.ts';
import { stepThrough } from '../../src/core/training/stepThrough.ts';
import { lrRangeTest, suggestLearningRate } from '../../src/core/training/lrRangeTest.ts';
import { functionalCode, sequentialCode } from '../../src/core/training/codegen.ts';
import { activationCurve, sigmoid, softmax, softmaxJacobian } from '../../src/core/training/activations.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

describe('pure losses and activations', () => {
  it('gives exact values on small inputs', () => {
    const t = [0, 1, 2, 3];
    const p = [0.5, 1, 4, 0];
    expect(mse(t, p)).toBe((0.25 + 0 + 4 + 9) / 4);
    expect(l1(t, p)).toBe((0.5 + 0 + 2 + 3) / 4);
    // δ=1: 0.5·0.25, 0, 1·(2 − 0.5), 1·(3 − 0.5)
    expect(huber(t, p, 1)).toBe((0.125 + 0 + 1.5 + 2.5) / 4);
    expect(huber(t, p, 2)).toBe((0.125 + 0 + 2 + 2 * (3 - 1)) / 4);
    const tfValue = tf.tidy(() => huberTf(tf.tensor1d(t), tf.tensor1d(p), 1).dataSync()[0]);
    expect(tfValue).toBeCloseTo(huber(t, p, 1), 6);
    expect(() => huber(t, p, 0)).toThrow(/delta is 0/);
  });

  it('activations and derivatives', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(activationCurve('relu', [-1, 0, 2])).toEqual({ y: [0, 0, 2], dy: [0, 0, 1] });
    expect(activationCurve('sign', [-3, 0, 3]).y).toEqual([-1, 0, 1]);
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
    expect(softmaxJacobian([0, 0])[0]).toEqual([0.25, -0.25]);
  });
});

const regressionConfig = (loss: MlpConfig['loss']) =>
  validateMlpConfig({
    inputSize: 1,
    outputSize: 1,
    hiddenLayers: [8],
    hiddenActivation: 'tanh',
    outputActivation: 'none',
    loss,
    huberDelta: 1,
    optimizer: 'adam',
    learningRate: 0.02,
    batchSize: 32,
    epochs: 150,
    seed: 3,
  });

describe('Huber vs MSE on outliers', () => {
  it('Huber fits the inliers better than MSE', async () => {
    const data = makeRegressionSet({ n: 200, outlierFraction: 0.1, outlierOffset: 8, seed: 5 });
    const errors: Record<string, number> = {};
    for (const loss of ['mse', 'huber', 'l1'] as const) {
      const c = regressionConfig(loss);
      const model = buildMlp(c);
      try {
        await trainMlp(model, c, { x: data.x.map((v) => [v]), y: data.y });
        const pred = await predictMlp(
          model,
          data.x.map((v) => [v]),
        );
        const inl = data.x.map((v, i) => [v, i] as const).filter(([, i]) => !data.isOutlier[i]);
        errors[loss] = inl.reduce((s, [v, i]) => s + Math.abs(pred[i][0] - (2 * v + 0.5)), 0) / inl.length;
      } finally {
        disposeModel(model);
      }
    }
    console.log(
      `inlier mean |error| vs true line: MSE ${errors.mse.toFixed(4)}, Huber ${errors.huber.toFixed(4)}, L1 ${errors.l1.toFixed(4)}`,
    );
    expect(errors.huber).toBeLessThan(errors.mse);
  });
});

describe('NaN guard', () => {
  it('stops with a message and restores the last good weights', async () => {
    const data = makeRegressionSet({ n: 64, outlierOffset: 50, seed: 2 });
    const c = validateMlpConfig({
      ...regressionConfig('mse'),
      hiddenLayers: [32, 32],
      hiddenActivation: 'relu',
      optimizer: 'sgd',
      learningRate: 100,
      batchSize: 8,
      epochs: 20,
    });
    const model = buildMlp(c);
    try {
      const before = model.getWeights().map((w) => Array.from(w.dataSync()));
      const r = await trainMlp(model, c, { x: data.x.map((v) => [v]), y: data.y });
      expect(r.stopReason).toBe('nan');
      expect(r.message).toMatch(/NaN.*learning rate 100.*restored/);
      const after = model.getWeights().map((w) => Array.from(w.dataSync()));
      if (r.history.length === 0) expect(after).toEqual(before);
      expect(after.flat().every(Number.isFinite)).toBe(true);
    } finally {
      disposeModel(model);
    }
  });
});

describe('step-through, LR range test, code', () => {
  it('traces one sample; output ∂L/∂z = p − y for sigmoid + cross-entropy', async () => {
    const c = validateMlpConfig({ hiddenLayers: [3, 2], outputActivation: 'sigmoid', loss: 'crossentropy' });
    const model = buildMlp(c);
    try {
      let trace!: Awaited<ReturnType<typeof stepThrough>>;
      const leaked = await leakedTensors(async () => {
        trace = await stepThrough(model, c, [0.5, -1], 1);
      });
      expect(leaked).toBe(0);
      expect(trace.layers.map((l) => l.preActivation.length)).toEqual([3, 2, 1]);
      const out = trace.layers[2];
      expect(out.gradPreActivation[0]).toBeCloseTo(out.output[0] - 1, 5);
      expect(out.gradKernel).toHaveLength(2);
      expect(out.gradKernel[0][0]).toBeCloseTo(out.gradPreActivation[0] * trace.layers[1].output[0], 5);
      expect(trace.loss).toBeCloseTo(-Math.log(out.output[0]), 5);
    } finally {
      disposeModel(model);
    }
  });

  it('suggestLearningRate applies the 4× rule exactly', () => {
    const pts = [1, 0.8, 0.5, 0.4, 1.5, 1.7].map((loss, i) => ({ lr: 10 ** (i - 4), loss, smoothed: loss }));
    expect(suggestLearningRate(pts)).toEqual({ divergedAt: 5, largestStableLr: 1, suggestedLr: 0.5 });
    expect(
      suggestLearningRate([
        { lr: 1, loss: 1, smoothed: 1 },
        { lr: 2, loss: NaN, smoothed: NaN },
      ]).largestStableLr,
    ).toBe(1);
  });

  it('runs the range test on a throwaway model without leaking', async () => {
    const data = makeRegressionSet({ n: 256, outlierFraction: 0, seed: 9 });
    const c = regressionConfig('mse');
    const model = buildMlp({ ...c, optimizer: 'sgd' });
    const t = mlpTensors(
      c,
      data.x.map((v) => [v]),
      data.y,
    );
    try {
      await lrRangeTest(model, t.x, t.y, { minLr: 1e-4, maxLr: 1e-3, batchSize: 8, steps: 2 }); // warm-up: optimizer state
      let r!: Awaited<ReturnType<typeof lrRangeTest>>;
      expect(
        await leakedTensors(async () => {
          r = await lrRangeTest(model, t.x, t.y, { minLr: 1e-4, maxLr: 50, batchSize: 8, steps: 60 });
        }),
      ).toBe(0);
      console.log(
        `LR range test: ${r.points.length} steps, diverged at ${r.divergedAt}, largest stable ${r.largestStableLr.toExponential(2)}, suggested ${r.suggestedLr.toExponential(2)}`,
      );
      expect(r.suggestedLr).toBeGreaterThan(1e-4);
      expect(r.suggestedLr).toBeLessThan(50);
    } finally {
      tf.dispose([t.x, t.y]);
      disposeModel(model);
    }
  });

  it('generates Sequential and Functional code', () => {
    const c = validateMlpConfig({ hiddenLayers: [8, 4], loss: 'huber', huberDelta: 2, outputActivation: 'none' });
    const specs = mlpLayerSpecs(c);
    const comp = { loss: c.loss, huberDelta: 2, optimizer: c.optimizer, learningRate: c.learningRate, outputUnits: 1 };
    const seq = sequentialCode([2], specs, comp, { init: 'glorot', seed: 42 });
    expect(seq).toContain(
      `model.add(tf.layers.dense({ inputShape: [2], name: 'hidden1', units: 8, activation: 'tanh', kernelInitializer: init(42) }));`,
    );
    expect(seq).toContain('const init = (seed) => tf.initializers.glorotUniform({ seed });');
    expect(seq).toContain('tf.losses.huberLoss(yTrue, yPred, undefined, 2)');
    const fn = functionalCode([2], specs, comp, { init: 'zeros', seed: 3 });
    expect(fn).toContain(
      `const output = tf.layers.dense({ name: 'output', units: 1, activation: 'linear', kernelInitializer: init(5) }).apply(hidden2);`,
    );
    expect(fn).toContain('const init = (_seed) => tf.initializers.zeros();');
    expect(fn).toContain('tf.model({ inputs: input, outputs: output })');
  });
});
