import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { argmax, checkSamples, classify, trainHead, validateClassifierConfig } from '../../src/core/classifier/index.ts';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { useTestBackend } from '../detection/helpers.ts';
import { syntheticSamples } from './helpers.ts';

beforeAll(async () => {
  await useTestBackend();
});

describe('config and sample validation', () => {
  it('names the bad key, value and range', () => {
    expect(() => validateClassifierConfig({ epochs: 0 })).toThrow('epochs is 0; expected an integer in [1, 1000]');
    expect(() => validateClassifierConfig({ learningRate: -1 })).toThrow('learningRate is -1; expected a number in [0.000001, 1]');
    expect(() => validateClassifierConfig({ minSamplesPerClass: 1 })).toThrow('minSamplesPerClass is 1; expected an integer in [2, 1000]');
    expect(validateClassifierConfig({ hiddenUnits: 0 }).hiddenUnits).toBe(0);
    expect(() => validateClassifierConfig({ epoch: 5 } as never)).toThrow('epoch is 5; expected no such setting; known settings: epochs,');
  });

  it('asks for at least 2 samples of 2 classes, saying what it has', () => {
    expect(() => checkSamples([], 2)).toThrow('Capture at least 2 samples for each of 2 classes (have none yet)');
    expect(() => checkSamples(syntheticSamples(['mug'], 3), 2)).toThrow('Capture at least 2 samples for each of 2 classes (have mug: 3)');
    const s = [...syntheticSamples(['mug'], 3), ...syntheticSamples(['cup'], 1)];
    expect(() => checkSamples(s, 2)).toThrow('(have mug: 3, cup: 1)');
    const bad = [...syntheticSamples(['a', 'b'], 2), { className: 'a', embedding: new Float32Array(3) }];
    expect(() => checkSamples(bad, 2)).toThrow(
      'sample 4 has an embedding of length 3 or non-finite values; expected 16 finite numbers like the first',
    );
    expect(checkSamples(syntheticSamples(['a', 'b'], 2), 2)).toEqual({ classNames: ['a', 'b'], dim: 16 });
  });
});

describe('trainHead + classify on synthetic embeddings', () => {
  it('separates three classes, reports every epoch, and classifies held-out samples', async () => {
    const train = syntheticSamples(['red', 'green', 'blue'], 8, 16, 1);
    const test = syntheticSamples(['red', 'green', 'blue'], 5, 16, 99);
    const epochs: number[] = [];
    const r = await trainHead(train, { epochs: 30 }, { onEpoch: (e) => epochs.push(e.epoch) });
    try {
      expect(epochs).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(r.classNames).toEqual(['red', 'green', 'blue']);
      expect(r.history[29].loss).toBeLessThan(r.history[0].loss);
      const probs = await classify(
        r.model,
        test.map((s) => s.embedding),
      );
      const correct = probs.filter((p, i) => r.classNames[argmax(p)] === test[i].className).length;
      expect(correct).toBe(15);
      for (const p of probs) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      await expect(classify(r.model, [new Float32Array(5)])).rejects.toThrow('embedding 0 has length 5; the classifier expects 16');
    } finally {
      disposeModel(r.model);
    }
  });

  it('stops on abort and disposes the half-trained model', async () => {
    const before = tf.memory().numTensors;
    const ctl = new AbortController();
    const run = trainHead(
      syntheticSamples(['a', 'b'], 4),
      { epochs: 50 },
      { signal: ctl.signal, onEpoch: (e) => e.epoch === 2 && ctl.abort() },
    );
    await expect(run).rejects.toThrow('training stopped by the user after epoch 3');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the tensor count flat over train/classify cycles', async () => {
    const samples = syntheticSamples(['a', 'b'], 6);
    const once = async () => {
      const r = await trainHead(samples, { epochs: 3 });
      await classify(
        r.model,
        samples.map((s) => s.embedding),
      );
      disposeModel(r.model);
    };
    await once(); // warm-up: backend kernels, caches
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await once();
    expect(tf.memory().numTensors).toBe(before);
  });
});
