/**
 * "Three APIs, one model": the generated Sequential, Functional and
 * Subclassing code is executed and must give the panel's own model: the same
 * parameter count, the same output on a fixed input (the code seeds its
 * initialisers like the panel, no weights are copied) and, for Subclassing,
 * the same loss and weights after one optimizer step with tf.variableGrads.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { buildLenet, DENSE_MNIST_CONFIG, validateLenetConfig, type LenetConfig } from '../../src/core/training/lenetConfig.ts';
import { MinPooling2D } from '../../src/core/training/minPooling.ts';
import { disposeOptimizer } from '../../src/core/training/optimizers.ts';
import { validateMlpConfig, type MlpConfig } from '../../src/core/training/mlpConfig.ts';
import { buildMlp } from '../../src/core/training/mlpModel.ts';
import { CODE_API_TRADEOFFS, lenetCode, mlpCode, type ModelCode } from '../../src/core/training/modelCode.ts';
import { mulberry32 } from '../../src/core/training/rng.ts';
import { buildWideDeep } from '../../src/core/training/wideDeep.ts';
import { useTrainingBackend } from './helpers.ts';

type Out = tf.Tensor | tf.Tensor[];

interface Subclassed {
  countParams(): number;
  call(x: tf.Tensor): Out;
  trainStep(x: tf.Tensor, y: tf.Tensor): number;
  dispose(): void;
}

/** Runs generated code: drops its import lines (the app's helpers they name are passed in) and returns the `model` it defines. */
function run<T>(code: string, xTrain?: tf.Tensor2D): T {
  const body = code
    .split('\n')
    .filter((l) => !l.startsWith('import '))
    .join('\n');
  return new Function('tf', 'MinPooling2D', 'disposeOptimizer', 'xTrain', `${body}\nreturn model;`)(
    tf,
    MinPooling2D,
    disposeOptimizer,
    xTrain,
  ) as T;
}

function randoms(n: number, seed: number): number[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () => r() * 2 - 1);
}

const list = (t: Out): tf.Tensor[] => (Array.isArray(t) ? t : [t]);

/** Largest absolute difference over every output (a Wide & Deep auxiliary output makes two). */
function maxDiff(a: Out, b: Out): number {
  const [as, bs] = [list(a), list(b)];
  expect(as.map((t) => t.shape)).toEqual(bs.map((t) => t.shape));
  return Math.max(...as.map((t, i) => tf.tidy(() => tf.max(tf.abs(tf.sub(t, bs[i]))).dataSync()[0])));
}

const silence = vi.spyOn(console, 'log').mockImplementation(() => {}); // model.summary()
afterAll(() => silence.mockRestore());
beforeAll(useTrainingBackend);

/** Compares all three APIs with the panel's model on input `x` (and one training step on `y` for Subclassing). */
async function compare(code: ModelCode, panel: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, xTrain?: tf.Tensor2D): Promise<void> {
  const expected = tf.tidy(() => panel.predict(x));
  for (const api of ['sequential', 'functional'] as const) {
    const src = code[api];
    if (src === null) continue;
    const m = run<tf.LayersModel>(src, xTrain);
    try {
      expect(m.countParams(), api).toBe(panel.countParams());
      const got = tf.tidy(() => m.predict(x));
      expect(maxDiff(got, expected), api).toBeLessThan(1e-5);
      tf.dispose(got);
    } finally {
      disposeModel(m);
    }
  }
  const sub = run<Subclassed>(code.subclassing, xTrain);
  try {
    expect(sub.countParams()).toBe(panel.countParams());
    const got = tf.tidy(() => sub.call(x));
    expect(maxDiff(got, expected)).toBeLessThan(1e-5);
    tf.dispose(got);
    // One step: the panel's compiled model (its loss and optimizer) against tf.variableGrads + applyGradients.
    const logs = await panel.trainOnBatch(x, list(expected).length > 1 ? list(expected).map(() => y) : y);
    const panelLoss = Array.isArray(logs) ? logs[0] : logs;
    const subLoss = sub.trainStep(x, y);
    expect(subLoss).toBeCloseTo(panelLoss, 5);
    const after = tf.tidy(() => maxDiff(sub.call(x), panel.predict(x)));
    expect(after).toBeLessThan(1e-4);
    const moved = tf.tidy(() => maxDiff(sub.call(x), expected));
    expect(moved).toBeGreaterThan(0); // the step changed the weights
  } finally {
    sub.dispose();
    tf.dispose(expected);
  }
}

interface Fixture {
  panel: tf.LayersModel;
  x: tf.Tensor;
  y: tf.Tensor;
  xTrain?: tf.Tensor2D;
}

/** Builds the panel's model and data, compares, disposes everything and checks that no tensor is left behind. */
async function checkAll(code: ModelCode, make: () => Fixture): Promise<void> {
  const before = tf.memory().numTensors;
  const f = make();
  try {
    await compare(code, f.panel, f.x, f.y, f.xTrain);
  } finally {
    disposeModel(f.panel);
    tf.dispose([f.x, f.y, ...(f.xTrain ? [f.xTrain] : [])]);
  }
  expect(tf.memory().numTensors).toBe(before); // every API's model, optimizer and variables disposed
}

function oneHot(n: number, classes: number, seed: number): tf.Tensor2D {
  const r = mulberry32(seed);
  return tf.tidy(
    () =>
      tf
        .oneHot(
          tf.tensor1d(
            Array.from({ length: n }, () => Math.floor(r() * classes)),
            'int32',
          ),
          classes,
        )
        .toFloat() as tf.Tensor2D,
  );
}

describe('three APIs, one model: MLP', () => {
  const cases: [string, Partial<MlpConfig>][] = [
    ['panel default (2 → 8 → 8 → softmax 2)', { outputActivation: 'softmax', outputSize: 2, hiddenLayers: [8, 8] }],
    [
      '3 → 5 → 3 → 4 → linear 2, relu, Huber, momentum, He',
      {
        inputSize: 3,
        outputSize: 2,
        hiddenLayers: [5, 3, 4],
        hiddenActivation: 'relu',
        outputActivation: 'none',
        loss: 'huber',
        huberDelta: 0.5,
        // Momentum: tfjs 4.22's MomentumOptimizer.dispose() leaks its learning-rate scalar, so the
        // Subclassing code disposes it with disposeOptimizer and checkAll's tensor count stays flat.
        optimizer: 'momentum',
        learningRate: 0.1,
        kernelInit: 'he',
        seed: 7,
      },
    ],
  ];
  it.each(cases)('%s', async (_, partial) => {
    const c = validateMlpConfig(partial);
    const code = mlpCode(c);
    expect(code.sequential).toContain('tf.sequential()');
    await checkAll(code, () => ({
      panel: buildMlp(c),
      x: tf.tensor2d(randoms(6 * c.inputSize, 1), [6, c.inputSize]),
      y: c.outputActivation === 'softmax' ? oneHot(6, c.outputSize, 2) : tf.tensor2d(randoms(6 * c.outputSize, 3), [6, c.outputSize]),
    }));
  });

  it('changes with the settings', () => {
    const a = mlpCode(validateMlpConfig({ hiddenLayers: [8] }));
    const b = mlpCode(validateMlpConfig({ hiddenLayers: [8, 3], hiddenActivation: 'relu' }));
    expect(b.subclassing).toContain('this.hidden2 = weights([8, 3], 43);');
    expect(b.subclassing).toContain('h = tf.relu(h.matMul(this.hidden2.kernel).add(this.hidden2.bias));');
    expect(a.subclassing).not.toContain('hidden2');
    expect(b.functional).toContain(
      `const hidden2 = tf.layers.dense({ name: 'hidden2', units: 3, activation: 'relu', kernelInitializer: init(43) }).apply(hidden1);`,
    );
    expect(b.subclassing).toContain('tf.variableGrads(');
    // Momentum's dispose() leaks a scalar in tfjs 4.22: that code disposes through the app's disposeOptimizer.
    const m = mlpCode(validateMlpConfig({ optimizer: 'momentum' })).subclassing;
    expect(m).toContain(`import { disposeOptimizer } from './optimizers.ts';`);
    expect(m).toContain('    disposeOptimizer(this.optimizer);');
    expect(m).not.toContain('this.optimizer.dispose()');
    expect(a.subclassing).toContain('    this.optimizer.dispose();');
    expect(a.subclassing).not.toContain('disposeOptimizer');
    expect(Object.values(CODE_API_TRADEOFFS).every((t) => t.length > 20 && !t.includes('\n'))).toBe(true);
  });
});

describe('three APIs, one model: Wide & Deep', () => {
  const cases: [string, Partial<MlpConfig>][] = [
    ['regression 1 → [8, 8] ⊕ input → 1', { inputSize: 1, outputSize: 1, outputActivation: 'none', loss: 'mse', hiddenLayers: [8, 8] }],
    [
      '3 → [6] ⊕ input → sigmoid 1, relu, cross-entropy, adam, seed 11',
      {
        inputSize: 3,
        outputSize: 1,
        outputActivation: 'sigmoid',
        loss: 'crossentropy',
        hiddenLayers: [6],
        hiddenActivation: 'relu',
        seed: 11,
      },
    ],
    [
      'with an auxiliary output on the deep path (loss weights 0.7 / 0.3), 2 → [5, 4] ⊕ input → 1, Huber',
      { inputSize: 2, outputSize: 1, outputActivation: 'none', loss: 'huber', hiddenLayers: [5, 4], auxWeight: 0.3 },
    ],
  ];
  it.each(cases)('%s', async (_, partial) => {
    const c = validateMlpConfig({ ...partial, wide: true });
    const code = mlpCode(c);
    expect(code.sequential).toBeNull(); // two paths: not a sequential model
    const rows = Array.from({ length: 20 }, (_, i) => randoms(c.inputSize, 100 + i).map((v, j) => v * (j + 2) + j));
    await checkAll(code, () => ({
      panel: buildWideDeep(c, rows),
      xTrain: tf.tensor2d(rows),
      x: tf.tensor2d(rows.slice(0, 6)),
      y: tf.tensor2d(randoms(6, 5).map((v) => [c.loss === 'crossentropy' ? Number(v > 0) : v])),
    }));
  });
});

describe('three APIs, one model: LeNet', () => {
  const cases: [string, Partial<LenetConfig>][] = [
    ['LeNet-5 (panel default)', {}],
    [
      'min and average pooling, stride 2, tanh, sgd, He',
      {
        convBlocks: [
          { filters: 4, kernelSize: 3, stride: 1, padding: 'valid', pool: 'min', poolSize: 2, poolStride: 2 },
          { filters: 5, kernelSize: 3, stride: 2, padding: 'same', pool: 'avg', poolSize: 2, poolStride: 1 },
        ],
        denseUnits: [16],
        activation: 'tanh',
        optimizer: 'sgd',
        learningRate: 0.05,
        kernelInit: 'he',
        seed: 5,
      },
    ],
    ['dense MNIST (0 conv blocks: Flatten → 300 → 100 → 10)', { ...DENSE_MNIST_CONFIG }],
  ];
  it.each(cases)('%s', async (_, partial) => {
    const c = validateLenetConfig(partial);
    const code = lenetCode(c);
    await checkAll(code, () => ({
      panel: buildLenet(c),
      x: tf.tensor4d(
        randoms(3 * 784, 9).map((v) => Math.max(0, v)),
        [3, 28, 28, 1],
      ),
      y: oneHot(3, 10, 4),
    }));
  });
});
