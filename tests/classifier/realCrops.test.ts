import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argmax,
  classify,
  loadClassifier,
  matchTracksToDetections,
  saveClassifier,
  trainHead,
  type ClassSample,
} from '../../src/core/classifier/index.ts';
import type { EmbeddedDetection } from '../../src/core/embedding/jointCenterNet.ts';
import { loadStreamDetector, streamSettings, TrackingPipeline } from '../../src/core/pipeline';
import { disposeModel } from '../../src/core/training/disposeModel.ts';
import { ffmpegFrames, probeVideo } from '../../src/node/ffmpegFrames';
import { media, modelsSource, useTestBackend } from '../detection/helpers';
import { memoryStore } from './helpers.ts';

/**
 * Transfer learning on real embeddings: the live pipeline (joint CenterNet +
 * fusion embeddings + tracker) runs over the vtest clip; the two longest
 * tracks are two different people. A head trained on every 4th crop of each
 * person (as a user would capture while they move) must classify the crops
 * half-way between (0.6 s from any training crop) correctly. Measured: a
 * head trained only on the first HALF of each track gets 23/23 and 8/19 on
 * the later halves (the second person's look drifts), so captures should
 * cover the range of poses and places.
 */
const EVERY = 3;
const FRAMES = 150;
const perTrack = new Map<number, Float32Array[]>();
let pipeline: TrackingPipeline;

beforeAll(async () => {
  await useTestBackend();
  const clip = media('vtest-150.mp4');
  const size = probeVideo(clip);
  const settings = streamSettings('centernet', size.frameRate, EVERY);
  const { detector } = await loadStreamDetector('centernet', {
    models: modelsSource(),
    appearance: 'fusion',
    ...settings.detector,
    classes: ['person'],
  });
  pipeline = new TrackingPipeline(detector, settings.tracker);
  for await (const f of ffmpegFrames(clip, size)) {
    if (f.index >= FRAMES) break;
    if (f.index % EVERY !== 0) continue;
    const x = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
    try {
      const r = await pipeline.detectAndTrack(x, f.index);
      const fresh = r.tracks.filter((t) => t.timeSinceUpdate === 0);
      const dets = r.detections as EmbeddedDetection[];
      for (const [i, j] of matchTracksToDetections(
        fresh.map((t) => t.box),
        dets.map((d) => d.box),
      )) {
        const list = perTrack.get(fresh[i].id) ?? [];
        list.push(dets[j].embedding);
        perTrack.set(fresh[i].id, list);
      }
    } finally {
      x.dispose();
    }
  }
});
afterAll(() => pipeline?.dispose());

describe('custom classifier on real vtest crops (two people)', () => {
  it('a head trained on every 4th crop of two people classifies the crops in between correctly', async () => {
    const [a, b] = [...perTrack].sort((p, q) => q[1].length - p[1].length);
    expect(a[1].length).toBeGreaterThanOrEqual(10);
    expect(b[1].length).toBeGreaterThanOrEqual(10);
    const split = (xs: Float32Array[]) => [xs.filter((_, i) => i % 4 === 0), xs.filter((_, i) => i % 4 === 2)];
    const [aTrain, aTest] = split(a[1]);
    const [bTrain, bTest] = split(b[1]);
    const samples: ClassSample[] = [
      ...aTrain.map((embedding) => ({ embedding, className: 'alice' })),
      ...bTrain.map((embedding) => ({ embedding, className: 'bob' })),
    ];
    expect(samples[0].embedding.length).toBe(224);

    const before = tf.memory().numTensors;
    const r = await trainHead(samples);
    const store = memoryStore();
    let correct: number;
    try {
      const probs = await classify(r.model, [...aTest, ...bTest]);
      const truth = [...aTest.map(() => 'alice'), ...bTest.map(() => 'bob')];
      correct = probs.filter((p, i) => r.classNames[argmax(p)] === truth[i]).length;
      console.log(
        `tracks #${a[0]} (${a[1].length} crops) and #${b[0]} (${b[1].length}); trained on ${samples.length} in ${r.ms.toFixed(0)} ms (${r.history.length} epochs, loss ${r.history.at(-1)!.loss.toFixed(3)}); held-out ${correct}/${truth.length}`,
      );
      expect(correct).toBe(truth.length);
      await saveClassifier(
        r.model,
        { classNames: r.classNames, embeddingMethod: 'fusion', embeddingDim: 224, targetClass: 'person' },
        store.save,
      );
    } finally {
      disposeModel(r.model);
    }
    const loaded = await loadClassifier(store.load(), { embeddingDim: 224, embeddingMethod: 'fusion' });
    const again = await classify(loaded.model, [...aTest, ...bTest]);
    loaded.model.dispose();
    expect(again.filter((p, i) => argmax(p) === (i < aTest.length ? 0 : 1)).length).toBe(correct);
    expect(tf.memory().numTensors).toBe(before);
  });
});
