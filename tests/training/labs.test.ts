import { beforeAll, describe, expect, it } from 'vitest';
import { make2dDataset } from '../../src/core/training/datasets2d.ts';
import { lossCurves } from '../../src/core/training/lossCurves.ts';
import { fitPerceptronLayer, perceptronLayerAccuracy, predictPerceptronLayer } from '../../src/core/training/perceptronLayer.ts';
import {
  describeAndCast,
  methodVsOp,
  padRagged,
  parseTensorLiteral,
  sparseToDense,
  variableVsConstant,
} from '../../src/core/training/tensorLab.ts';
import { leakedTensors, useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

describe('tensor sandbox', () => {
  it('reports rank, shape and dtype and casts (float → int truncates toward zero)', async () => {
    let r: ReturnType<typeof describeAndCast> | undefined;
    expect(await leakedTensors(async () => (r = describeAndCast(parseTensorLiteral('[[1.7, -2.5], [3, 0]]'), 'float32', 'int32')))).toBe(0);
    expect(r?.tensor).toMatchObject({ rank: 2, shape: [2, 2], dtype: 'float32', size: 4 });
    expect(r?.cast).toMatchObject({
      dtype: 'int32',
      values: [
        [1, -2],
        [3, 0],
      ],
    });
    expect(describeAndCast(parseTensorLiteral('[0, 2, 0]'), 'int32', 'bool').cast.values).toEqual([false, true, false]);
  });

  it('rejects bad literals with an example', () => {
    expect(() => parseTensorLiteral('[1, 2')).toThrow(/not valid JSON.*example/);
    expect(() => parseTensorLiteral('["a"]')).toThrow(/only numbers, booleans and arrays/);
  });

  it('gives the same result for the chained method and the op function', () => {
    for (const op of ['add', 'sub', 'mul', 'div'] as const) {
      const r = methodVsOp(
        [
          [1, 2],
          [3, 4],
        ],
        [10, 20],
        op,
      );
      expect(r.same, op).toBe(true);
      expect(r.method).toEqual(r.fn);
    }
    expect(methodVsOp([1, 2], [3, 4], 'mul').fn).toEqual([3, 8]);
  });

  it('changes a variable in place but never a constant', async () => {
    let r: ReturnType<typeof variableVsConstant> | undefined;
    expect(await leakedTensors(async () => (r = variableVsConstant([1, 2], 10)))).toBe(0);
    expect(r).toEqual({ constantAfter: [1, 2], variableAfter: [11, 12], trainable: true });
  });

  it('makes a sparse tensor dense and pads a ragged batch with a mask', async () => {
    expect(
      sparseToDense(
        [
          [0, 1],
          [2, 3],
        ],
        [5, 7],
        [3, 4],
      ),
    ).toEqual([
      [0, 5, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 7],
    ]);
    expect(() => sparseToDense([[3, 0]], [1], [3, 4])).toThrow(/sparse index #0 \[3, 0\] is outside the shape \[3, 4\]/);
    let r: ReturnType<typeof padRagged> | undefined;
    expect(await leakedTensors(async () => (r = padRagged([[1, 2, 3], [4], [5, 6]])))).toBe(0);
    expect(r?.padded).toEqual([
      [1, 2, 3],
      [4, 0, 0],
      [5, 6, 0],
    ]);
    expect(r?.mask).toEqual([
      [1, 1, 1],
      [1, 0, 0],
      [1, 1, 0],
    ]);
    expect(r?.maskedMean.map((v) => +v.toFixed(4))).toEqual([2, 4, 5.5]); // the padding does not pull the means down
  });
});

describe('loss against residual', () => {
  it('is V-shaped (L1), U-shaped (L2) and Huber: quadratic within δ, linear beyond', () => {
    const c = lossCurves(1, 3, 7); // residuals −3..3 step 1
    expect(c.residuals).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(c.l1).toEqual([3, 2, 1, 0, 1, 2, 3]);
    expect(c.l2).toEqual([9, 4, 1, 0, 1, 4, 9]);
    expect(c.huber).toEqual([2.5, 1.5, 0.5, 0, 0.5, 1.5, 2.5]);
    expect(lossCurves(3, 3, 7).huber).toEqual([4.5, 2, 0.5, 0, 0.5, 2, 4.5]); // δ = 3: ½e² everywhere in range
    expect(() => lossCurves(0)).toThrow(/delta is 0/);
  });
});

describe('perceptron layer', () => {
  it('one TLU per class separates three blobs; untrained it predicts one class', () => {
    const d = make2dDataset({ kind: 'gaussians', classes: 3, n: 150, noise: 0, seed: 4 });
    const untrained = fitPerceptronLayer(d.x, d.y, 3, { maxEpochs: 0 });
    expect(untrained.units).toHaveLength(3);
    expect(perceptronLayerAccuracy(untrained.units, d.x, d.y)).toBeCloseTo(1 / 3, 5);
    const fit = fitPerceptronLayer(d.x, d.y, 3, { maxEpochs: 20, shuffle: true, seed: 1 });
    expect(fit.mistakes).toHaveLength(20);
    expect(perceptronLayerAccuracy(fit.units, d.x, d.y)).toBeGreaterThan(0.9);
    expect(predictPerceptronLayer(fit.units, [0.6, 0])).toBe(0); // the class-0 blob is centred at angle 0
  });

  it('validates the class count', () => {
    expect(() => fitPerceptronLayer([[0, 0]], [0], 1, { maxEpochs: 1 })).toThrow(/classes is 1; allowed: integer 2\.\.10/);
  });
});
