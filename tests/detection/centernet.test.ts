import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCenterNet } from '../../src/core/detection/centernet';
import type { Detection, Detector } from '../../src/core/detection/types';
import { readImageTensor } from '../../src/node/readImageTensor';
import { media, modelsSource, useTestBackend } from './helpers';

let detector: Detector;

beforeAll(async () => {
  expect(await useTestBackend()).toBe('wasm');
  detector = await loadCenterNet({ source: modelsSource() });
});
afterAll(() => detector?.dispose());

async function detectFile(file: string): Promise<{ detections: Detection[]; width: number; height: number }> {
  const image = readImageTensor(media(file));
  try {
    const [height, width] = image.shape;
    return { detections: await detector.detect(image), width, height };
  } finally {
    image.dispose();
  }
}

function expectPlausibleBoxes(detections: readonly Detection[], width: number, height: number): void {
  for (const d of detections) {
    const [x, y, w, h] = d.box;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(width + 1e-3);
    expect(y + h).toBeLessThanOrEqual(height + 1e-3);
    expect(w).toBeGreaterThanOrEqual(1);
    expect(h).toBeGreaterThanOrEqual(1);
    expect(d.score).toBeGreaterThanOrEqual(detector.config.scoreThreshold);
    expect(d.score).toBeLessThanOrEqual(1);
  }
  const scores = detections.map((d) => d.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

const best = (detections: readonly Detection[], label: string) => detections.find((d) => d.label === label);

describe('CenterNet on real photos (WASM)', () => {
  it('finds the astronaut as a person covering most of the frame', async () => {
    const { detections, width, height } = await detectFile('astronaut.png');
    expectPlausibleBoxes(detections, width, height);
    const person = best(detections, 'person');
    expect(person).toBeDefined();
    expect(person!.classId).toBe(0);
    const [, , w, h] = person!.box;
    expect(w * h).toBeGreaterThan(0.4 * width * height);
  });

  it('finds the cup in coffee.png', async () => {
    const { detections, width, height } = await detectFile('coffee.png');
    expectPlausibleBoxes(detections, width, height);
    const cup = best(detections, 'cup');
    expect(cup?.classId).toBe(41);
    expect(cup!.score).toBeGreaterThan(0.4);
  });

  it('finds the motorcycle and it is the top detection', async () => {
    const { detections, width, height } = await detectFile('motorcycle_left.png');
    expectPlausibleBoxes(detections, width, height);
    expect(detections[0].label).toBe('motorcycle');
    expect(detections[0].box[2]).toBeGreaterThan(width / 3);
  });

  it('finds the cat in chelsea.png', async () => {
    const { detections } = await detectFile('chelsea.png');
    expect(detections[0]?.label).toBe('cat');
  });

  it('finds at least 5 pedestrians in vtest frame 0, with pedestrian-shaped boxes', async () => {
    const { detections, width, height } = await detectFile('vtest-f000.png');
    expectPlausibleBoxes(detections, width, height);
    const persons = detections.filter((d) => d.label === 'person');
    expect(persons.length).toBeGreaterThanOrEqual(5);
    const upright = persons.filter((d) => d.box[3] > d.box[2]);
    expect(upright.length).toBeGreaterThanOrEqual(4);
    for (const p of persons) expect(p.box[3]).toBeLessThan(height / 2); // people are small in this view
  });

  it('respects maxDetections and the class filter, and setConfig validates', async () => {
    detector.setConfig({ classes: ['person'], maxDetections: 3 });
    try {
      const { detections } = await detectFile('vtest-f120.png');
      expect(detections).toHaveLength(3);
      expect(new Set(detections.map((d) => d.label))).toEqual(new Set(['person']));
      expect(() => detector.setConfig({ iouThreshold: 2 })).toThrow('iouThreshold is 2; expected a number in [0, 1]');
      expect(detector.config.maxDetections).toBe(3); // failed update leaves config unchanged
    } finally {
      detector.setConfig({ classes: undefined, maxDetections: 50 });
    }
  });

  it('accepts RGBA and float tensors the same as int RGB', async () => {
    const rgb = readImageTensor(media('coffee.png'));
    const rgba = tf.tidy(() => tf.concat([rgb, tf.fill([...rgb.shape.slice(0, 2), 1] as [number, number, number], 255, 'int32')], 2));
    const float = tf.cast(rgb, 'float32');
    try {
      const a = await detector.detect(rgb);
      const b = await detector.detect(rgba as tf.Tensor3D);
      const c = await detector.detect(float);
      expect(b.map((d) => d.label)).toEqual(a.map((d) => d.label));
      expect(c[0].box[0]).toBeCloseTo(a[0].box[0], 3);
    } finally {
      tf.dispose([rgb, rgba, float]);
    }
  });

  it('reports per-stage timings', async () => {
    await detectFile('vtest-f000.png');
    const t = detector.lastTimings;
    expect(t.inferenceMs).toBeGreaterThan(0);
    expect(t.preprocessMs).toBeGreaterThanOrEqual(0);
    expect(t.postprocessMs).toBeGreaterThanOrEqual(0);
  });
});
