import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DetectorInputError } from '../../src/core/detection/DetectorInputError';
import { loadCenterNet } from '../../src/core/detection/centernet';
import type { Detector } from '../../src/core/detection/types';
import { readImageTensor } from '../../src/node/readImageTensor';
import { media, modelsSource, useTestBackend } from './helpers';

let detector: Detector;
let frame: tf.Tensor3D;

beforeAll(async () => {
  await useTestBackend();
  detector = await loadCenterNet({ source: modelsSource() });
  frame = readImageTensor(media('vtest-f000.png'));
});
afterAll(() => {
  frame?.dispose();
  detector?.dispose();
});

describe('CenterNet tensor discipline', () => {
  it('leaves numTensors unchanged over repeated detect calls', async () => {
    await detector.detect(frame);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await detector.detect(frame);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves numTensors unchanged when the input shape is wrong', async () => {
    const before = tf.memory().numTensors;
    const gray = tf.zeros([32, 32, 1]) as tf.Tensor3D;
    const batched = tf.zeros([1, 32, 32, 3]) as unknown as tf.Tensor3D;
    try {
      await expect(detector.detect(gray)).rejects.toThrow(
        'frame tensor has shape [32, 32, 1]; expected [height, width, 3 or 4] with height, width > 0',
      );
      await expect(detector.detect(batched)).rejects.toBeInstanceOf(DetectorInputError);
    } finally {
      tf.dispose([gray, batched]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects non-tensor input in Node (no DOM) without allocating', async () => {
    const before = tf.memory().numTensors;
    await expect(detector.detect({ width: 4, height: 4 } as unknown as tf.Tensor3D)).rejects.toThrow(
      'tf.browser.fromPixels is unavailable here',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees everything on dispose (load + warm-up + detect + dispose)', async () => {
    const before = tf.memory().numTensors;
    const other = await loadCenterNet({ source: modelsSource() });
    await other.detect(frame);
    other.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
