import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSequential } from '../../src/core/training/buildModel.ts';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { modelFields } from '../../src/core/training/featureMaps.ts';
import { computeLayerCosts } from '../../src/core/training/layerCosts.ts';
import type { LayerSpec } from '../../src/core/training/layerSpecs.ts';
import { buildLenet, lenetLayerSpecs, validateLenetConfig } from '../../src/core/training/lenetConfig.ts';
import { fieldRect, type FieldRect } from '../../src/core/training/receptiveField.ts';
import { useTrainingBackend } from './helpers.ts';

beforeAll(useTrainingBackend);

/** Bounding box of the input pixels whose gradient on output (row, col, channel 0) is non-zero. */
function gradientSupport(model: tf.LayersModel, layer: string, row: number, col: number, size: number): FieldRect {
  const probe = tf.model({ inputs: model.inputs, outputs: model.getLayer(layer).output as tf.SymbolicTensor });
  const g = tf.tidy(() => {
    const f = (x: tf.Tensor) => (probe.predict(x) as tf.Tensor4D).slice([0, row, col, 0], [1, 1, 1, 1]).sum();
    return tf
      .grad(f)(tf.randomUniform([1, size, size, 1], 0.5, 1, 'float32', 3))
      .abs()
      .reshape([size, size]);
  });
  const v = g.arraySync() as number[][];
  g.dispose();
  const rows = v.map((r, i) => (r.some((x) => x > 0) ? i : -1)).filter((i) => i >= 0);
  const cols = v[0].map((_, j) => (v.some((r) => r[j] > 0) ? j : -1)).filter((j) => j >= 0);
  return { top: rows[0], bottom: rows[rows.length - 1], left: cols[0], right: cols[cols.length - 1] };
}

describe('receptive fields', () => {
  it('follows the recurrence on the default LeNet (5, 6, 14, 16 pixels)', () => {
    const c = validateLenetConfig();
    const costs = computeLayerCosts(c.inputShape, lenetLayerSpecs(c));
    expect(costs.slice(0, 4).map((l) => l.field)).toEqual([
      { size: 5, jump: 1, start: 0 },
      { size: 6, jump: 2, start: 0.5 },
      { size: 14, jump: 2, start: 4.5 },
      { size: 16, jump: 4, start: 5.5 },
    ]);
    expect(costs[4].field).toBeNull(); // flatten: the whole digit
  });

  it('equals the support of the input gradient, including borders, stride 2 and same padding', () => {
    const specs: LayerSpec[] = [
      { kind: 'conv2d', name: 'c1', filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'linear' },
      { kind: 'pool', name: 'p1', pool: 'avg', poolSize: 2, strides: 2 },
      { kind: 'conv2d', name: 'c2', filters: 2, kernelSize: 3, strides: 1, padding: 'same', activation: 'linear' },
      { kind: 'conv2d', name: 'c3', filters: 1, kernelSize: 2, strides: 1, padding: 'valid', activation: 'linear' },
    ];
    const size = 20;
    const model = buildSequential([size, size, 1], specs, 5);
    try {
      const costs = computeLayerCosts([size, size, 1], specs);
      const fields = modelFields(model);
      for (const [i, spec] of specs.entries()) {
        const g = costs[i].field;
        if (!g) throw new Error('conv layers have a field');
        expect(fields.get(spec.name)).toEqual(g);
        const out = (model.getLayer(spec.name).outputShape as number[])[1];
        for (const [r, c] of [
          [0, 0],
          [1, out - 1],
          [out - 1, Math.floor(out / 2)],
        ]) {
          expect(fieldRect(g, r, c, size, size), `${spec.name} (${r}, ${c})`).toEqual(gradientSupport(model, spec.name, r, c, size));
        }
      }
    } finally {
      disposeModel(model);
    }
  });
});

describe('layer costs', () => {
  it('counts FLOPs (multiply-add = 2) and float32 activation bytes per image', () => {
    const c = validateLenetConfig();
    const costs = computeLayerCosts(c.inputShape, lenetLayerSpecs(c));
    const byName = Object.fromEntries(costs.map((l) => [l.name, l]));
    expect(byName.conv1.flops).toBe(2 * 25 * 1 * 28 * 28 * 6 + 2 * 28 * 28 * 6);
    expect(byName.pool1.flops).toBe(4 * 14 * 14 * 6);
    expect(byName.conv2.flops).toBe(2 * 25 * 6 * 10 * 10 * 16 + 2 * 10 * 10 * 16);
    expect(byName.dense1.flops).toBe(2 * 400 * 120 + 2 * 120);
    expect(byName.flatten.flops).toBe(0);
    expect(byName.conv1.activationBytes).toBe(28 * 28 * 6 * 4);
    expect(byName.output.activationBytes).toBe(40);
  });

  it('counts conv FLOPs the same as a tf.conv2d profile of multiply-adds', async () => {
    const m = buildLenet();
    try {
      const costs = computeLayerCosts([28, 28, 1], lenetLayerSpecs(validateLenetConfig()));
      // multiply-adds = kernel weights (excluding bias) × output pixels
      const conv2 = m.getLayer('conv2');
      const kernelWeights = conv2.countParams() - 16;
      expect(costs[2].flops).toBe(2 * kernelWeights * 10 * 10 + 2 * 10 * 10 * 16);
    } finally {
      disposeModel(m);
    }
  });
});
