/** Plain-TS pieces behind the training panels: storage errors, saved-model names, unreadable imports, MLP data, chart scales. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeStorageError, isQuotaError } from '../../src/core/training/storageErrors.ts';
import { savedModelUrl } from '../../src/core/training/savedModels.ts';
import { loadValidatedModel } from '../../src/core/training/modelIO.ts';
import { ModelValidationError } from '../../src/core/training/ModelValidationError.ts';
import { validateMlpConfig } from '../../src/core/training/mlpConfig.ts';
import { boundaryGrid, DEFAULT_DATA, makeTaskData, shapeFor, splitTask } from '../../src/app/training/mlpData.ts';
import { extent, makeScale, niceTicks } from '../../src/app/training/chartScale.ts';
import { useTrainingBackend } from './helpers.ts';

beforeAll(async () => {
  await useTrainingBackend();
});

describe('storage errors', () => {
  it('recognises quota errors by name and message and says what to do', () => {
    const q = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(isQuotaError(q)).toBe(true);
    expect(isQuotaError(new Error('Failed to write: Quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('network'))).toBe(false);
    expect(describeStorageError('saving "a"', q)).toMatch(/^saving "a" failed: the browser's storage quota .* Delete saved models/);
    expect(describeStorageError('listing', new Error('IndexedDB is not supported'))).toMatch(/IndexedDB is unavailable/);
    expect(describeStorageError('x', 'boom')).toBe('x failed: boom');
    expect(describeStorageError('keeping', q, 'Delete saved detections.')).toMatch(/quota .* full .*\. Delete saved detections\.$/);
  });
});

describe('saved model names', () => {
  it('builds prefixed indexeddb URLs and rejects unsafe names, naming the value', () => {
    expect(savedModelUrl('p-', 'my_model-1')).toBe('indexeddb://p-my_model-1');
    expect(() => savedModelUrl('p-', '')).toThrow(/model name is ""; allowed: 1–40/);
    expect(() => savedModelUrl('p-', 'a/b')).toThrow(/"a\/b"/);
    expect(() => savedModelUrl('p-', 'x'.repeat(41))).toThrow(/allowed/);
  });
});

describe('loadValidatedModel on unreadable files', () => {
  const expected = { inputShape: [28, 28, 1], outputUnits: 10 };
  it('wraps a failing loader (corrupt JSON, missing weights) in ModelValidationError', async () => {
    const corrupt: tf.io.IOHandler = {
      load: async () => {
        throw new SyntaxError('Unexpected token } in JSON at position 3');
      },
    };
    const err = await loadValidatedModel(corrupt, expected).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelValidationError);
    expect((err as Error).message).toMatch(
      /model files could not be read: expected a model.json and its weight files, got Unexpected token/,
    );
  });
  it('rejects weights without a topology', async () => {
    await expect(loadValidatedModel(tf.io.fromMemory({ weightSpecs: [], weightData: new ArrayBuffer(0) }), expected)).rejects.toThrow(
      /model has no topology/,
    );
  });
});

describe('MLP panel data', () => {
  it('sizes the model for the task and explains impossible combinations', () => {
    const xor = makeTaskData(DEFAULT_DATA);
    expect(xor.x).toHaveLength(300);
    expect(shapeFor(xor, { outputActivation: 'softmax', loss: 'crossentropy' })).toEqual({ inputSize: 2, outputSize: 2 });
    expect(shapeFor(xor, { outputActivation: 'sigmoid', loss: 'crossentropy' })).toEqual({ inputSize: 2, outputSize: 1 });
    const spiral = makeTaskData({ ...DEFAULT_DATA, task: 'spiral', classes: 3 });
    expect(() => shapeFor(spiral, { outputActivation: 'sigmoid', loss: 'mse' })).toThrow(/3 classes; choose softmax/);
    const reg = makeTaskData({ ...DEFAULT_DATA, task: 'regression' });
    expect(reg.x[0]).toHaveLength(1);
    expect(reg.isOutlier?.filter(Boolean)).toHaveLength(30);
    expect(() => shapeFor(reg, { outputActivation: 'softmax', loss: 'mse' })).toThrow(/choose output "none"/);
    const c = validateMlpConfig({ outputActivation: 'none', loss: 'huber', ...shapeFor(reg, { outputActivation: 'none', loss: 'huber' }) });
    expect(c.inputSize).toBe(1);
    const { train, val } = splitTask(reg);
    expect(train.x.length + val.x.length).toBe(300);
    expect(() => makeTaskData({ ...DEFAULT_DATA, noise: 2 })).toThrow(/noise is 2; allowed: 0..1/);
  });
  it('makes a row-major boundary grid from top-left', () => {
    const g = boundaryGrid(2, -1, 1);
    expect(g).toEqual([
      [-0.5, 0.5],
      [0.5, 0.5],
      [-0.5, -0.5],
      [0.5, -0.5],
    ]);
  });
});

describe('chart scales', () => {
  it('picks round ticks, log ticks and a padded extent for constant data', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 2.2, 4)).toEqual([0.5, 1, 1.5, 2]);
    const s = makeScale(1e-4, 10, 0, 100, true);
    expect(s.ticks).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1, 10]);
    expect(s(1e-4)).toBeCloseTo(0);
    expect(s(10)).toBeCloseTo(100);
    expect(extent([3, 3, NaN])).toEqual([2.5, 3.5]);
    expect(extent([])).toEqual([0, 1]);
  });
});

describe('filesHandler (import from chosen files)', () => {
  const expected = { inputShape: [2], outputUnits: 2 };
  async function mlpFiles(): Promise<{ json: string; bin: ArrayBuffer }> {
    const { buildMlp } = await import('../../src/core/training/mlpModel.ts');
    const { disposeModel } = await import('../../src/core/training/disposeModel.ts');
    const { saveToArtifacts } = await import('../../src/core/training/modelIO.ts');
    const m = buildMlp({ outputActivation: 'softmax', outputSize: 2 });
    const a = await saveToArtifacts(m);
    disposeModel(m);
    const json = JSON.stringify({
      modelTopology: a.modelTopology,
      weightsManifest: [{ paths: ['./m.weights.bin'], weights: a.weightSpecs }],
    });
    return { json, bin: a.weightData as ArrayBuffer };
  }

  it('round-trips a model.json + .bin and explains corrupt, missing or truncated files', async () => {
    const { filesHandler } = await import('../../src/core/training/filesHandler.ts');
    const { json, bin } = await mlpFiles();
    const ok = await loadValidatedModel(filesHandler(json, [{ name: 'm.weights.bin', data: bin }]), expected);
    expect(ok.outputs[0].shape).toEqual([null, 2]);
    ok.dispose();
    await expect(loadValidatedModel(filesHandler('{"modelTopology": {', []), expected)).rejects.toThrow(
      /could not be read.*not valid JSON/,
    );
    await expect(loadValidatedModel(filesHandler(json, []), expected)).rejects.toThrow(
      /weight file "m.weights.bin" named in model.json was not chosen/,
    );
    await expect(loadValidatedModel(filesHandler(json, [{ name: 'm.weights.bin', data: bin.slice(0, 8) }]), expected)).rejects.toThrow(
      /holds? 8 bytes but model.json describes/,
    );
    await expect(
      loadValidatedModel(filesHandler(json, [{ name: 'm.weights.bin', data: bin }]), { inputShape: [28, 28, 1], outputUnits: 10 }),
    ).rejects.toThrow(/input shape does not match/);
  });
});
