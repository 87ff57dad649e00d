import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotCollector, PixelMotion, StreamRunner, loadStreamDetector, streamSettings } from '../../src/core/pipeline';
import { loadSegmenter, type Segmenter } from '../../src/core/segmentation';
import { ffmpegFrames, probeVideo, type RawFrame } from '../../src/node/ffmpegFrames';
import { media, modelsSource, useTestBackend } from '../detection/helpers';

/**
 * The whole per-frame pipeline (joint detection + embedding, tracking, person
 * segmentation) over 2,000 frames of the real vtest clip, looped (decoded once
 * and replayed from memory: the same frames in the same order as re-opening
 * it, without 13 more decodes, about a fifth of the run). Detection
 * runs every 10th frame (the adaptive cadence a 2-core CPU settles at); pixel
 * motion and the Kalman model carry the rest. Tensor count must not move; heap
 * stays bounded.
 */
const FRAMES = 2000;
const EVERY = 10;

describe('pipeline memory over 2,000 frames', () => {
  let runner: StreamRunner;
  let segmenter: Segmenter;
  const clipFrames: RawFrame[] = [];

  beforeAll(async () => {
    await useTestBackend();
    const clip = media('vtest-150.mp4');
    const size = probeVideo(clip);
    for await (const f of ffmpegFrames(clip, size)) clipFrames.push(f);
    const fps = size.frameRate;
    const settings = streamSettings('centernet', fps, EVERY);
    const { detector } = await loadStreamDetector('centernet', { models: modelsSource(), appearance: 'fusion', ...settings.detector });
    runner = new StreamRunner(detector, { frameRate: fps, cadence: EVERY, motion: new PixelMotion() });
    segmenter = await loadSegmenter({ source: modelsSource() });
  });

  afterAll(() => {
    runner?.dispose();
    segmenter?.dispose();
  });

  it('keeps tf.memory() tensors and bytes flat and the heap bounded', async () => {
    const collector = new MotCollector();
    const samples: Array<{ frame: number; tensors: number; bytes: number; heap: number }> = [];
    const ids = new Set<number>();
    expect(clipFrames.length).toBe(150);
    let index = 0;
    for (; index < FRAMES; index++) {
      const f = clipFrames[index % clipFrames.length];
      let result;
      const x = tf.tensor3d(f.data, [f.height, f.width, 3], 'int32');
      try {
        result = await runner.step(x, index);
        if (index % (EVERY * 3) === 0) await segmenter.segment(x);
      } finally {
        x.dispose();
      }
      expect(result.detected).toBe(index % EVERY === 0);
      collector.add(result);
      for (const t of result.tracks) ids.add(t.id);
      if (index % 250 === 0) {
        const m = tf.memory();
        samples.push({ frame: index, tensors: m.numTensors, bytes: m.numBytes, heap: process.memoryUsage().heapUsed });
      }
    }
    console.log(
      samples
        .map((s) => `${s.frame}: ${s.tensors} tensors, ${(s.bytes / 2 ** 20).toFixed(2)} MiB tf, ${(s.heap / 2 ** 20).toFixed(1)} MiB heap`)
        .join('\n'),
    );
    expect(index).toBe(FRAMES);
    expect(ids.size).toBeGreaterThan(3); // it really tracked people
    expect(collector.rows().length).toBeGreaterThan(FRAMES / 2); // people on most frames
    const first = samples[1]; // after warm-up
    for (const s of samples.slice(1)) {
      expect(s.tensors).toBe(first.tensors);
      expect(s.bytes).toBe(first.bytes);
    }
    expect(samples.at(-1)!.heap - first.heap).toBeLessThan(64 * 2 ** 20);
  });
});
