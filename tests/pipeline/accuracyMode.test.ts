import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iouTlwh } from '../../src/core/geometry/boxes';
import type { Detection, Detector } from '../../src/core/detection/types';
import { accuracyModeOn, loadStreamDetector, MultiViewDetector, streamSettings } from '../../src/core/pipeline';
import { readImageTensor } from '../../src/node/readImageTensor';
import { media, modelsSource, useTestBackend } from '../detection/helpers';

type Embedded = Detection & { embedding?: Float32Array };

describe('accuracy mode on a real vtest frame (CenterNet + fusion embeddings)', () => {
  let plain: Detector;
  let accurate: Detector;
  let frame: tf.Tensor3D;

  beforeAll(async () => {
    await useTestBackend();
    const detector = streamSettings('centernet', 10).detector;
    plain = (await loadStreamDetector('centernet', { models: modelsSource(), appearance: 'fusion', ...detector })).detector;
    accurate = (await loadStreamDetector('centernet', { models: modelsSource(), appearance: 'fusion', accuracy: {}, ...detector }))
      .detector;
    frame = readImageTensor(media('vtest-f120.png'));
  });

  afterAll(() => {
    plain?.dispose();
    accurate?.dispose();
    frame?.dispose();
  });

  it('wraps the stream detector, keeps every plain box (IoU > 0.5), embeds every box, and leaks no tensors', async () => {
    expect(accurate).toBeInstanceOf(MultiViewDetector);
    expect(accurate.name).toBe('centernet');
    const base = (await plain.detect(frame)) as Embedded[];
    await accurate.detect(frame); // warm-up: the tile shapes compile once
    const before = tf.memory().numTensors;
    const merged = (await accurate.detect(frame)) as Embedded[];
    expect(tf.memory().numTensors).toBe(before);
    expect(base.length).toBeGreaterThan(3);
    for (const b of base) expect(Math.max(...merged.map((m) => iouTlwh(m.box, b.box)))).toBeGreaterThan(0.5);
    const dim = base[0].embedding?.length;
    expect(dim).toBeGreaterThan(0);
    expect(merged.every((m) => m.embedding?.length === dim)).toBe(true);
    expect(merged.map((m) => m.score)).toEqual([...merged.map((m) => m.score)].sort((a, b) => b - a));
  });
});

describe('accuracyModeOn', () => {
  it('follows on/off, and auto turns it on only up to the set length (0: never; unknown length: off)', () => {
    expect([accuracyModeOn('on', 3600), accuracyModeOn('off', 1, 60)]).toEqual([true, false]);
    expect([accuracyModeOn('auto', 30, 60), accuracyModeOn('auto', 60, 60), accuracyModeOn('auto', 61, 60)]).toEqual([true, true, false]);
    expect([accuracyModeOn('auto', 1, 0), accuracyModeOn('auto', Number.NaN, 60), accuracyModeOn('auto', 1)]).toEqual([
      false,
      false,
      false,
    ]);
  });
});
