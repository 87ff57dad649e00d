import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { labelsOf, mnistTensors, splitMnist } from '../../src/core/training/mnistData.ts';
import { buildZooModel, INCEPTION, RESIDUAL, ZOO_PRESETS, zooParamCount } from '../../src/core/training/zooModels.ts';
import { runZooModel, savedSize, validateZooRunConfig, type ZooData } from '../../src/core/training/zooRun.ts';
import { loadMnistFs } from '../../src/node/training/mnistFs.ts';
import { ZOO_BENCH_ROWS } from '../../src/core/training/zooBench.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';
import { zooDigits } from '../../src/app/training/zooClient.ts';

let data: ZooData;
beforeAll(async () => {
  await useTrainingBackend();
  const mnist = loadMnistFs();
  const split = splitMnist(mnist.count);
  const train = mnistTensors(mnist, split.train.slice(0, 256));
  const valIdx = split.val.slice(0, 100);
  data = { x: train.x, y: train.y, xVal: mnistTensors(mnist, valIdx).x, valLabels: labelsOf(mnist, valIdx) };
});
afterAll(() => tf.dispose([data.x, data.y, data.xVal]));

describe('zoo models', () => {
  it('the benchmark covers every preset and the residual block without its skip', () => {
    expect(ZOO_BENCH_ROWS).toEqual([
      { preset: 'lenet5', skip: true },
      { preset: 'alexnet', skip: true },
      { preset: 'inception', skip: true },
      { preset: 'residual', skip: true },
      { preset: 'residual', skip: false },
    ]);
  });

  it('each takes a digit and gives 10 probabilities', () => {
    for (const p of ZOO_PRESETS) {
      const m = buildZooModel(p);
      try {
        expect(m.inputs[0].shape, p).toEqual([null, 28, 28, 1]);
        expect(m.outputs[0].shape, p).toEqual([null, 10]);
      } finally {
        disposeModel(m);
      }
    }
  });

  it('has the expected parameter counts (LeNet-5 61 706; the Inception concat has every branch)', () => {
    expect(zooParamCount('lenet5')).toBe(61706);
    const m = buildZooModel('inception');
    try {
      const channels = INCEPTION.b1 + INCEPTION.b3 + INCEPTION.b5 + INCEPTION.pool;
      expect(m.getLayer('concat').outputShape).toEqual([null, 14, 14, channels]);
      // the head sees 7×7×channels after the last pool
      expect(m.getLayer('output').countParams()).toBe(7 * 7 * channels * 10 + 10);
    } finally {
      disposeModel(m);
    }
  });

  it('removing the skip connection removes exactly the 1×1 projection shortcut', () => {
    const withSkip = zooParamCount('residual', { skip: true });
    const without = zooParamCount('residual', { skip: false });
    expect(withSkip - without).toBe(RESIDUAL.in * RESIDUAL.out + RESIDUAL.out);
    const m = buildZooModel('residual', { skip: false });
    try {
      expect(m.layers.map((l) => l.name)).not.toContain('add');
    } finally {
      disposeModel(m);
    }
  });

  it('is seeded: the same seed gives the same weights', () => {
    const [a, b] = [buildZooModel('alexnet', { seed: 3 }), buildZooModel('alexnet', { seed: 3 })];
    try {
      expect(a.getLayer('conv2b').getWeights()[0].arraySync()).toEqual(b.getLayer('conv2b').getWeights()[0].arraySync());
    } finally {
      disposeModel(a);
      disposeModel(b);
    }
  });
});

describe('zoo run', () => {
  it("the worker's digits (zooDigits, copies to transfer) give the same tensors and labels as the split's indices", () => {
    const mnist = loadMnistFs();
    const split = splitMnist(mnist.count);
    const { train, val } = zooDigits(mnist, split, 40, 20);
    expect([train.count, val.count]).toEqual([40, 20]);
    expect(train.pixels.buffer).not.toBe(mnist.pixels.buffer);
    expect(Array.from(val.labels)).toEqual(labelsOf(mnist, split.val.slice(0, 20)));
    tf.tidy(() => {
      const a = mnistTensors(train, [...Array(40).keys()]);
      const b = mnistTensors(mnist, split.train.slice(0, 40));
      expect(Array.from(a.x.dataSync())).toEqual(Array.from(b.x.dataSync()));
      expect(Array.from(a.y.dataSync())).toEqual(Array.from(b.y.dataSync()));
    });
  });

  it('rejects bad configs naming the value', () => {
    expect(() => validateZooRunConfig({ preset: 'lenet5', epochs: 0 })).toThrow(/epochs is 0; allowed: integer 1\.\.50/);
    expect(() => validateZooRunConfig({ preset: 'vgg' as never })).toThrow(
      /preset is "vgg"; allowed: lenet5, alexnet, inception, residual/,
    );
  });

  it('trains every preset, reports the table row and leaves no tensors behind', async () => {
    for (const preset of ZOO_PRESETS) {
      let row: Awaited<ReturnType<typeof runZooModel>> | undefined;
      const leaked = await leakedTensors(async () => (row = await runZooModel(validateZooRunConfig({ preset, epochs: 2 }), data)));
      expect(leaked, preset).toBe(0);
      if (!row) throw new Error('no row');
      expect(row.epochs).toBe(2);
      expect(row.backend).toBe('wasm');
      expect(row.params).toBe(zooParamCount(preset));
      // 256 digits, 2 epochs: well above chance (10%) for every architecture.
      expect(row.valAccuracy, preset).toBeGreaterThan(0.3);
      expect(row.msPerEpoch).toBeGreaterThan(0);
      expect(row.inferenceMsPerDigit).toBeGreaterThan(0);
      // float32 weights plus the JSON topology
      expect(row.savedBytes).toBeGreaterThan(row.params * 4);
      expect(row.savedBytes).toBeLessThan(row.params * 4 + 20_000);
    }
  });

  it('saved size is the weights plus the topology', async () => {
    const m = buildZooModel('residual');
    try {
      expect(await savedSize(m)).toBe(m.countParams() * 4 + JSON.stringify(m.toJSON(null, false)).length);
    } finally {
      disposeModel(m);
    }
  });
});
