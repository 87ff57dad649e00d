import { disposeModel } from '../../src/core/training/disposeModel.ts';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { make2dDataset } from '../../src/core/training/datasets2d.ts';
import { fitPerceptron, perceptronAccuracy, perceptronStep, initPerceptron } from '../../src/core/training/perceptron.ts';
import { buildMlp } from '../../src/core/training/mlpModel.ts';
import { classAccuracy, predictMlp, trainMlp } from '../../src/core/training/trainMlp.ts';
import { validateMlpConfig } from '../../src/core/training/mlpConfig.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const XOR_Y = [0, 1, 1, 0];

beforeAll(useTrainingBackend);

describe('perceptron rule', () => {
  it('applies exact updates on a tiny AND set', () => {
    let s = initPerceptron(2);
    // w=0,b=0: decision 0 → mistake for label 0 (t=-1): w -= x, b -= 1.
    let r = perceptronStep(s, [1, 1], 0, 1);
    expect(r).toEqual({ state: { weights: [-1, -1], bias: -1 }, updated: true });
    s = r.state;
    r = perceptronStep(s, [0, 0], 0, 1); // decision -1, correct
    expect(r.updated).toBe(false);
    r = perceptronStep(s, [1, 1], 1, 0.5); // decision -3 → w += 0.5x, b += 0.5
    expect(r.state).toEqual({ weights: [-0.5, -0.5], bias: -0.5 });
  });

  it('converges on AND and cannot beat 75% on XOR', () => {
    const and = fitPerceptron(XOR_X, [0, 0, 0, 1], { maxEpochs: 50 });
    expect(and.converged).toBe(true);
    expect(perceptronAccuracy(and.state, XOR_X, [0, 0, 0, 1])).toBe(1);
    const xor = fitPerceptron(XOR_X, XOR_Y, { maxEpochs: 200 });
    expect(xor.converged).toBe(false);
    const acc = perceptronAccuracy(xor.state, XOR_X, XOR_Y);
    const ds = make2dDataset({ kind: 'xor', n: 200, noise: 0, seed: 3 });
    const big = fitPerceptron(ds.x, ds.y, { maxEpochs: 100, shuffle: true, seed: 1 });
    const bigAcc = perceptronAccuracy(big.state, ds.x, ds.y);
    console.log(`perceptron XOR accuracy: 4-point ${acc}, 200-point ${bigAcc}`);
    expect(acc).toBeLessThanOrEqual(0.75);
    expect(bigAcc).toBeLessThanOrEqual(0.75);
  });
});

describe('MLP', () => {
  it('1 hidden layer reaches 100% on XOR and leaks no tensors', async () => {
    const config = validateMlpConfig({
      hiddenLayers: [4],
      hiddenActivation: 'tanh',
      outputActivation: 'sigmoid',
      loss: 'crossentropy',
      optimizer: 'adam',
      learningRate: 0.05,
      batchSize: 4,
      epochs: 300,
      seed: 7,
    });
    const model = buildMlp(config);
    try {
      const epochs: number[] = [];
      const first = await trainMlp(model, { ...config, epochs: 1 }, { x: XOR_X, y: XOR_Y }); // warm-up creates optimizer slots
      expect(first.stopReason).toBe('completed');
      const leaked = await leakedTensors(() =>
        trainMlp(
          model,
          config,
          { x: XOR_X, y: XOR_Y },
          { x: XOR_X, y: XOR_Y },
          { onEpochEnd: (l) => epochs.push(l.loss), initialEpoch: 1 },
        ),
      );
      expect(leaked).toBe(0);
      const acc = classAccuracy(await predictMlp(model, XOR_X), XOR_Y);
      console.log(`MLP XOR accuracy ${acc}, final loss ${epochs.at(-1)?.toFixed(4)}`);
      expect(acc).toBe(1);
    } finally {
      disposeModel(model);
    }
  });

  it('stops on abort and reports where to resume', async () => {
    const config = validateMlpConfig({ epochs: 50, batchSize: 1 });
    const model = buildMlp(config);
    const ac = new AbortController();
    try {
      const r = await trainMlp(model, config, { x: XOR_X, y: XOR_Y }, undefined, {
        onEpochEnd: (l) => {
          if (l.epoch === 2) ac.abort();
        },
        signal: ac.signal,
      });
      expect(r.stopReason).toBe('aborted');
      expect(r.nextEpoch).toBe(3);
      expect(r.history).toHaveLength(3);
    } finally {
      disposeModel(model);
    }
  });

  it('validates the config with messages naming the value', () => {
    expect(() => validateMlpConfig({ hiddenLayers: [8, 8, 8, 8, 8, 8] })).toThrow(/hiddenLayers.length is 6; allowed: integer 1..5/);
    expect(() => validateMlpConfig({ hiddenLayers: [101] })).toThrow(/hiddenLayers\[0\] is 101/);
    expect(() => validateMlpConfig({ learningRate: 0 })).toThrow(/learningRate is 0/);
    expect(() => validateMlpConfig({ loss: 'crossentropy', outputActivation: 'none' })).toThrow(/crossentropy/);
    // @ts-expect-error invalid optimizer name is a type error too
    expect(() => validateMlpConfig({ optimizer: 'rmsprop' })).toThrow(/optimizer is "rmsprop"; allowed: sgd, momentum, adam/);
  });
  void tf;
});
