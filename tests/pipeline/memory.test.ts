import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MotCollector, StreamRunner, loadStreamDetector, streamSettings } from '../../src/core/pipeline';
import { loadSegmenter, type Segmenter } from '../../src/core/segmentation';
import { ffmpegFrames, probeVideo } from '../../src/node/ffmpegFrames';
import { media, modelsSource, useTestBackend } from '../detection/helpers';

/**
 * The whole per-frame pipeline (joint detection + embedding, tracking, person
 * segmentation) over 2,000 frames of the real vtest clip, looped. Detection
 * runs every 10th frame (the adaptive cadence a 2-core CPU settles at), the
 * motion model carries the rest. Tensor count must not move; heap stays bounded.
 */
const FRAMES = 2000;
const EVERY = 10;

describe('pipeline memory over 2,000 frames', () => {
  let runner: StreamRunner;
  let segmenter: Segmenter;

  beforeAll(async () => {
    await useTestBackend();
    const clip = media('vtest-150.mp4');
    const fps = probeVideo(clip).frameRate;
    const settings = streamSettings('centernet', fps, EVERY);
    const { detector } = await loadStreamDetector('centernet', { models: modelsSource(), appearance: 'fusion', ...settings.detector });
    runner = new StreamRunner(detector, { frameRate: fps, cadence: EVERY });
    segmenter = await loadSegmenter({ source: modelsSource() });
  });

  afterAll(() => {
    runner?.dispose();
    segmenter?.dispose();
  });

  it('keeps tf.memory() tensors and bytes flat and the heap bounded', async () => {
    const clip = media('vtest-150.mp4');
    const size = probeVideo(clip);
    const collector = new MotCollector();
    const samples: Array<{ frame: number; tensors: number; bytes: number; heap: number }> = [];
    let index = 0;
    const ids = new Set<number>();
    while (index < FRAMES) {
      // -stream_loop would need seeking support for the whole run; re-open the clip instead.
      for await (const f of ffmpegFrames(clip, size)) {
        if (index >= FRAMES) break;
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
        index++;
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
