import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iouTlwh } from '../../src/core/geometry/boxes.ts';
import { EMBEDDING_METHODS } from '../../src/core/embedding/config.ts';
import { loadJointCenterNet, type EmbeddedDetection, type JointCenterNet } from '../../src/core/embedding/jointCenterNet.ts';
import { cosineDistance } from '../../src/core/tracking/nnMatching.ts';
import { modelsSource, useTestBackend } from '../detection/helpers.ts';
import { mutualBestPairs, vtestFrame } from './helpers.ts';

// Frames 1 s apart (10 fps): the same walkers, a few pixels on.
const FRAMES = [20, 30];
let frames: tf.Tensor3D[];
const detectors = new Map<string, JointCenterNet>();

beforeAll(async () => {
  await useTestBackend();
  frames = FRAMES.map(vtestFrame);
  for (const method of EMBEDDING_METHODS) {
    detectors.set(method, await loadJointCenterNet({ source: modelsSource(), classes: ['person'], embedding: { method } }));
  }
});
afterAll(() => {
  tf.dispose(frames);
  for (const d of detectors.values()) d.dispose();
});

describe('appearance embeddings on real vtest pedestrians', () => {
  it.each(EMBEDDING_METHODS)('%s: the same person a second later is nearer than every other person', async (method) => {
    const d = detectors.get(method)!;
    const [a, b]: EmbeddedDetection[][] = [await d.detect(frames[0]), await d.detect(frames[1])];
    const pairs = mutualBestPairs(
      a.map((x) => x.box),
      b.map((x) => x.box),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    const same: number[] = [];
    const different: number[] = [];
    let nearest = 0;
    for (const [i, j] of pairs) {
      const ds = cosineDistance(a[i].embedding, b[j].embedding);
      same.push(ds);
      const others = b.filter((o, m) => m !== j && iouTlwh(a[i].box, o.box) === 0).map((o) => cosineDistance(a[i].embedding, o.embedding));
      different.push(...others);
      if (others.every((x) => x > ds)) nearest++;
    }
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `${method}: ${pairs.length} pairs, same ${mean(same).toFixed(3)}, different ${mean(different).toFixed(3)}, nearest ${nearest}/${pairs.length}`,
    );
    expect(mean(same)).toBeLessThan(mean(different) / 3);
    expect(nearest / pairs.length).toBeGreaterThanOrEqual(0.8);
  });

  it('gives unit-norm embeddings, and embedBoxes agrees with the joint pass', async () => {
    const d = detectors.get('fusion')!;
    const dets = await d.detect(frames[0]);
    const again = await d.embedBoxes(
      frames[0],
      dets.map((x) => x.box),
    );
    for (const [k, det] of dets.entries()) {
      expect(Math.hypot(...det.embedding)).toBeCloseTo(1, 4);
      expect(cosineDistance(det.embedding, again[k])).toBeLessThan(1e-4);
    }
  });
});
