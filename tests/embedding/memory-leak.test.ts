import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCenterNet } from '../../src/core/detection/centernet.ts';
import { CenterNetGraph } from '../../src/core/detection/centernetGraph.ts';
import { DEFAULT_EMBEDDING_CONFIG, EmbeddingConfigError, validateEmbeddingConfig } from '../../src/core/embedding/config.ts';
import { loadJointCenterNet, type JointCenterNet } from '../../src/core/embedding/jointCenterNet.ts';
import { readImageTensor } from '../../src/node/readImageTensor.ts';
import { media, modelsSource, useTestBackend } from '../detection/helpers.ts';

let joint: JointCenterNet;
let frame: tf.Tensor3D;

beforeAll(async () => {
  await useTestBackend();
  joint = await loadJointCenterNet({ source: modelsSource() });
  frame = readImageTensor(media('vtest-f000.png'));
});
afterAll(() => {
  frame?.dispose();
  joint?.dispose();
});

describe('JointCenterNet', () => {
  it('finds the same boxes as loadCenterNet', async () => {
    const plain = await loadCenterNet({ source: modelsSource() });
    try {
      const a = await plain.detect(frame);
      const b = await joint.detect(frame);
      expect(b.map((d) => [d.label, ...d.box.map((v) => Math.round(v * 100))])).toEqual(
        a.map((d) => [d.label, ...d.box.map((v) => Math.round(v * 100))]),
      );
    } finally {
      plain.dispose();
    }
  });

  it('leaves numTensors flat over repeated detect, embedBoxes and detectWithFeatures', async () => {
    await joint.detect(frame);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const dets = await joint.detect(frame);
      await joint.embedBoxes(
        frame,
        dets.map((d) => d.box),
      );
      const { features } = await joint.detectWithFeatures(frame);
      expect(features.shape).toEqual([1, 32, 32, 88]);
      features.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees the feature map when decoding the rows throws', async () => {
    await joint.detect(frame);
    const before = tf.memory().numTensors;
    const decode = vi.spyOn(CenterNetGraph.prototype, 'decode').mockImplementationOnce(() => {
      throw new Error('decode failed');
    });
    try {
      await expect(joint.detectWithFeatures(frame)).rejects.toThrow('decode failed');
      expect(decode).toHaveBeenCalledOnce();
    } finally {
      decode.mockRestore();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees everything on dispose (load + warm-up + detect + dispose)', async () => {
    const before = tf.memory().numTensors;
    const other = await loadJointCenterNet({ source: modelsSource(), embedding: { method: 'histogram' } });
    await other.detect(frame);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects an unknown feature node by name, without leaking', async () => {
    const before = tf.memory().numTensors;
    await expect(loadJointCenterNet({ source: modelsSource(), embedding: { featureNode: 'tower_0/nope' } })).rejects.toThrow(
      'featureNode is "tower_0/nope"',
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('validateEmbeddingConfig', () => {
  it('fills defaults and returns a copy', () => {
    expect(validateEmbeddingConfig()).toEqual(DEFAULT_EMBEDDING_CONFIG);
    expect(validateEmbeddingConfig()).not.toBe(DEFAULT_EMBEDDING_CONFIG);
  });

  it.each([
    [{ method: 'deep' }, 'method is "deep"; expected one of joint, histogram, fusion'],
    [{ roiGrid: [8, 0] }, 'roiGrid[1] is 0; expected an integer in [1, 32]'],
    [{ poolBands: 3 }, 'poolBands is 3; expected a divisor of roiGrid[0] = 8 and of 32'],
    [{ fusionWeight: 2 }, 'fusionWeight is 2; expected a number in [0, 1]'],
  ])('rejects %j', (input, message) => {
    expect(() => validateEmbeddingConfig(input as never)).toThrow(EmbeddingConfigError);
    expect(() => validateEmbeddingConfig(input as never)).toThrow(message);
  });
});
