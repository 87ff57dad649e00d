import { describe, expect, it } from 'vitest';
import { Tracker, predictBox } from '../../src/core/tracking/index.ts';
import type { TrackerConfigInput, TrackOutput } from '../../src/core/tracking/index.ts';
import { bufferedIou } from '../../src/core/tracking/iouMatching.ts';
import { motionWeightAfter } from '../../src/core/tracking/costs.ts';
import { iouTlwh } from '../../src/core/geometry/boxes.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { makeDetection } from './helpers.ts';

/** A walker at 10 fps moving 8 px a frame: 0.8 of its width between detections every 4th frame. */
const FPS = 10;
const EVERY = 4;
const walker = (f: number): Tlwh => [100 + 8 * f, 200, 40, 100];

/** Steps a tracker over `frames` frames, detecting only on every `EVERY`-th one. */
function replay(config: TrackerConfigInput, frames: number, detectionsAt: (f: number) => Tlwh[]): TrackOutput[][] {
  const tracker = new Tracker({ frameRate: FPS, ...config });
  const out: TrackOutput[][] = [];
  for (let f = 0; f < frames; f++) {
    out.push(f % EVERY === 0 ? tracker.update(detectionsAt(f).map((b) => makeDetection(b))) : tracker.advance());
  }
  return out;
}

const idsOf = (out: TrackOutput[][]) => [...new Set(out.flat().map((t) => t.id))];

describe('Tracker with sparse detections', () => {
  it('confirms a walker detected at frames 0, 4, 8 and keeps one id, drawn on the frames in between', () => {
    const out = replay({}, 41, (f) => [walker(f)]);
    // Confirmed on its second detection (0.4 s apart >= nInit 0.2 s), reported on every frame from then on.
    expect(out.slice(0, EVERY).every((o) => o.length === 0)).toBe(true);
    expect(out.slice(EVERY).every((o) => o.length === 1)).toBe(true);
    expect(idsOf(out)).toEqual([1]);
    // Once the velocity is known, the carried boxes follow the walker.
    for (let f = 3 * EVERY; f < 41; f++) expect(iouTlwh(out[f][0].box, walker(f))).toBeGreaterThan(0.7);
  });

  it('loses that walker without the time-grown IoU buffer (the test can fail)', () => {
    const out = replay({ iouBufferPerSecond: 0 }, 41, (f) => [walker(f)]);
    expect(idsOf(out)).not.toEqual([1]);
  });

  it('does not gate in an unrelated detection 1.75 widths away while the walker goes undetected for one run', () => {
    const far = (f: number): Tlwh => [walker(f)[0] + 70, 200, 40, 100];
    // At frame 16 the detector misses the walker but sees someone else nearby.
    const detections = (f: number) => (f === 16 ? [far(f)] : [walker(f)]);
    const out = replay({}, 41, detections);
    const idAt16 = out[16].find((t) => iouTlwh(t.box, far(16)) > 0.5)?.id;
    expect(idAt16).toBeUndefined(); // not taken by the walker's track, and a new track is still tentative
    const walkerIds = out.flatMap((o, f) => o.filter((t) => iouTlwh(t.box, walker(f)) > 0.5).map((t) => t.id));
    expect(new Set(walkerIds)).toEqual(new Set([1]));
    expect(out[20].map((t) => t.id)).toEqual([1]);
    // With the gates opened up (no Mahalanobis gate, an unbounded buffer) the walker's id jumps onto it.
    const loose = replay({ mahalanobisGate: false, iouBufferPerSecond: 20, maxIouBuffer: 5 }, 41, detections);
    expect(loose[16].find((t) => iouTlwh(t.box, far(16)) > 0.5)?.id).toBe(1);
  });

  it('deletes a tentative track on a detector run that misses it, not on frames the detector skipped', () => {
    const tracker = new Tracker({ frameRate: FPS });
    tracker.update([makeDetection(walker(0))]);
    for (let f = 1; f < EVERY; f++) tracker.advance();
    expect(tracker.trackCount).toBe(1);
    tracker.update([]);
    expect(tracker.trackCount).toBe(0);
  });

  it('expires a confirmed track after maxAge seconds, however often it is stepped', () => {
    const tracker = new Tracker({ frameRate: FPS, nInit: 0, maxAge: 1 });
    tracker.update([makeDetection(walker(0))]);
    for (let f = 1; f <= 10; f++) tracker.advance();
    expect(tracker.trackCount).toBe(1);
    tracker.advance();
    expect(tracker.trackCount).toBe(0);
  });

  it('predicts across a jump in the frame number given to update', () => {
    const tracker = new Tracker({ frameRate: FPS });
    const seen = [0, 4, 8, 12].map((f) => tracker.update([makeDetection(walker(f))], f + 1));
    expect(seen.slice(1).map((o) => o.map((t) => t.id))).toEqual([[1], [1], [1]]);
    expect(() => tracker.advance(13)).toThrow('frame 13 is not after the current frame 13');
  });
});

describe('ids at confirmation', () => {
  it('hands out 1 to the first confirmed track even after tentative tracks came and went', () => {
    const tracker = new Tracker({ frameRate: FPS });
    // Three one-frame false positives: each starts a tentative track that the next run deletes.
    for (const x of [500, 700, 900]) {
      expect(tracker.update([makeDetection([x, 50, 40, 100])])).toEqual([]);
      expect(tracker.update([])).toEqual([]);
    }
    expect(tracker.trackCount).toBe(0);
    const out = [0, 1, 2].map((f) => tracker.update([makeDetection(walker(f))]));
    expect(out[2].map((t) => t.id)).toEqual([1]);
    // Its tentative boxes come out late under the same id (MOT output).
    expect(out[2][0].lateBoxes?.map((b) => b.frame)).toEqual([7, 8]);
  });

  it('numbers tracks in the order they are confirmed', () => {
    const tracker = new Tracker({ frameRate: 30, nInit: 0.2 });
    const a = (f: number): Tlwh => [100 + 2 * f, 100, 40, 100];
    const b = (f: number): Tlwh => [400 + 2 * f, 100, 40, 100];
    tracker.update([makeDetection(a(0))]);
    tracker.update([makeDetection(a(1)), makeDetection(b(1))]);
    tracker.update([makeDetection(a(2)), makeDetection(b(2))]);
    const out = tracker.update([makeDetection(a(3)), makeDetection(b(3))]);
    expect(out.map((t) => [t.id, t.box[0] < 300 ? 'a' : 'b'])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('uncertainty-aware costs', () => {
  it('buffered IoU widens both boxes by the buffer on every side', () => {
    const a: Tlwh = [0, 0, 10, 10];
    const b: Tlwh = [15, 0, 10, 10];
    expect(bufferedIou(a, b, 0)).toBe(iouTlwh(a, b));
    expect(bufferedIou(a, b, 0)).toBe(0);
    // [-5, -5, 20, 20] and [10, -5, 20, 20]: 5 x 20 overlap, union 700.
    expect(bufferedIou(a, b, 0.5)).toBeCloseTo(100 / 700, 12);
  });

  it('appearance weighs more as the time since the last detection grows', () => {
    const config = { motionWeight: 0.2, motionTrustSeconds: 0.5 };
    expect(motionWeightAfter(0, config)).toBe(0.2);
    expect(motionWeightAfter(0.5, config)).toBeCloseTo(0.1, 12);
    expect(motionWeightAfter(1.5, config)).toBeCloseTo(0.05, 12);
  });
});

describe('velocity per detector run', () => {
  it('reports velocity per update call, so predictBox(track, j / k) carries boxes between detections', () => {
    const tracker = new Tracker({ frameRate: FPS, nInit: 0 });
    let out: TrackOutput[] = [];
    for (let f = 0; f <= 40; f += EVERY) out = tracker.update([makeDetection(walker(f))], f + 1);
    // 8 px a frame is 32 px per run of 4 frames.
    expect(out[0].velocity[0]).toBeCloseTo(8 * EVERY, 0);
    const carried = predictBox(out[0], 2 / EVERY);
    expect(carried[0]).toBeCloseTo(walker(42)[0], 0);
  });
});
