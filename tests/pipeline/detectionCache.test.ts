import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ReplayDetector, StreamRunner } from '../../src/core/pipeline';
import {
  DetectionCacheError,
  DetectionCacheRecorder,
  cacheFromMotDetections,
  cachedDetectionsByFrame,
  parseDetectionCache,
  recordedCadence,
  serializeDetectionCache,
} from '../../src/core/pipeline/detectionCache';
import { DEFAULT_TRACKER_CONFIG } from '../../src/core/tracking/config';
import type { Detection } from '../../src/core/tracking';

const VIDEO = { fileName: 'walk.webm', width: 640, height: 480, frameRate: 10, frameCount: 40 };
/** Two walkers with 3-d embeddings whose values are not exact in decimal (float32 round trip must be exact). */
const scene: Detection[][] = Array.from({ length: VIDEO.frameCount }, (_, i) => [
  { box: [20 + 6 * i, 100, 40, 100], score: 0.9, classId: 0, label: 'person', embedding: Float32Array.of(0.1, Math.PI, -1 / 3) },
  { box: [560 - 6 * i, 260, 40, 100], score: 0.8, classId: 0, label: 'person', embedding: Float32Array.of(-0.7, 1e-7, 2 / 3) },
]);
const NO_PIXELS = tf.zeros([1, 1, 3]) as tf.Tensor3D;

async function track(detector: ReplayDetector, cadence = 1) {
  const runner = new StreamRunner(detector, { frameRate: VIDEO.frameRate, classes: null, preset: DEFAULT_TRACKER_CONFIG, cadence });
  const out = [];
  for (let i = 0; i < VIDEO.frameCount; i++) {
    detector.frame = i;
    out.push(await runner.step(NO_PIXELS, i));
  }
  return out;
}

describe('detection cache', () => {
  it('round-trips every detected frame exactly (boxes, scores, float32 embeddings, masks)', async () => {
    const recorder = new DetectionCacheRecorder();
    const results = await track(new ReplayDetector(scene), 2);
    const mask = { width: 2, height: 1, sourceWidth: 640, sourceHeight: 480, counts: [1, 1] };
    for (const r of results) recorder.add(r, r.index === 4 ? mask : undefined);
    expect(recorder.size).toBe(20);
    const cache = parseDetectionCache(serializeDetectionCache(recorder.build(VIDEO, 'replay', 'fusion')));
    expect(cache.frames.map((f) => f.index)).toEqual(Array.from({ length: 20 }, (_, k) => 2 * k));
    expect(cache.frames.find((f) => f.index === 4)!.mask).toEqual(mask);
    const byFrame = cachedDetectionsByFrame(cache);
    expect(byFrame[1]).toBeUndefined();
    expect(byFrame[6]).toEqual(scene[6]);
    expect(byFrame[6]![0].embedding![1]).toBe(Math.fround(Math.PI));
  });

  it('re-tracking from the cache gives the same tracks as the run that recorded it', async () => {
    const first = await track(new ReplayDetector(scene));
    const recorder = new DetectionCacheRecorder();
    first.forEach((r) => recorder.add(r));
    const cache = parseDetectionCache(serializeDetectionCache(recorder.build(VIDEO, 'replay', 'fusion')));
    const again = await track(new ReplayDetector(cachedDetectionsByFrame(cache), true));
    expect(again.map((r) => r.tracks)).toEqual(first.map((r) => r.tracks));
  });

  it('knows the cadence it was recorded at, so a replay asks only for recorded frames', async () => {
    for (const cadence of [1, 3]) {
      const recorder = new DetectionCacheRecorder();
      for (const r of await track(new ReplayDetector(scene), cadence)) recorder.add(r);
      const cache = recorder.build(VIDEO, 'replay', 'fusion');
      expect(recordedCadence(cache)).toBe(cadence);
      const replayed = await track(new ReplayDetector(cachedDetectionsByFrame(cache), true), recordedCadence(cache));
      expect(replayed.filter((r) => r.detected)).toHaveLength(cache.frames.length);
    }
    expect(recordedCadence(cacheFromMotDetections([], { ...VIDEO, frameCount: 1 }))).toBe(1);
  });

  it('a strict replay refuses a frame the recording never detected, naming it', async () => {
    const byFrame = cachedDetectionsByFrame({
      ...cacheFromMotDetections([], VIDEO),
      frames: [{ index: 0, detections: [] }],
    });
    await expect(track(new ReplayDetector(byFrame, true))).rejects.toThrow(/no recorded detections for frame 2/);
  });

  it('reads MOTChallenge det.txt rows as one frame per video frame', () => {
    const rows = [
      { frame: 1, id: -1, box: [1, 2, 3, 4] as [number, number, number, number], conf: 12.5 },
      { frame: 3, id: -1, box: [5, 6, 7, 8] as [number, number, number, number], conf: -0.3 },
      { frame: 99, id: -1, box: [0, 0, 1, 1] as [number, number, number, number], conf: 1 },
    ];
    const byFrame = cachedDetectionsByFrame(cacheFromMotDetections(rows, { ...VIDEO, frameCount: 3 }));
    expect(byFrame).toEqual([[{ box: [1, 2, 3, 4], score: 12.5 }], [], [{ box: [5, 6, 7, 8], score: -0.3 }]]);
  });

  it('rejects bad files with a message naming the field', () => {
    const good = serializeDetectionCache(cacheFromMotDetections([], VIDEO));
    const bad = (edit: (c: Record<string, unknown>) => void) => {
      const c = JSON.parse(good) as Record<string, unknown>;
      edit(c);
      return () => parseDetectionCache(JSON.stringify(c));
    };
    expect(() => parseDetectionCache('{oops')).toThrow(DetectionCacheError);
    expect(() => parseDetectionCache('{oops')).toThrow(/not JSON/);
    expect(bad((c) => (c.format = 'trackscope-results'))).toThrow(/format is "trackscope-results"/);
    expect(bad((c) => (c.version = 9))).toThrow(/version 9 is not supported/);
    expect(bad((c) => ((c.video as Record<string, unknown>).frameRate = 0))).toThrow(/video.frameRate is 0/);
    expect(bad((c) => ((c.frames as { index: number }[])[3].index = 40))).toThrow(
      /frames\[3\].index is 40; expected an integer in \[0, 39\]/,
    );
    expect(bad((c) => ((c.frames as { detections: unknown[] }[])[0].detections = [{ box: [1, 2], score: 1 }]))).toThrow(
      /frames\[0\].detections\[0\] needs a box of 4 numbers/,
    );
    const embedding = bad(
      (c) => ((c.frames as { detections: unknown[] }[])[0].detections = [{ box: [1, 2, 3, 4], score: 1, embedding: 'AAA' }]),
    );
    expect(() => cachedDetectionsByFrame(embedding())).toThrow(/embedding has 2 bytes/);
  });
});
