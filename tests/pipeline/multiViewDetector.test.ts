import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTOR_CONFIG, type DetectorConfig } from '../../src/core/detection/config';
import { ZERO_TIMINGS, type Detection, type Detector, type DetectorInput } from '../../src/core/detection/types';
import type { Tlwh } from '../../src/core/geometry/boxes';
import { MultiViewDetector } from '../../src/core/pipeline/multiViewDetector';

type Embedded = Detection & { embedding?: Float32Array };

/**
 * Finds the one lit blob of its input: the bounding box of pixels > 0, scored
 * by the share of the input it covers (×20, at most 1), so a tile, which
 * shows the blob larger, scores it higher than the full frame. Embeds a box as
 * [x, y], and tags its own detections' embeddings with the input width.
 */
class BlobDetector implements Detector {
  readonly name = 'blob';
  readonly lastTimings = ZERO_TIMINGS;
  config: DetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, scoreThreshold: 0.3 };
  embedCalls: Tlwh[][] = [];

  setConfig(update: Partial<DetectorConfig>): void {
    this.config = { ...this.config, ...update };
  }

  async detect(input: DetectorInput): Promise<Embedded[]> {
    const t = input as tf.Tensor3D;
    const [h, w] = t.shape;
    const data = await t.data();
    let [x1, y1, x2, y2] = [w, h, -1, -1];
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        if (data[(y * w + x) * 3] > 0) [x1, y1, x2, y2] = [Math.min(x1, x), Math.min(y1, y), Math.max(x2, x + 1), Math.max(y2, y + 1)];
    if (x2 < 0) return [];
    const score = Math.min(1, (20 * (x2 - x1) * (y2 - y1)) / (w * h));
    if (score < this.config.scoreThreshold) return [];
    return [{ box: [x1, y1, x2 - x1, y2 - y1], score, classId: 0, label: 'person', embedding: new Float32Array([w, w]) }];
  }

  embedBoxes(_frame: DetectorInput, boxes: readonly Tlwh[]): Promise<Float32Array[]> {
    this.embedCalls.push([...boxes]);
    return Promise.resolve(boxes.map((b) => new Float32Array([b[0], b[1]])));
  }

  dispose(): void {}
}

/** A 100x80 frame with one lit rectangle. */
const frameWith = ([x, y, w, h]: Tlwh): tf.Tensor3D =>
  tf.tidy(
    () =>
      tf.pad(tf.ones([h, w, 3], 'int32'), [
        [y, 80 - y - h],
        [x, 100 - x - w],
        [0, 0],
      ]) as tf.Tensor3D,
  );

// 2 × 2 tiles with a quarter overlap on 100x80: 57x46 tiles at x 0 / 43, y 0 / 34.
const ACCURACY = { tiles: 2, overlap: 0.25, flip: true, fusion: 'max' as const, edgeMargin: 2 };

describe('MultiViewDetector', () => {
  it('merges the full frame, the tile and the mirror into one box and keeps the full frame embedding', async () => {
    const inner = new BlobDetector();
    const frame = frameWith([10, 10, 10, 20]);
    const before = tf.memory().numTensors;
    const dets = (await new MultiViewDetector(inner, ACCURACY).detect(frame)) as Embedded[];
    expect(tf.memory().numTensors).toBe(before);
    // Full frame: 20 · 200 / 8000 = 0.5; the 57x46 tile: 20 · 200 / 2622 > 1, so 1 (max fusion).
    expect(dets.map((d) => [...d.box, d.score])).toEqual([[10, 10, 10, 20, 1]]);
    expect([...(dets[0].embedding as Float32Array)]).toEqual([100, 100]);
    expect(inner.embedCalls).toEqual([]);
    frame.dispose();
  });

  it('finds what only a tile sees, and embeds it on the full frame', async () => {
    const inner = new BlobDetector();
    inner.setConfig({ scoreThreshold: 0.6 }); // the full frame (and its mirror) score 0.5 now: missed
    const frame = frameWith([10, 10, 10, 20]);
    const dets = (await new MultiViewDetector(inner, ACCURACY).detect(frame)) as Embedded[];
    expect(dets.map((d) => [...d.box, d.score])).toEqual([[10, 10, 10, 20, 1]]);
    expect(inner.embedCalls).toEqual([[[10, 10, 10, 20]]]);
    expect([...(dets[0].embedding as Float32Array)]).toEqual([10, 10]);
    expect(await new MultiViewDetector(inner, { ...ACCURACY, tiles: 1 }).detect(frame)).toEqual([]);
    frame.dispose();
  });

  it('drops the part a tile cuts off, leaving one box for an object across a tile edge', async () => {
    // x 50–70 crosses the first tile's right edge (57); the second tile (43–100) holds it whole.
    const inner = new BlobDetector();
    const frame = frameWith([50, 10, 20, 20]);
    const dets = await new MultiViewDetector(inner, { ...ACCURACY, flip: false }).detect(frame);
    expect(dets.map((d) => d.box)).toEqual([[50, 10, 20, 20]]);
    frame.dispose();
  });

  it('keeps the wrapped detector name and config', () => {
    const inner = new BlobDetector();
    const multi = new MultiViewDetector(inner, ACCURACY);
    multi.setConfig({ iouThreshold: 0.4 });
    expect([multi.name, multi.config.iouThreshold, inner.config.iouThreshold]).toEqual(['blob', 0.4, 0.4]);
    expect(() => new MultiViewDetector(inner, { tiles: 0 })).toThrow(/tiles is 0/);
  });
});
