import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ReplayDetector, StreamRunner, TrackingPipeline, type MotionMeasurer, type StreamRunnerOptions } from '../../src/core/pipeline';
import type { DetectorInput } from '../../src/core/detection';
import type { Detection, TrackOutput } from '../../src/core/tracking';
import { DEFAULT_TRACKER_CONFIG } from '../../src/core/tracking/config';

/** Two walkers crossing a 640-px frame at constant speed, one detection each per frame. */
const SPEED = 6;
const FRAMES = 60;
const walkers = (i: number): Detection[] => [
  { box: [20 + SPEED * i, 100, 40, 100], score: 0.9, classId: 0, label: 'person' },
  { box: [560 - SPEED * i, 260, 40, 100], score: 0.9, classId: 0, label: 'person' },
];
/** Carried boxes stay this close to the truth once the velocity has settled (lag without carry: 18–30 px). */
const POSITION_TOLERANCE_PX = 3;
const scene = Array.from({ length: FRAMES }, (_, i) => walkers(i));
/** The replay detector ignores pixels; any input will do. */
const NO_PIXELS = tf.zeros([1, 1, 3]) as tf.Tensor3D;

async function run(options: Partial<StreamRunnerOptions> = {}) {
  const detector = new ReplayDetector(scene);
  const runner = new StreamRunner(detector, { frameRate: 10, classes: null, preset: DEFAULT_TRACKER_CONFIG, ...options });
  const out = [];
  for (let i = 0; i < FRAMES; i++) {
    detector.frame = i;
    out.push(await runner.step(NO_PIXELS, i));
  }
  return out;
}

const boxes = (tracks: readonly TrackOutput[]) => tracks.map((t) => [t.id, ...t.box.map((v) => Math.round(v * 100) / 100)]);

describe('StreamRunner', () => {
  it('at k = 1 gives exactly what TrackingPipeline gives on every frame', async () => {
    const detector = new ReplayDetector(scene);
    const runner = new StreamRunner(detector, { frameRate: 10, classes: null, preset: DEFAULT_TRACKER_CONFIG });
    const plain = new TrackingPipeline(new ReplayDetector(scene), runner.settings.tracker);
    for (let i = 0; i < FRAMES; i++) {
      detector.frame = i;
      (plain.detector as ReplayDetector).frame = i;
      const [a, b] = [await runner.step(NO_PIXELS, i), await plain.detectAndTrack(NO_PIXELS, i)];
      expect(a.detected).toBe(true);
      expect(a.tracks).toEqual(b.tracks);
    }
  });

  it('every k-th frame is detected; the others carry the boxes along the walkers', async () => {
    const out = await run({ cadence: 3 });
    expect(out.map((r) => r.detected)).toEqual(out.map((_, i) => i % 3 === 0));
    for (const r of out.slice(30)) {
      const left = r.tracks.find((t) => t.box[1] < 200)!;
      // The Kalman velocity settles within a pixel or two of the walker's 6 px per frame.
      expect(Math.abs(left.box[0] - walkers(r.index)[0].box[0])).toBeLessThan(POSITION_TOLERANCE_PX);
    }
    expect(new Set(out.flatMap((r) => r.tracks.map((t) => t.id))).size).toBe(2);
  });

  it('realtime: a result appears only after its latency, drawn at the current frame, and runs repeat exactly', async () => {
    const a = await run({ latency: 250 });
    // 10 fps and 250 ms: detections start on frames 0, 3, 6, …; frame 0's result shows from frame 3.
    expect(a.slice(0, 3).every((r) => r.tracks.length === 0)).toBe(true);
    expect(a.filter((r) => r.detected)).toEqual([]);
    for (const r of a.slice(30)) {
      const left = r.tracks.find((t) => t.box[1] < 200)!;
      // Not where the walker was when its frame was detected (3 to 5 frames × 6 px ago), but where it is now.
      expect(Math.abs(left.box[0] - walkers(r.index)[0].box[0])).toBeLessThan(POSITION_TOLERANCE_PX);
    }
    const b = await run({ latency: 250 });
    expect(b.map((r) => boxes(r.tracks))).toEqual(a.map((r) => boxes(r.tracks)));
  });

  it('calls the motion measurer on carried frames with their pixels and reports what it returns', async () => {
    const calls: Array<{ index: number; frame: DetectorInput; tracks: number }> = [];
    const observed: number[] = [];
    const motion: MotionMeasurer = {
      measure: (frame, index, tracks) => {
        calls.push({ index, frame, tracks: tracks.length });
        return Promise.resolve(tracks.map((t) => ({ ...t, box: [t.box[0] + 1, t.box[1], t.box[2], t.box[3]] as const })));
      },
      observe: (_frame, index) => {
        observed.push(index);
        return Promise.resolve();
      },
    };
    const plain = await run({ cadence: 2 });
    const moved = await run({ cadence: 2, motion });
    expect(calls.map((c) => c.index)).toEqual(plain.filter((r) => !r.detected).map((r) => r.index));
    expect(observed).toEqual(plain.filter((r) => r.detected).map((r) => r.index));
    expect(calls.every((c) => c.frame === NO_PIXELS)).toBe(true);
    expect(moved[11].tracks[0].box[0]).toBeCloseTo(plain[11].tracks[0].box[0] + 1, 9);
  });

  it('resetTracks restarts ids and forgets the shown result', async () => {
    const detector = new ReplayDetector(scene);
    const runner = new StreamRunner(detector, { frameRate: 10, classes: null, preset: DEFAULT_TRACKER_CONFIG, cadence: 2 });
    for (let i = 0; i < 10; i++) {
      detector.frame = i;
      await runner.step(NO_PIXELS, i);
    }
    runner.resetTracks();
    expect((await runner.step(NO_PIXELS, 11)).tracks).toEqual([]); // no stale boxes from before the reset
  });
});
