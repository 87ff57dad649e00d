import { describe, expect, it } from 'vitest';
import { Tracker } from '../../src/core/tracking/index.ts';
import type { Tlwh } from '../../src/core/geometry/boxes.ts';
import { makeDetection } from './helpers.ts';

const BOX: Tlwh = [100, 100, 40, 100];
const moved = (b: Tlwh, dx: number, dy = 0): Tlwh => [b[0] + dx, b[1] + dy, b[2], b[3]];

describe('Tracker lifecycle', () => {
  it('reports a track only once confirmed after 3 hits on consecutive frames, with its tentative boxes', () => {
    const tracker = new Tracker({ frameRate: 30, nInit: 0.2 });
    expect(tracker.update([makeDetection(BOX)])).toEqual([]);
    expect(tracker.update([makeDetection(moved(BOX, 2))])).toEqual([]);
    const [t] = tracker.update([makeDetection(moved(BOX, 4))]);
    expect(t.id).toBe(1);
    expect(t.state).toBe('confirmed');
    expect(t.hits).toBe(3);
    expect(t.age).toBe(3);
    expect(t.timeSinceUpdate).toBe(0);
    expect(t.score).toBe(0.95);
    expect(t.lateBoxes).toEqual([
      { frame: 1, box: BOX },
      { frame: 2, box: moved(BOX, 2) },
    ]);
    expect(t.history).toHaveLength(3);
    expect(t.history[0]).toEqual([120, 150]);
    // Late boxes are handed out once.
    expect(tracker.update([makeDetection(moved(BOX, 6))])[0].lateBoxes).toBeUndefined();
  });

  it('deletes a tentative track on the first detector run that misses it', () => {
    const tracker = new Tracker({ frameRate: 30, nInit: 0.2 });
    tracker.update([makeDetection(BOX)]);
    tracker.update([makeDetection(BOX)]);
    expect(tracker.trackCount).toBe(1);
    expect(tracker.update([])).toEqual([]);
    expect(tracker.trackCount).toBe(0);
  });

  it('keeps a confirmed track through maxAge seconds of empty frames, then deletes it', () => {
    const tracker = new Tracker({ frameRate: 10, nInit: 0, maxAge: 0.3 });
    expect(tracker.update([makeDetection(BOX)]).map((t) => t.id)).toEqual([1]);
    for (let k = 0; k < 3; k++) {
      expect(tracker.update([])).toEqual([]); // zero detections: nothing reported, track kept
      expect(tracker.trackCount).toBe(1);
    }
    tracker.update([]);
    expect(tracker.trackCount).toBe(0);
  });

  it('re-acquires a track after a short gap with the same id and interpolated late boxes', () => {
    const tracker = new Tracker({ frameRate: 10, nInit: 0, gapFill: 0.5 });
    tracker.update([makeDetection(BOX)]);
    tracker.update([]);
    const [t] = tracker.update([makeDetection(moved(BOX, 4))]);
    expect(t.id).toBe(1);
    expect(t.lateBoxes).toEqual([{ frame: 2, box: moved(BOX, 2) }]);
  });

  it('handles frames with zero detections from the start', () => {
    const tracker = new Tracker();
    expect(tracker.update([])).toEqual([]);
    expect(tracker.update([])).toEqual([]);
  });

  it('owns its id counter: two trackers both start at 1', () => {
    const a = new Tracker({ nInit: 0 });
    const b = new Tracker({ nInit: 0 });
    a.update([makeDetection(BOX), makeDetection(moved(BOX, 300))]);
    expect(b.update([makeDetection(BOX)]).map((t) => t.id)).toEqual([1]);
  });

  it('bounds the trail to historyLength', () => {
    const tracker = new Tracker({ nInit: 0, historyLength: 4 });
    let out = tracker.update([makeDetection(BOX)]);
    for (let k = 1; k <= 10; k++) out = tracker.update([makeDetection(moved(BOX, 3 * k))]);
    expect(out[0].history).toHaveLength(4);
  });

  it('ignores detections below lowScoreThreshold and starts no track from low scores', () => {
    const tracker = new Tracker({ nInit: 0, highScoreThreshold: 0.9, lowScoreThreshold: 0.5, newTrackScoreThreshold: 0.9 });
    expect(tracker.update([makeDetection(BOX, 0.6)])).toEqual([]);
    expect(tracker.trackCount).toBe(0);
    tracker.update([makeDetection(BOX, 0.95)]);
    // A low-score detection keeps an existing track alive (ByteTrack second pass).
    const [t] = tracker.update([makeDetection(moved(BOX, 2), 0.6)]);
    expect(t.id).toBe(1);
    expect(t.score).toBe(0.6);
  });

  it('does not associate across classes when classAware', () => {
    const tracker = new Tracker({ nInit: 0 });
    tracker.update([makeDetection(BOX, 0.95, { classId: 0, label: 'person' })]);
    const out = tracker.update([makeDetection(BOX, 0.95, { classId: 2, label: 'car' })]);
    expect(out.map((t) => [t.id, t.label])).toEqual([[2, 'car']]);
  });
});

describe('Tracker id stability', () => {
  it('keeps ids through a synthetic crossing (motion only)', () => {
    const tracker = new Tracker();
    // Object A walks right, object B walks left, 15 px lower; their boxes overlap
    // heavily (IoU up to ~0.8) around frame 30.
    const a = (f: number): Tlwh => [100 + 6 * f, 200, 40, 100];
    const b = (f: number): Tlwh => [460 - 6 * f, 215, 40, 100];
    const idNear = (out: ReturnType<Tracker['update']>, box: Tlwh) =>
      out.find((t) => Math.abs(t.box[0] - box[0]) < 10 && Math.abs(t.box[1] - box[1]) < 10)?.id;
    const seen: Array<[number | undefined, number | undefined]> = [];
    for (let f = 0; f < 60; f++) {
      const out = tracker.update([makeDetection(a(f)), makeDetection(b(f))]);
      if (f % 10 === 5) seen.push([idNear(out, a(f)), idNear(out, b(f))]);
    }
    // Reported every sampled frame, before and after the crossing, with the same ids.
    expect(seen).toEqual(Array(6).fill([1, 2]));
  });

  it('keeps ids with appearance embeddings when boxes swap places', () => {
    const tracker = new Tracker({ nInit: 0, mahalanobisGate: false, motionWeight: 0, outputBox: 'detection' });
    const ea = Float32Array.from([1, 0, 0]);
    const eb = Float32Array.from([0, 1, 0]);
    const left: Tlwh = [100, 100, 40, 100];
    const right: Tlwh = [110, 100, 40, 100];
    tracker.update([makeDetection(left, 0.95, { embedding: ea }), makeDetection(right, 0.95, { embedding: eb })]);
    // Next frame the boxes swap; appearance keeps the identities.
    const out = tracker.update([makeDetection(left, 0.95, { embedding: eb }), makeDetection(right, 0.95, { embedding: ea })]);
    const byId = new Map(out.map((t) => [t.id, t.box[0]]));
    expect(byId.get(1)).toBe(right[0]);
    expect(byId.get(2)).toBe(left[0]);
  });
});
