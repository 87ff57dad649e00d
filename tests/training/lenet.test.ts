import { disposeModel } from '../../src/core/training/disposeModel.ts';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLenet, DEFAULT_LENET_CONFIG, lenetLayerSpecs, validateLenetConfig } from '../../src/core/training/lenetConfig.ts';
import { computeLayerShapes } from '../../src/core/training/layerShapes.ts';
import { mnistTensors, splitMnist, labelsOf, type MnistData } from '../../src/core/training/mnistData.ts';
import { loadMnistFs } from '../../src/node/training/mnistFs.ts';
import { trainModel } from '../../src/core/training/trainer.ts';
import { EarlyStopping } from '../../src/core/training/earlyStopping.ts';
import { ModelCheckpoint } from '../../src/core/training/modelCheckpoint.ts';
import { confusionMatrix, accuracyFromConfusion, predictClasses } from '../../src/core/training/confusion.ts';
import { featureMaps } from '../../src/core/training/featureMaps.ts';
import { loadValidatedModel, saveToArtifacts } from '../../src/core/training/modelIO.ts';
import { buildMlp } from '../../src/core/training/mlpModel.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

let mnist: MnistData;
let train: { x: tf.Tensor4D; y: tf.Tensor2D };
let test: { x: tf.Tensor4D; y: tf.Tensor2D };
let testIdx: number[];
let model: tf.Sequential;

beforeAll(async () => {
  await useTrainingBackend();
  mnist = loadMnistFs();
  const split = splitMnist(mnist.count);
  testIdx = split.test;
  train = mnistTensors(mnist, split.train.slice(0, 4000));
  test = mnistTensors(mnist, split.test);
  model = buildLenet();
});

afterAll(() => {
  tf.dispose([train.x, train.y, test.x, test.y]);
  disposeModel(model);
});

describe('LeNet-5 architecture', () => {
  it('computes exact output shapes and parameter counts, matching tf', () => {
    const c = validateLenetConfig();
    const { layers, totalParams } = computeLayerShapes(c.inputShape, lenetLayerSpecs(c));
    expect(layers.map((l) => [l.name, l.outputShape, l.params])).toEqual([
      ['conv1', [28, 28, 6], 156],
      ['pool1', [14, 14, 6], 0],
      ['conv2', [10, 10, 16], 2416],
      ['pool2', [5, 5, 16], 0],
      ['flatten', [400], 0],
      ['dense1', [120], 48120],
      ['dense2', [84], 10164],
      ['output', [10], 850],
    ]);
    expect(totalParams).toBe(61706);
    expect(model.countParams()).toBe(totalParams);
    model.layers.forEach((l, i) => {
      expect((l.outputShape as number[]).slice(1)).toEqual(layers[i].outputShape);
      expect(l.countParams()).toBe(layers[i].params);
    });
  });

  it('matches tf for an edited architecture (stride 2, avg pool, valid)', () => {
    const c = validateLenetConfig({
      convBlocks: [
        { filters: 8, kernelSize: 3, stride: 2, padding: 'valid', pool: 'avg', poolSize: 3, poolStride: 1 },
        { filters: 4, kernelSize: 3, stride: 1, padding: 'same', pool: 'none', poolSize: 2, poolStride: 2 },
      ],
      denseUnits: [16],
      activation: 'tanh',
    });
    const { layers, totalParams } = computeLayerShapes(c.inputShape, lenetLayerSpecs(c));
    const m = buildLenet(c);
    try {
      expect(layers[0].outputShape).toEqual([13, 13, 8]);
      expect(m.countParams()).toBe(totalParams);
      m.layers.forEach((l, i) => expect((l.outputShape as number[]).slice(1)).toEqual(layers[i].outputShape));
    } finally {
      disposeModel(m);
    }
  });

  it('rejects architectures that collapse, naming the layer', () => {
    expect(() =>
      validateLenetConfig({
        convBlocks: [
          ...DEFAULT_LENET_CONFIG.convBlocks,
          { filters: 8, kernelSize: 7, stride: 1, padding: 'valid', pool: 'none', poolSize: 2, poolStride: 2 },
        ],
      }),
    ).toThrow(/layer conv3 output shape is \[-1, -1, 8\] from input \[5, 5, 16\]/);
    expect(() => validateLenetConfig({ convBlocks: [{ ...DEFAULT_LENET_CONFIG.convBlocks[0], kernelSize: 12 }] })).toThrow(
      /kernelSize is 12; allowed: integer 1..11/,
    );
  });
});

describe('LeNet-5 training on MNIST', () => {
  it('1 epoch on 4000 digits beats chance by a wide margin, with checkpoint + early stopping, no leaks', async () => {
    const saved: tf.io.ModelArtifacts[] = [];
    const ckpt = new ModelCheckpoint({
      target: tf.io.withSaveHandler(async (a) => {
        saved.push(a);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
      monitor: 'val_accuracy',
    });
    const es = new EarlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
    const t0 = performance.now();
    const r = await trainModel(
      model,
      { x: train.x, y: train.y, xVal: test.x, yVal: test.y },
      { epochs: 1, batchSize: 32, seed: 1, callbacks: [ckpt, es] },
    );
    const pred = await predictClasses(model, test.x);
    const acc = accuracyFromConfusion(confusionMatrix(labelsOf(mnist, testIdx), pred, 10));
    console.log(
      `LeNet 1 epoch on 4000 digits: ${(performance.now() - t0).toFixed(0)} ms, test accuracy ${acc.toFixed(4)}, val_loss ${r.history[0].val_loss?.toFixed(4)}`,
    );
    expect(r.stopReason).toBe('completed');
    expect(acc).toBeGreaterThan(0.85);
    expect(acc).toBeCloseTo(r.history[0].val_accuracy ?? 0, 5);
    expect(ckpt.savedEpochs).toEqual([0]);
    expect(saved[0].weightData).toBeDefined();
    // second short run (optimizer state exists now): tensor count must stay flat
    const small = { x: train.x.slice(0, 256), y: train.y.slice(0, 256) };
    try {
      const leaked = await leakedTensors(() =>
        trainModel(
          model,
          { ...small, xVal: small.x, yVal: small.y },
          { epochs: 2, batchSize: 64, callbacks: [new EarlyStopping({ patience: 1 })] },
        ),
      );
      expect(leaked).toBe(0);
    } finally {
      tf.dispose([small.x, small.y]);
    }
  });

  it('resumes from nextEpoch after an abort', async () => {
    const ac = new AbortController();
    const small = { x: train.x.slice(0, 128), y: train.y.slice(0, 128) };
    try {
      const r1 = await trainModel(model, small, {
        epochs: 3,
        batchSize: 64,
        signal: ac.signal,
        callbacks: [{ onEpochEnd: () => ac.abort() }],
      });
      expect([r1.stopReason, r1.nextEpoch]).toEqual(['aborted', 1]);
      const r2 = await trainModel(model, small, { epochs: 3, batchSize: 64, initialEpoch: r1.nextEpoch });
      expect(r2.history.map((h) => h.epoch)).toEqual([1, 2]);
    } finally {
      tf.dispose([small.x, small.y]);
    }
  });

  it('gives feature maps of every conv/pool layer without leaking', async () => {
    const x = tf.tidy(() => test.x.slice(0, 1).squeeze([0]));
    try {
      let maps: Awaited<ReturnType<typeof featureMaps>> = [];
      await featureMaps(model, x); // first call builds the cached probe model
      expect(
        await leakedTensors(async () => {
          maps = await featureMaps(model, x);
        }),
      ).toBe(0);
      expect(maps.map((m) => [m.name, m.shape])).toEqual([
        ['conv1', [28, 28, 6]],
        ['pool1', [14, 14, 6]],
        ['conv2', [10, 10, 16]],
        ['pool2', [5, 5, 16]],
      ]);
      expect(maps[0].data.length).toBe(28 * 28 * 6);
    } finally {
      x.dispose();
    }
  });
});

describe('model save/load', () => {
  it('round-trips through memory with identical predictions and flat tensor count', async () => {
    const artifacts = await saveToArtifacts(model);
    const expected = { inputShape: [28, 28, 1], outputUnits: 10 };
    const before = tf.tidy(() => Array.from((model.predict(test.x.slice(0, 4)) as tf.Tensor).dataSync()));
    const loaded = await loadValidatedModel(tf.io.fromMemory(artifacts), expected);
    const after = tf.tidy(() => Array.from((loaded.predict(test.x.slice(0, 4)) as tf.Tensor).dataSync()));
    loaded.dispose();
    expect(after).toEqual(before);
    const leaked = await leakedTensors(async () => {
      for (let i = 0; i < 3; i++) (await loadValidatedModel(tf.io.fromMemory(await saveToArtifacts(model)), expected)).dispose();
    });
    expect(leaked).toBe(0);
  });

  it('rejects wrong topology and dtype with clear errors, disposing the rejected model', async () => {
    const mlp = buildMlp({ inputSize: 784, outputSize: 10, outputActivation: 'softmax' });
    const mlpArt = await saveToArtifacts(mlp);
    disposeModel(mlp);
    const lenetArt = await saveToArtifacts(model);
    const leaked = await leakedTensors(async () => {
      await expect(loadValidatedModel(tf.io.fromMemory(mlpArt), { inputShape: [28, 28, 1], outputUnits: 10 })).rejects.toThrow(
        /input shape does not match: expected \[28, 28, 1\], got \[784\]/,
      );
      await expect(loadValidatedModel(tf.io.fromMemory(lenetArt), { inputShape: [28, 28, 1], outputUnits: 2 })).rejects.toThrow(
        /output units do not match: expected 2, got 10/,
      );
      const intArt = { ...lenetArt, weightSpecs: lenetArt.weightSpecs!.map((s) => ({ ...s, dtype: 'int32' as const })) };
      await expect(loadValidatedModel(tf.io.fromMemory(intArt), { inputShape: [28, 28, 1], outputUnits: 10 })).rejects.toThrow(/dtype/);
      await expect(
        loadValidatedModel(tf.io.fromMemory({ modelTopology: { foo: 1 } }), { inputShape: [28, 28, 1], outputUnits: 10 }),
      ).rejects.toThrow(/not a loadable tf.js layers model/);
    });
    expect(leaked).toBe(0);
  });
});
