import { describe, expect, it } from 'vitest';
import { MotCollector } from '../../src/core/pipeline/motCollector.ts';
import { Tracker } from '../../src/core/tracking/index.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';

/** A person walking right at 4 px a frame, undetected on frames 6–8. */
const box = (frame: number): Tlwh => [100 + 4 * frame, 50, 40, 100];
const GAP = new Set([6, 7, 8]);

function collect(outputMaxTimeSinceUpdate: number) {
  const tracker = new Tracker({ frameRate: 10, nInit: 0, gapFill: 1, outputMaxTimeSinceUpdate });
  const collector = new MotCollector();
  for (let frame = 1; frame <= 12; frame++) {
    const dets = GAP.has(frame) ? [] : [{ box: box(frame), score: 0.95 }];
    // The collector takes 0-based frame indices, the tracker's clock counts from 1 (as in `runOnSequence`).
    const tracks = tracker.update(dets, frame).map((t) => ({ ...t, lateBoxes: t.lateBoxes?.map((b) => ({ ...b, frame: b.frame - 1 })) }));
    collector.add({ index: frame - 1, tracks });
  }
  return collector.rows();
}

describe('MotCollector', () => {
  it('writes one row per frame and id when a carried track later back-fills the frames it was carried on', () => {
    // Carried for 0.2 s (frames 6 and 7), then back-filled over 6–8 by the re-detection on frame 9.
    const rows = collect(0.2);
    const keys = rows.map((r) => `${r.frame}:${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.map((r) => r.frame)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // The back-filled box (interpolated between the detections on frames 5 and 9) replaces the carried one.
    for (const f of GAP) {
      const row = rows.find((r) => r.frame === f)!;
      row.box.forEach((v, i) => expect(v).toBeCloseTo(box(f)[i], 6));
    }
  });

  it('keeps the carried rows when nothing back-fills them', () => {
    const rows = collect(0);
    expect(rows.map((r) => r.frame)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
