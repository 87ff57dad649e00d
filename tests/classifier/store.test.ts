import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, classifierUrl, loadClassifier, saveClassifier, trainHead } from '../../src/core/classifier/index.ts';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { useTestBackend } from '../detection/helpers.ts';
import { memoryStore, syntheticSamples } from './helpers.ts';

const META = { classNames: ['mug', 'cup'], embeddingMethod: 'fusion', embeddingDim: 16, targetClass: 'cup' };
const samples = syntheticSamples(['mug', 'cup'], 5);

beforeAll(async () => {
  await useTestBackend();
});

async function savedHead() {
  const r = await trainHead(samples, { epochs: 5 });
  const store = memoryStore();
  await saveClassifier(r.model, META, store.save);
  return { ...r, store };
}

describe('classifier save / load with metadata', () => {
  it('round-trips weights and metadata: same probabilities after loading', async () => {
    const { model, store } = await savedHead();
    const loaded = await loadClassifier(store.load(), { embeddingDim: 16, embeddingMethod: 'fusion' });
    try {
      expect(loaded.meta).toEqual(META);
      const x = samples.map((s) => s.embedding);
      const [a, b] = [await classify(model, x), await classify(loaded.model, x)];
      a.forEach((p, i) => p.forEach((v, k) => expect(b[i][k]).toBeCloseTo(v, 6)));
    } finally {
      disposeModel(model);
      loaded.model.dispose();
    }
  });

  it('refuses heads for other embeddings, wrong class counts and corrupt files with clear messages', async () => {
    const { model, store } = await savedHead();
    disposeModel(model);
    const before = tf.memory().numTensors;
    await expect(loadClassifier(store.load(), { embeddingDim: 224 })).rejects.toThrow(
      'classifier was trained on embeddings of another length: expected 224, got 16',
    );
    await expect(loadClassifier(store.load(), { embeddingDim: 16, embeddingMethod: 'joint' })).rejects.toThrow(
      'classifier was trained on another embedding method: expected joint, got fusion',
    );
    const a = store.artifacts();
    const withMeta = (m: object) =>
      tf.io.fromMemory({ ...a, userDefinedMetadata: { trackscopeClassifier: { version: 1, ...META, ...m } } });
    await expect(loadClassifier(withMeta({ classNames: ['a', 'b', 'c'] }), { embeddingDim: 16 })).rejects.toThrow(
      'model output units do not match: expected 3, got 2',
    );
    await expect(loadClassifier(withMeta({ classNames: ['a'] }), { embeddingDim: 16 })).rejects.toThrow(
      'classifier metadata has bad class names: expected at least 2 non-empty names, got ["a"]',
    );
    await expect(loadClassifier(tf.io.fromMemory({ ...a, userDefinedMetadata: undefined }), { embeddingDim: 16 })).rejects.toThrow(
      'not a TrackScope classifier',
    );
    // (16·32 + 32 + 32·2 + 2) float32 weights = 2,440 bytes.
    const truncated = tf.io.fromMemory({ ...a, weightData: (a.weightData as ArrayBuffer).slice(0, 12) });
    await expect(loadClassifier(truncated, { embeddingDim: 16 })).rejects.toThrow(
      'classifier weights are truncated or corrupt: expected 2440 bytes, got 12 bytes',
    );
    const broken: tf.io.IOHandler = { load: () => Promise.reject(new SyntaxError('Unexpected token < in JSON')) };
    await expect(loadClassifier(broken, { embeddingDim: 16 })).rejects.toThrow(
      'classifier files could not be read: expected a saved classifier, got Unexpected token < in JSON',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names classifiers under one IndexedDB prefix and validates the name', () => {
    expect(classifierUrl('my-mug')).toBe('indexeddb://trackscope-classifier-my-mug');
    expect(() => classifierUrl('my mug')).toThrow(`model name is "my mug"; allowed: 1–40 letters, digits, '-' or '_'`);
  });

  it('keeps the tensor count flat over train/save/load/classify cycles', async () => {
    const cycle = async () => {
      const { model, store } = await savedHead();
      disposeModel(model);
      const { model: m } = await loadClassifier(store.load(), { embeddingDim: 16 });
      await classify(
        m,
        samples.map((s) => s.embedding),
      );
      m.dispose();
    };
    await cycle();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await cycle();
    expect(tf.memory().numTensors).toBe(before);
  });
});
