import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCenterNet } from '../../src/core/detection/centernet.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { cropMaskToBox, meanOf } from '../../src/core/segmentation/boxMask.ts';
import { DEFAULT_SEGMENTER_CONFIG } from '../../src/core/segmentation/config.ts';
import { loadSegmenter, type Segmenter } from '../../src/core/segmentation/segmenter.ts';
import type { PersonMask } from '../../src/core/segmentation/types.ts';
import { readImageTensor } from '../../src/node/readImageTensor.ts';
import { media, modelsSource, useTestBackend } from '../detection/helpers.ts';

let astronaut: tf.Tensor3D;
let personBox: Tlwh;
const segmenters = new Map<string, Segmenter>();

/** Mean mask value over the frame outside `box`, from the full-frame and in-box sums. */
function meanOutside(mask: PersonMask, box: Tlwh): number {
  const all = cropMaskToBox(mask, [0, 0, mask.sourceWidth, mask.sourceHeight]);
  const inside = cropMaskToBox(mask, box);
  const sumAll = meanOf(all) * all.data.length;
  const sumIn = meanOf(inside) * inside.data.length;
  return (sumAll - sumIn) / (all.data.length - inside.data.length);
}

beforeAll(async () => {
  await useTestBackend();
  astronaut = readImageTensor(media('astronaut.png'));
  // The person box comes from the real detector, not from a hand-drawn box.
  const detector = await loadCenterNet({ source: modelsSource(), classes: ['person'] });
  try {
    personBox = (await detector.detect(astronaut))[0].box;
  } finally {
    detector.dispose();
  }
  for (const model of ['selfie', 'meet'] as const) segmenters.set(model, await loadSegmenter({ source: modelsSource(), model }));
});
afterAll(() => {
  astronaut?.dispose();
  for (const s of segmenters.values()) s.dispose();
});

describe('person segmentation on astronaut.png', () => {
  it.each(['selfie', 'meet'])('%s covers the detected person and little else', async (model) => {
    const s = segmenters.get(model)!;
    const mask = await s.segment(astronaut);
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await s.segment(astronaut);
    const ms = (performance.now() - t0) / 3;
    const inside = meanOf(cropMaskToBox(mask, personBox));
    const outside = meanOutside(mask, personBox);
    console.log(
      `${model}: box ${personBox.map(Math.round).join(',')}, mean inside ${inside.toFixed(3)}, outside ${outside.toFixed(3)}, ${ms.toFixed(1)} ms`,
    );
    expect(mask.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Measured (wasm): meet inside 0.506 / outside 0.054; selfie 0.670 / 0.252.
    // Only the default model (meet) is held to the coverage bounds.
    if (model === DEFAULT_SEGMENTER_CONFIG.model) {
      expect(inside).toBeGreaterThanOrEqual(0.5);
      expect(outside).toBeLessThanOrEqual(0.1);
    }
  });
});

describe('segmenter tensor discipline', () => {
  it.each(['selfie', 'meet'])('%s leaves numTensors flat over repeated segment / next calls', async (model) => {
    const s = segmenters.get(model)!;
    await s.segment(astronaut);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await s.segment(astronaut);
      await s.next(astronaut);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('segmentTensor returns one [h, w] tensor for the caller to dispose', () => {
    const before = tf.memory().numTensors;
    const m = segmenters.get('selfie')!.segmentTensor(astronaut);
    expect(m.shape).toEqual([256, 256]);
    expect(tf.memory().numTensors).toBe(before + 1);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
